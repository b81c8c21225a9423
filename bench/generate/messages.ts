/**
 * The SMS a step of the history sent, as `notifications.queueSms` and the outbox leave it once
 * the gateway has taken it: the message log row marked sent, and its outbox job delivered.
 */
import { SMS_TOPIC } from '../../server/modules/notifications/index.ts';
import type { Ctx } from './context.ts';
import { iso } from './rng.ts';
import type { Sink } from './sink.ts';

export function writeSms(
  ctx: Ctx,
  sink: Sink,
  sms: { to: string; body: string; countyId: string; kind: string; at: number },
): void {
  const id = ctx.rng.idAt(sms.at);
  const sentMs = sms.at + ctx.rng.int(200, 3_000);
  sink.add('notifications', {
    id,
    channel: 'sms',
    to_address: sms.to,
    body: sms.body,
    status: 'sent',
    county_id: sms.countyId,
    kind: sms.kind,
    provider_ref: `sandbox-${id}`,
    created_at: iso(sms.at),
    sent_at: iso(sentMs),
  });
  sink.add('outbox', {
    id: ctx.rng.idAt(sms.at),
    topic: SMS_TOPIC,
    payload: JSON.stringify({ notificationId: id }),
    status: 'delivered',
    attempts: 1,
    available_at: iso(sms.at),
    last_error: null,
    created_at: iso(sms.at),
    delivered_at: iso(sentMs),
  });
}
