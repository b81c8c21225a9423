import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { enqueue } from '../../shared/outbox.ts';

/**
 * The storefront's payment gateway (Alipay, WeChat Pay, UnionPay…). Calls are idempotent on
 * `paymentId`, so a repeated delivery from the outbox never moves money twice.
 */
export type PaymentProvider = {
  name: string;
  capture(p: { paymentId: string; orderId: string; amountFen: number }): Promise<{ providerRef: string }>;
  refund(p: { paymentId: string; orderId: string; amountFen: number }): Promise<{ providerRef: string }>;
};

/**
 * The default: settles at once and answers a reference derived from the payment, as a
 * gateway's test mode does. A real gateway is configured in `outboxHandlers()` (docs/operations.md).
 */
export const sandboxPaymentProvider: PaymentProvider = {
  name: 'sandbox',
  capture: async ({ paymentId }) => ({ providerRef: `SBX-CAP-${paymentId}` }),
  refund: async ({ paymentId }) => ({ providerRef: `SBX-REF-${paymentId}` }),
};

export const PAYMENT_TOPIC = 'upstream.payment';

/** Records a capture or refund in the caller's transaction; the outbox calls the gateway after commit. */
export async function queuePayment(
  deps: Deps,
  trx: Trx,
  order: { id: string; county_id: string },
  kind: 'capture' | 'refund',
  amountFen: number,
): Promise<void> {
  const id = uuidv7();
  await trx
    .insertInto('store_payments')
    .values({
      id,
      order_id: order.id,
      county_id: order.county_id,
      kind,
      amount_fen: amountFen,
      status: 'pending',
      provider_ref: null,
      created_at: deps.clock.now().toISOString(),
      settled_at: null,
    })
    .execute();
  await enqueue(trx, deps.clock, PAYMENT_TOPIC, { paymentId: id });
}

export const paymentHandler =
  (provider: PaymentProvider) =>
  async (deps: Deps, payload: Record<string, unknown>): Promise<void> => {
    const payment = await deps.db
      .selectFrom('store_payments')
      .selectAll()
      .where('id', '=', String(payload.paymentId))
      .executeTakeFirst();
    if (!payment || payment.status === 'succeeded') return;
    const call = { paymentId: payment.id, orderId: payment.order_id, amountFen: Number(payment.amount_fen) };
    const { providerRef } =
      payment.kind === 'capture' ? await provider.capture(call) : await provider.refund(call);
    await deps.db
      .updateTable('store_payments')
      .set({ status: 'succeeded', provider_ref: providerRef, settled_at: deps.clock.now().toISOString() })
      .where('id', '=', payment.id)
      .execute();
  };
