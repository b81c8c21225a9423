/**
 * A county as the network and identity modules would hold it after months of work: the
 * county with its hub, villages around the hub, centres in every state, its staff, its
 * government viewer and the partners who run the centres.
 */
import type { CenterStatus } from '../../server/modules/network/network.tables.ts';
import type { Ctx } from './context.ts';
import { countyName, near, type Province, personName, provinces, villageName } from './geo.ts';
import { DAY, iso } from './rng.ts';
import type { Sink } from './sink.ts';
import { makeTally } from './tallies.ts';

export type CentrePlan = {
  id: string;
  index: number;
  name: string;
  villageId: string;
  villageName: string;
  lat: number;
  lon: number;
  status: CenterStatus;
  createdMs: number;
  /** When it opened (null while planned) and until when it traded (suspended or closed since). */
  openedMs: number | null;
  tradedUntilMs: number;
  partnerId: string | null;
};

export type CountyPlan = {
  id: string;
  index: number;
  name: string;
  province: Province;
  lat: number;
  lon: number;
  createdMs: number;
  requiresConfirmation: boolean;
  staffIds: string[];
  hubPlace: string;
  centres: CentrePlan[];
};

export function writeCounty(ctx: Ctx, sink: Sink, index: number): CountyPlan {
  const { rng, startMs, endMs } = ctx;
  const province = provinces[index % provinces.length]!;
  const hub = near(rng, province.lat, province.lon, province.spread * 111);
  const name = countyName(index);
  const createdMs = startMs - 60 * DAY;
  const id = rng.idAt(createdMs);
  const requiresConfirmation = rng.chance(0.1);
  sink.add('counties', {
    id,
    code: `${province.short}${String(index + 1).padStart(4, '0')}`,
    name,
    province: province.name,
    hub_lat: hub.lat,
    hub_lon: hub.lon,
    hub_address: `${province.name}${name}城关镇物流园1号`,
    requires_order_confirmation: requiresConfirmation ? 1 : 0,
    created_at: iso(createdMs),
  });
  const user = (
    login: string,
    role: 'county_staff' | 'gov_viewer' | 'partner',
    displayName: string,
    at: number,
    centerId: string | null = null,
  ) => {
    const userId = rng.idAt(at);
    sink.add('users', {
      id: userId,
      login,
      password_hash: ctx.passwordHash,
      display_name: displayName,
      role,
      county_id: id,
      center_id: centerId,
      merchant_id: null,
      status: 'active',
      created_at: iso(at),
      updated_at: iso(at),
    });
    return userId;
  };
  const c = index + 1;
  const staffIds = [user(`county${c}`, 'county_staff', `${name}运营中心`, createdMs)];
  staffIds.push(user(`county${c}-2`, 'county_staff', personName(rng), createdMs + DAY));
  user(`gov${c}`, 'gov_viewer', `${name}商务局`, createdMs + DAY);

  const span = endMs - startMs;
  const centres: CentrePlan[] = [];
  const centreTally = makeTally(id, ['centers', 'partners']);
  const villages = Math.ceil(ctx.opts.centresPerCounty * 1.1);
  const nameOffset = rng.int(0, 10_000);
  for (let v = 0; v < villages; v++) {
    const at = createdMs + rng.int(1, 20) * DAY;
    const spot = near(rng, hub.lat, hub.lon, 35);
    const villageId = rng.idAt(at);
    const vName = villageName(nameOffset, v);
    sink.add('villages', {
      id: villageId,
      county_id: id,
      name: vName,
      lat: spot.lat,
      lon: spot.lon,
      population: rng.int(400, 6_000),
      created_at: iso(at),
    });
    if (v >= ctx.opts.centresPerCounty) continue;
    const roll = rng.next();
    const status: CenterStatus =
      roll < 0.85 ? 'open' : roll < 0.92 ? 'planned' : roll < 0.97 ? 'suspended' : 'closed';
    // Most centres opened early in the period, a steady trickle later.
    const openedMs =
      status === 'planned' ? null : startMs + Math.floor(rng.next() ** 1.6 * (span - 10 * DAY));
    const centreCreated = Math.max(at + DAY, (openedMs ?? endMs - 5 * DAY) - rng.int(15, 40) * DAY);
    const stoppedMs =
      status === 'suspended' || status === 'closed'
        ? openedMs! + Math.floor((endMs - openedMs!) * (0.5 + 0.4 * rng.next()))
        : null;
    const centreId = rng.idAt(centreCreated);
    const centreName = `${vName}服务站`;
    const partnerId =
      status === 'planned' && rng.chance(0.6)
        ? null
        : user(`p${c}-${v + 1}`, 'partner', personName(rng), centreCreated - 5 * DAY, centreId);
    sink.add('centers', {
      id: centreId,
      county_id: id,
      village_id: villageId,
      name: centreName,
      address: `${province.name}${name}${vName}村委会旁`,
      status,
      partner_user_id: partnerId,
      created_at: iso(centreCreated),
      opened_at: openedMs === null ? null : iso(openedMs),
      status_changed_at: iso(stoppedMs ?? openedMs ?? centreCreated),
    });
    centreTally.count(status, { centers: 1, partners: partnerId === null ? 0 : 1 });
    centres.push({
      id: centreId,
      index: v,
      name: centreName,
      villageId,
      villageName: vName,
      lat: spot.lat,
      lon: spot.lon,
      status,
      createdMs: centreCreated,
      openedMs,
      tradedUntilMs: stoppedMs ?? endMs,
      partnerId,
    });
  }
  centreTally.write(sink, 'center_counts');
  return {
    id,
    index,
    name,
    province,
    lat: hub.lat,
    lon: hub.lon,
    createdMs,
    requiresConfirmation,
    staffIds,
    hubPlace: `县级运营中心 ${name}`,
    centres,
  };
}
