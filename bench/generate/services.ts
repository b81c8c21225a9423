/**
 * Everyday services at the counter (top-ups, utility bills, tickets) as the services module
 * records them once the provider has answered: the float pays the provider, the partner's fee
 * is earned on the commission account and set off against the cash the partner took; a
 * failed request is reversed exactly. The villager gets the result by SMS.
 */
import { serviceResultSms } from '../../server/modules/services/index.ts';
import type { ServiceKind, ServiceRequestRow } from '../../server/modules/services/services.tables.ts';
import type { Ctx } from './context.ts';
import { writeSms } from './messages.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { CST, iso, withTail } from './rng.ts';
import type { Sink } from './sink.ts';
import type { Payer, Villager } from './trade.ts';

const feeBps: Record<ServiceKind, number> = { mobile_topup: 100, utility_bill: 100, travel_ticket: 300 };
const topups = [1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 50_000];
const stations = ['县城汽车站', '市火车站', '杭州东', '广州南', '成都东', '郑州东', '长沙南'];

export function writeService(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  villager: Villager,
  at: number,
  payer: Payer,
): { amountFen: number } {
  const { rng, books } = ctx;
  const roll = rng.next();
  const kind: ServiceKind = roll < 0.6 ? 'mobile_topup' : roll < 0.9 ? 'utility_bill' : 'travel_ticket';
  const amountFen =
    kind === 'mobile_topup'
      ? rng.pick(topups)
      : kind === 'utility_bill'
        ? rng.int(30, 400) * 100
        : rng.int(20, 450) * 100;
  const details =
    kind === 'mobile_topup'
      ? { phone: villager.phone, carrier: 'china_mobile' }
      : kind === 'utility_bill'
        ? {
            utility: 'electricity',
            biller: '国网电力',
            accountNo: `${rng.int(1_000_000_000, 9_999_999_999)}`,
          }
        : {
            mode: 'train',
            from: '县城汽车站',
            to: rng.pick(stations.slice(1)),
            date: new Date(at + CST + 3 * 86_400_000).toISOString().slice(0, 10),
            passenger: '村民',
            seatClass: 'second',
          };
  const feeFen = Math.floor((amountFen * feeBps[kind]) / 10_000);
  const id = withTail(rng.idAt(at), ctx.counters.receipt++);
  const failed = rng.chance(0.04);
  const resolvedMs = at + rng.int(5, 90) * 1_000;
  payer.ensure(amountFen, at);
  const entries = [
    { account: payer.account, amountFen },
    { account: 'service_provider_payable:sandbox', amountFen: -amountFen },
    { account: `partner_fee_cash:${centre.id}`, amountFen: feeFen },
    { account: `commission_payable:${centre.id}`, amountFen: -feeFen },
  ];
  books.post(sink, { kind: 'service_fee', refId: id, countyId: county.id, memo: kind, at, entries });
  if (failed) {
    books.post(sink, {
      kind: 'service_refund',
      refId: id,
      countyId: county.id,
      memo: '缴费账户号码有误',
      at: resolvedMs,
      entries: entries.map((e) => ({ account: e.account, amountFen: -e.amountFen })),
    });
  }
  const day = new Date(at + CST).toISOString().slice(0, 10).replaceAll('-', '');
  const request = {
    id,
    county_id: county.id,
    center_id: centre.id,
    villager_id: villager.id,
    requested_by: centre.partnerId!,
    kind,
    provider: 'sandbox',
    payment: 'float',
    amount_fen: amountFen,
    fee_fen: feeFen,
    fee_schedule_version: 1,
    details: JSON.stringify(details),
    receipt_no: `SV${day}${id.replace(/-/g, '').slice(-8).toUpperCase()}`,
    status: failed ? 'failed' : 'succeeded',
    provider_ref: failed ? null : `SB${rng.hex(10).toUpperCase()}`,
    failure_reason: failed ? '缴费账户号码有误' : null,
    attempts: 1,
    created_at: iso(at),
    updated_at: iso(resolvedMs),
    resolved_at: iso(resolvedMs),
  } satisfies ServiceRequestRow;
  sink.add('service_requests', request);
  writeSms(ctx, sink, {
    to: villager.phone,
    ...serviceResultSms(request, centre.name, request.status),
    countyId: county.id,
    at: resolvedMs,
  });
  return { amountFen: failed ? 0 : amountFen };
}
