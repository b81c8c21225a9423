import { euclideanMatrix, type Rounding } from './distance.ts';
import type { CvrpInstance } from './types.ts';

/** A CVRPLIB/TSPLIB CVRP file. Arrays are indexed by node position (file id - 1 for standard files). */
export interface VrpFile {
  name: string;
  comment: string;
  dimension: number;
  capacity: number;
  edgeWeightType: string;
  /** Route duration limit (`DISTANCE`), when present. */
  distanceLimit?: number;
  /** Service time of every customer (`SERVICE_TIME`), when present. */
  serviceTime?: number;
  /** Node ids as written in the file. */
  ids: number[];
  x: number[];
  y: number[];
  demand: number[];
  /** Position of the depot in the arrays above. */
  depot: number;
}

const SECTIONS = new Set(['NODE_COORD_SECTION', 'DEMAND_SECTION', 'DEPOT_SECTION', 'EOF']);

/** Parses a CVRPLIB file; tolerant of tabs, CRLF and stray spaces. Throws Error on malformed input. */
export function parseVrp(text: string): VrpFile {
  const header = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = '';
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === '') continue;
    const keyword = line.split(/\s*:/)[0]!.trim().toUpperCase();
    if (SECTIONS.has(keyword)) {
      section = keyword;
      if (section === 'EOF') break;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && /^[A-Z_]+$/i.test(line.slice(0, colon).trim())) {
      header.set(line.slice(0, colon).trim().toUpperCase(), line.slice(colon + 1).trim());
      section = '';
      continue;
    }
    const fields = line.split(/\s+/).map(Number);
    if (fields.some((f) => Number.isNaN(f))) throw new Error(`unexpected line: ${line}`);
    if (section === 'NODE_COORD_SECTION' && fields.length >= 3)
      coords.set(fields[0]!, [fields[1]!, fields[2]!]);
    else if (section === 'DEMAND_SECTION' && fields.length >= 2) demands.set(fields[0]!, fields[1]!);
    else if (section === 'DEPOT_SECTION') {
      for (const f of fields) if (f !== -1) depots.push(f);
    } else throw new Error(`unexpected line: ${line}`);
  }

  const dimension = positiveNumber(header, 'DIMENSION');
  const capacity = positiveNumber(header, 'CAPACITY');
  const edgeWeightType = (header.get('EDGE_WEIGHT_TYPE') ?? '').toUpperCase();
  if (edgeWeightType !== 'EUC_2D')
    throw new Error(`unsupported EDGE_WEIGHT_TYPE: ${edgeWeightType || '(none)'}`);
  if (coords.size !== dimension)
    throw new Error(`NODE_COORD_SECTION has ${coords.size} nodes, expected ${dimension}`);
  if (demands.size !== dimension)
    throw new Error(`DEMAND_SECTION has ${demands.size} nodes, expected ${dimension}`);
  const ids = [...coords.keys()].sort((a, b) => a - b);
  const position = new Map(ids.map((id, i) => [id, i]));
  const depotId = depots[0] ?? ids[0]!;
  if (depots.length > 1) throw new Error('multiple depots are not supported');
  const depot = position.get(depotId);
  if (depot === undefined) throw new Error(`depot ${depotId} has no coordinates`);

  const file: VrpFile = {
    name: header.get('NAME') ?? '',
    comment: header.get('COMMENT') ?? '',
    dimension,
    capacity,
    edgeWeightType,
    ids,
    x: ids.map((id) => coords.get(id)![0]),
    y: ids.map((id) => coords.get(id)![1]),
    demand: ids.map((id) => {
      const q = demands.get(id);
      if (q === undefined) throw new Error(`node ${id} has no demand`);
      return q;
    }),
    depot,
  };
  if (header.has('DISTANCE')) file.distanceLimit = positiveNumber(header, 'DISTANCE');
  if (header.has('SERVICE_TIME')) file.serviceTime = Number(header.get('SERVICE_TIME'));
  if (file.serviceTime !== undefined && !(file.serviceTime >= 0))
    throw new Error('SERVICE_TIME must be >= 0');
  return file;
}

function positiveNumber(header: Map<string, string>, key: string): number {
  const value = Number(header.get(key));
  if (!header.has(key) || !(value > 0)) throw new Error(`missing or invalid ${key}`);
  return value;
}

/** Solver instance for a parsed file under the given edge rounding; indices are array positions. */
export function vrpToInstance(file: VrpFile, rounding: Rounding): CvrpInstance {
  const inst: CvrpInstance = {
    n: file.dimension,
    depot: file.depot,
    demand: file.demand,
    capacity: file.capacity,
    dist: euclideanMatrix(file.x, file.y, rounding),
    x: file.x,
    y: file.y,
  };
  if (file.serviceTime !== undefined) inst.serviceTime = file.serviceTime;
  if (file.distanceLimit !== undefined) inst.maxDuration = file.distanceLimit;
  return inst;
}

/**
 * Routes of a CVRPLIB `.sol` file, converted to node positions of the matching `.vrp` file
 * (`.sol` numbers customers 1..n, i.e. customer c is file node c + 1 = position c).
 */
export function parseSolution(text: string): { routes: number[][]; cost: number } {
  const routes: number[][] = [];
  let cost = Number.NaN;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const route = /^Route\s*#\d+\s*:(.*)$/i.exec(line);
    if (route) routes.push(route[1]!.trim().split(/\s+/).filter(Boolean).map(Number));
    const c = /^Cost\s+([-+\d.eE]+)/i.exec(line);
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
}
