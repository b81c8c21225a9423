/**
 * What a centre needs before it opens, as the training, onboarding, government and logistics
 * modules record it: a training session each month at the hub where partners pass the required
 * course (and get a certificate), the platform's hardware and signage at the centre, the
 * county's agreement with its government, and the county's vans.
 */
import type { AssetKind } from '../../server/modules/onboarding/onboarding.tables.ts';
import type { Ctx } from './context.ts';
import type { CountyPlan } from './network.ts';
import { DAY, HOUR, iso, withTail } from './rng.ts';
import type { Sink } from './sink.ts';

const hardware: ReadonlyArray<[AssetKind, string]> = [
  ['pc', '联想 启天M430'],
  ['tv_screen', '海信 55E3F'],
  ['printer', '得力 DL-888D'],
  ['barcode_scanner', '新大陆 NLS-HR32'],
];

/** What a county van carries; a run is never loaded beyond it (a second trip takes the rest). */
export const VAN_CAPACITY_KG = 1_500;

export function writeCountyBasics(ctx: Ctx, sink: Sink, county: CountyPlan): string[] {
  const { rng } = ctx;
  const signedMs = county.createdMs + 5 * DAY;
  sink.add('gov_agreements', {
    id: rng.idAt(signedMs),
    county_id: county.id,
    title: `${county.name}电子商务进农村综合示范合作协议`,
    signed_on: iso(signedMs).slice(0, 10),
    valid_until: `${Number(iso(signedMs).slice(0, 4)) + 3}${iso(signedMs).slice(4, 10)}`,
    terms: '县政府提供县级运营中心场地及物流补贴，平台负责村级服务站建设与合伙人培训。',
    subsidy_fen: rng.int(50, 500) * 1_000_000,
    documents: '[]',
    created_by: county.staffIds[0]!,
    created_at: iso(signedMs),
  });
  const vehicles: string[] = [];
  for (let v = 0; v < 3; v++) {
    const id = rng.idAt(county.createdMs + DAY);
    vehicles.push(id);
    sink.add('vehicles', {
      id,
      county_id: county.id,
      name: `${county.name}配送车${v + 1}号`,
      capacity_kg: VAN_CAPACITY_KG,
      shift_minutes: 480,
      created_at: iso(county.createdMs + DAY),
    });
  }
  return vehicles;
}

export function writeTraining(ctx: Ctx, sink: Sink, county: CountyPlan): void {
  const { rng } = ctx;
  const sessions: Array<{ id: string; ms: number }> = [];
  for (let ms = ctx.startMs - 45 * DAY; ms < ctx.endMs; ms += 30 * DAY) {
    const at = ms + 2 * HOUR;
    const id = rng.idAt(at - 10 * DAY);
    sessions.push({ id, ms: at });
    sink.add('training_sessions', {
      id,
      county_id: county.id,
      course_id: ctx.courses.required,
      starts_at: iso(at),
      trainer: '县运营中心培训师',
      location: `${county.name}县级运营中心培训室`,
      created_by: county.staffIds[0]!,
      created_at: iso(at - 10 * DAY),
    });
  }
  for (const centre of county.centres) {
    if (!centre.partnerId) continue;
    const before = centre.openedMs ?? (rng.chance(0.5) ? ctx.endMs : null);
    if (before === null) continue;
    const session = [...sessions].reverse().find((s) => s.ms < before - DAY) ?? sessions[0]!;
    const recordedMs = session.ms + 6 * HOUR;
    const score = rng.int(70, 100);
    sink.add('training_attendance', {
      id: rng.idAt(recordedMs),
      session_id: session.id,
      county_id: county.id,
      course_id: ctx.courses.required,
      user_id: centre.partnerId,
      passed: 1,
      score,
      recorded_by: county.staffIds[0]!,
      recorded_at: iso(recordedMs),
    });
    const certificateId = withTail(rng.idAt(recordedMs), ctx.counters.certificate++);
    sink.add('certificates', {
      id: certificateId,
      certificate_no: `CT${iso(recordedMs).slice(0, 4)}-${certificateId.replace(/-/g, '').slice(-10).toUpperCase()}`,
      user_id: centre.partnerId,
      course_id: ctx.courses.required,
      county_id: county.id,
      session_id: session.id,
      score,
      issued_at: iso(recordedMs),
    });
    // The generated network has one required course, so its certificate completes the set.
    sink.add('certified_partners', {
      user_id: centre.partnerId,
      county_id: county.id,
      certified_at: iso(recordedMs),
    });
  }
}

export function writeCentreSetup(ctx: Ctx, sink: Sink, county: CountyPlan): void {
  const { rng } = ctx;
  for (const centre of county.centres) {
    if (centre.openedMs === null) continue;
    const at = centre.openedMs - 3 * DAY;
    for (const [kind, model] of hardware) {
      sink.add('center_assets', {
        id: rng.idAt(at),
        county_id: county.id,
        center_id: centre.id,
        kind,
        serial_no: `SN${String(ctx.counters.serial++).padStart(10, '0')}`,
        model,
        recorded_by: county.staffIds[0]!,
        created_at: iso(at),
      });
    }
    sink.add('onboarding_steps', {
      id: rng.idAt(at + HOUR),
      county_id: county.id,
      center_id: centre.id,
      step: 'signage',
      note: '门头招牌已安装',
      recorded_by: county.staffIds[0]!,
      done_at: iso(at + HOUR),
    });
  }
}
