import type { Queryable } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canSeeCenter } from '../identity/index.ts';
import { findCenter } from '../network/index.ts';
import { maskPhone } from './phone.ts';
import type { VillagerRow } from './villagers.tables.ts';

export type Villager = {
  id: string;
  name: string;
  phone: string;
  centerId: string;
  countyId: string;
  createdAt: string;
};

const toVillager = (r: VillagerRow, masked = false): Villager => ({
  id: r.id,
  name: r.name,
  phone: masked ? maskPhone(r.phone) : r.phone,
  centerId: r.center_id,
  countyId: r.county_id,
  createdAt: r.created_at,
});

async function existingInCounty(db: Queryable, countyId: string, phone: string) {
  return db
    .selectFrom('villagers')
    .select('id')
    .where('county_id', '=', countyId)
    .where('phone', '=', phone)
    .executeTakeFirst();
}

/** The partner registers a villager at its own centre; a phone is unique within a county. */
export async function registerVillager(
  deps: Deps,
  actor: Actor,
  input: { name: string; phone: string },
): Promise<Villager> {
  const center = actor.centerId ? await findCenter(deps.db, actor.centerId) : null;
  if (!center) throw invalidState('You run no centre yet');
  if (center.status !== 'open') throw invalidState(`The centre is ${center.status}`);
  const duplicate = () => existingInCounty(deps.db, center.countyId, input.phone);
  const found = await duplicate();
  if (found) {
    throw new AppError('villager_exists', 'A villager with this phone is registered in the county', {
      villagerId: found.id,
    });
  }
  const row: VillagerRow = {
    id: uuidv7(),
    county_id: center.countyId,
    center_id: center.id,
    name: input.name,
    phone: input.phone,
    registered_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  };
  try {
    await deps.db.insertInto('villagers').values(row).execute();
  } catch (error) {
    const raced = isUniqueViolation(error) ? await duplicate() : undefined;
    if (raced) {
      throw new AppError('villager_exists', 'A villager with this phone is registered in the county', {
        villagerId: raced.id,
      });
    }
    throw error;
  }
  return toVillager(row);
}

export async function findVillager(db: Queryable, id: string): Promise<Villager | null> {
  const row = await db.selectFrom('villagers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toVillager(row) : null;
}

/** The roles that call or text villagers; a government viewer only reads figures. */
const servesVillagers = new Set(['partner', 'county_staff', 'hq_admin']);

/**
 * One villager: phone in full for the partner of the centre and the county's staff (who
 * call the villager), masked for the government viewer.
 */
export async function getVillager(deps: Deps, actor: Actor, id: string): Promise<Villager> {
  const v = await findVillager(deps.db, id);
  assertFound(v !== null && canSeeCenter(actor, { id: v.centerId, countyId: v.countyId }), 'Villager');
  return servesVillagers.has(actor.role) ? v! : { ...v!, phone: maskPhone(v!.phone) };
}

export type VillagerQuery = {
  phone?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
};

/**
 * Villagers in scope with masked phones: a partner's own centre, a county's for county
 * roles. `phone` matches a full number or its last digits; `q` matches names.
 */
export async function listVillagers(deps: Deps, actor: Actor, query: VillagerQuery): Promise<Villager[]> {
  let q = deps.db.selectFrom('villagers').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (actor.role === 'partner') q = q.where('center_id', '=', actor.centerId ?? '');
  else if (actor.role !== 'hq_admin') q = q.where('county_id', '=', actor.countyId ?? '');
  if (query.phone)
    q =
      query.phone.length === 11
        ? q.where('phone', '=', query.phone)
        : q.where('phone', 'like', `%${query.phone}`);
  if (query.q) q = q.where('name', 'like', `%${query.q.replace(/[%_]/g, '')}%`);
  const rows = await q.limit(query.limit).offset(query.offset).execute();
  return rows.map((r) => toVillager(r, true));
}

/**
 * The names of the county's villagers with these phones, keyed by phone, for other modules
 * that must put a (masked) name on a parcel; no scope check.
 */
export async function villagerNamesByPhone(
  db: Queryable,
  countyId: string,
  phones: readonly string[],
): Promise<Map<string, string>> {
  if (phones.length === 0) return new Map();
  const rows = await db
    .selectFrom('villagers')
    .select(['phone', 'name'])
    .where('county_id', '=', countyId)
    .where('phone', 'in', [...new Set(phones)])
    .execute();
  return new Map(rows.map((r) => [r.phone, r.name]));
}

/**
 * How many villagers each centre registered over `[from, to)`, counted in SQL, for dashboards;
 * centres that registered none get 0. No scope check.
 */
export async function villagersRegisteredAt(
  db: Queryable,
  centerIds: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, number>> {
  const out = new Map<string, number>(centerIds.map((id) => [id, 0]));
  if (centerIds.length === 0) return out;
  const rows = await db
    .selectFrom('villagers')
    .where('center_id', 'in', centerIds)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .select((eb) => ['center_id', eb.fn.countAll().as('n')])
    .groupBy('center_id')
    .execute();
  for (const r of rows) out.set(r.center_id, Number(r.n));
  return out;
}
