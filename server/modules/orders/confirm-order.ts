import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { AppError, invalidState } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { getOrder } from './list-orders.ts';
import type { OrderWithEvents } from './order.views.ts';
import { assertMayAct, loadVisibleOrder } from './order-scope.ts';
import { addEvent, setStatus } from './orders.repo.ts';
import { confirmationHash } from './place-order.ts';

export const MAX_CONFIRMATION_ATTEMPTS = 5;

/**
 * The villager tells the partner the SMS code; the order moves to `placed`. Wrong codes are
 * counted (and the count survives the refusal); after five the order can only be cancelled.
 */
export async function confirmOrder(
  deps: Deps,
  actor: Actor,
  orderId: string,
  code: string,
): Promise<OrderWithEvents> {
  const order = await loadVisibleOrder(deps.db, actor, orderId);
  assertMayAct(actor, order);
  if (order.status !== 'awaiting_confirmation') throw invalidState(`The order is ${order.status}`);
  if (order.confirmation_attempts >= MAX_CONFIRMATION_ATTEMPTS) {
    throw invalidState('Too many wrong codes; cancel the order and place it again');
  }
  const expected = Buffer.from(order.confirmation_code_hash ?? '', 'hex');
  const given = Buffer.from(confirmationHash(order.id, code), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await deps.db
      .updateTable('orders')
      .set({ confirmation_attempts: order.confirmation_attempts + 1 })
      .where('id', '=', order.id)
      .execute();
    throw new AppError('invalid_confirmation_code', 'The confirmation code is wrong', {
      attemptsLeft: MAX_CONFIRMATION_ATTEMPTS - order.confirmation_attempts - 1,
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    if (!(await setStatus(trx, order.id, 'awaiting_confirmation', 'placed', at))) {
      throw invalidState('The order changed meanwhile');
    }
    await addEvent(trx, order, 'placed', at, actor.id);
  });
  return getOrder(deps, actor, order.id);
}
