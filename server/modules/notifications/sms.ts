import type { Queryable, Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import type { Clock } from '../../shared/clock.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { enqueue } from '../../shared/outbox.ts';
import type { SmsProvider } from './sms-provider.ts';

export const SMS_TOPIC = 'notifications.sms';

export type NewSms = { to: string; body: string; countyId: string | null; kind: string };

/**
 * Queues an SMS in the caller's transaction: the message log row and its outbox row commit
 * (or vanish) with the business change that caused them.
 */
export async function queueSms(trx: Trx, clock: Clock, sms: NewSms): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('notifications')
    .values({
      id,
      channel: 'sms',
      to_address: sms.to,
      body: sms.body,
      status: 'queued',
      county_id: sms.countyId,
      kind: sms.kind,
      provider_ref: null,
      created_at: clock.now().toISOString(),
      sent_at: null,
    })
    .execute();
  await enqueue(trx, clock, SMS_TOPIC, { notificationId: id });
  return id;
}

async function loadQueued(db: Queryable, id: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
}

/**
 * Outbox handler: sends one queued SMS. A message already marked sent is skipped, so a
 * redelivery after a crash never sends twice from our side, and the provider dedupes on id.
 */
export function smsHandler(provider: SmsProvider) {
  return async (deps: Deps, payload: Record<string, unknown>): Promise<void> => {
    const id = String(payload.notificationId);
    const message = await loadQueued(deps.db, id);
    if (!message) return;
    const result = await provider.send({ id, to: message.to_address, body: message.body });
    await deps.db
      .updateTable('notifications')
      .set({ status: 'sent', sent_at: deps.clock.now().toISOString(), provider_ref: result.providerRef })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
  };
}
