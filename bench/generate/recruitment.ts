/**
 * Recruitment history: every partner came through an approved application (store owners and
 * young people back from the cities), and each county has applicants still in the pipeline or
 * turned down. Answers are scored with the built-in rubrics, as `submitApplication` does.
 */
import {
  type Answers,
  defaultRubrics,
  type Profile,
  scoreAnswers,
} from '../../server/modules/recruitment/index.ts';
import type { ApplicationStatus } from '../../server/modules/recruitment/recruitment.tables.ts';
import type { Ctx } from './context.ts';
import { personName, phoneNumber } from './geo.ts';
import type { CountyPlan } from './network.ts';
import { DAY, HOUR, iso } from './rng.ts';
import type { Sink } from './sink.ts';
import { makeTally } from './tallies.ts';

function answersFor(ctx: Ctx, profile: Profile): Answers {
  const answers: Answers = {};
  for (const c of defaultRubrics[profile].criteria) {
    if (c.kind === 'yes_no') answers[c.key] = ctx.rng.chance(0.7);
    else if (c.kind === 'number') answers[c.key] = ctx.rng.int(0, 80);
    else answers[c.key] = ctx.rng.pick(c.options).value;
  }
  return answers;
}

function application(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  p: {
    villageId: string;
    status: ApplicationStatus;
    submittedMs: number;
    decidedMs: number | null;
    partnerId: string | null;
    centreId: string | null;
  },
): void {
  const { rng } = ctx;
  const profile: Profile = rng.chance(0.6) ? 'store_owner' : 'returning_youth';
  const answers = answersFor(ctx, profile);
  const scored = scoreAnswers(defaultRubrics[profile], answers);
  const byStaff = rng.chance(0.4);
  const staff = rng.pick(county.staffIds);
  const id = rng.idAt(p.submittedMs);
  const decided = p.status === 'approved' || p.status === 'rejected';
  sink.add('recruitment_applications', {
    id,
    county_id: county.id,
    village_id: p.villageId,
    name: personName(rng),
    phone: phoneNumber(ctx.counters.phone++),
    profile,
    answers: JSON.stringify(answers),
    score: scored.score,
    max_score: scored.maxScore,
    rubric_version: 0,
    breakdown: JSON.stringify(scored.breakdown),
    status: p.status,
    source: byStaff ? 'county_staff' : 'public_form',
    submitted_by: byStaff ? staff : null,
    reject_reason: p.status === 'rejected' ? rng.pick(rejectReasons) : null,
    decided_by: decided ? staff : null,
    decided_at: decided && p.decidedMs ? iso(p.decidedMs) : null,
    partner_user_id: p.partnerId,
    center_id: p.centreId,
    created_at: iso(p.submittedMs),
    updated_at: iso(p.decidedMs ?? p.submittedMs),
  });
  if (p.status !== 'submitted') {
    const noteMs = p.submittedMs + rng.int(24, 120) * HOUR;
    sink.add('interview_notes', {
      id: rng.idAt(noteMs),
      application_id: id,
      county_id: county.id,
      author_id: staff,
      author_name: '县运营中心',
      body: rng.pick(notes),
      created_at: iso(Math.min(noteMs, p.decidedMs ?? noteMs)),
    });
  }
}

const rejectReasons = ['位置偏僻，客流不足', '无法保证营业时间', '对网购业务不熟悉', '已有服务站覆盖该村'];
const notes = [
  '沟通顺畅，学习能力强',
  '店铺位置好，村民信任度高',
  '有电商经验，熟悉手机操作',
  '需要加强培训',
];

export function writeRecruitment(ctx: Ctx, sink: Sink, county: CountyPlan): void {
  const tally = makeTally(county.id, ['applications']);
  for (const centre of county.centres) {
    if (!centre.partnerId) continue;
    const decidedMs = centre.createdMs - 5 * DAY;
    tally.count('approved', { applications: 1 });
    application(ctx, sink, county, {
      villageId: centre.villageId,
      status: 'approved',
      submittedMs: decidedMs - ctx.rng.int(7, 30) * DAY,
      decidedMs,
      partnerId: centre.partnerId,
      centreId: centre.id,
    });
  }
  const others = Math.ceil(county.centres.length * 0.3);
  for (let i = 0; i < others && county.centres.length > 0; i++) {
    const roll = ctx.rng.next();
    const status: ApplicationStatus = roll < 0.3 ? 'submitted' : roll < 0.5 ? 'interviewed' : 'rejected';
    const submittedMs = ctx.startMs + Math.floor(ctx.rng.next() * (ctx.endMs - ctx.startMs - 10 * DAY));
    tally.count(status, { applications: 1 });
    application(ctx, sink, county, {
      villageId: ctx.rng.pick(county.centres).villageId,
      status,
      submittedMs,
      decidedMs: status === 'rejected' ? submittedMs + ctx.rng.int(3, 9) * DAY : null,
      partnerId: null,
      centreId: null,
    });
  }
  tally.write(sink, 'application_counts');
}
