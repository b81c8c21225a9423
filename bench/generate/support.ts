/**
 * Partners' support tickets to their county centre: the partner's message, the staff's first
 * reply, and a resolution for all but the recent ones — the times the support stats measure.
 */
import type { TicketCategory, TicketStatus } from '../../server/modules/support/support.tables.ts';
import type { Ctx } from './context.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { DAY, HOUR, iso, MINUTE } from './rng.ts';
import type { Sink } from './sink.ts';

const subjects: Record<TicketCategory, string[]> = {
  hardware: ['电视屏幕无法开机', '打印机卡纸', '扫码枪无法识别条码'],
  software: ['下单页面加载很慢', '无法登录系统'],
  network: ['店里网络经常断开'],
  orders: ['订单一直显示待发货', '村民想修改订单地址'],
  logistics: ['包裹三天还没到站', '取件码短信没收到'],
  payments: ['保证金充值未到账', '佣金金额有疑问'],
  other: ['想申请更多宣传物料'],
};

export function writeTickets(ctx: Ctx, sink: Sink, county: CountyPlan, centre: CentrePlan): void {
  const { rng, endMs } = ctx;
  if (centre.openedMs === null || !centre.partnerId) return;
  const months = (centre.tradedUntilMs - centre.openedMs) / (30 * DAY);
  const count = Math.floor(months * 0.8 + rng.next());
  for (let n = 0; n < count; n++) {
    const created = centre.openedMs + Math.floor(rng.next() * (centre.tradedUntilMs - centre.openedMs));
    const category = rng.pick(Object.keys(subjects) as TicketCategory[]);
    const subject = rng.pick(subjects[category]);
    const responded = created + rng.int(10, 600) * MINUTE;
    const resolved = responded + rng.int(1, 48) * HOUR;
    const status: TicketStatus = resolved <= endMs ? 'resolved' : responded <= endMs ? 'in_progress' : 'open';
    const staff = rng.pick(county.staffIds);
    const id = rng.idAt(created);
    sink.add('support_tickets', {
      id,
      county_id: county.id,
      center_id: centre.id,
      opened_by: centre.partnerId,
      category,
      priority: rng.chance(0.1) ? 'high' : 'normal',
      subject,
      status,
      assignee_id: status === 'open' ? null : staff,
      first_response_at: status === 'open' ? null : iso(responded),
      resolved_at: status === 'resolved' ? iso(resolved) : null,
      resolution: status === 'resolved' ? '已远程协助处理' : null,
      created_at: iso(created),
      updated_at: iso(status === 'resolved' ? resolved : status === 'in_progress' ? responded : created),
    });
    const message = (at: number, author: string, name: string, role: string, body: string) =>
      sink.add('support_messages', {
        id: rng.idAt(at),
        ticket_id: id,
        county_id: county.id,
        author_id: author,
        author_name: name,
        author_role: role,
        body,
        created_at: iso(at),
      });
    message(created, centre.partnerId, `${centre.name}合伙人`, 'partner', `${subject}，请帮忙处理。`);
    if (status !== 'open')
      message(responded, staff, '县运营中心', 'county_staff', '收到，我们马上安排处理。');
  }
}
