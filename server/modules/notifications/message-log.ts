import type { Deps } from '../../deps.ts';
import type { Actor } from '../identity/index.ts';

export type LoggedMessage = {
  id: string;
  channel: string;
  to: string;
  body: string;
  status: string;
  kind: string;
  createdAt: string;
};

/** The message log, newest first: HQ sees all, county staff its county's messages. */
export async function listNotifications(
  deps: Deps,
  actor: Actor,
  filter: { phone?: string | undefined; limit: number },
): Promise<LoggedMessage[]> {
  let q = deps.db
    .selectFrom('notifications')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.phone) q = q.where('to_address', '=', filter.phone);
  if (actor.role !== 'hq_admin') q = q.where('county_id', '=', actor.countyId ?? '');
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    to: r.to_address,
    body: r.body,
    status: r.status,
    kind: r.kind,
    createdAt: r.created_at,
  }));
}
