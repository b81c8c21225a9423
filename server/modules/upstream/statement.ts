import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../identity/index.ts';
import { accountId, balanceOf } from '../ledger/index.ts';
import { visibleSeller } from './sellers.ts';

export type SellerStatement = {
  sellerId: string;
  items: Array<{
    orderId: string;
    grossFen: number;
    sellerShareFen: number;
    partnerFeeFen: number;
    platformFeeFen: number;
    logisticsFen: number;
    at: string;
  }>;
  totals: { grossFen: number; sellerShareFen: number; paidOutFen: number; balanceFen: number };
};

/**
 * Every delivered sale of the seller with its split, and every refund of one as the same split
 * negated, newest first. `paidOutFen` is what payout batches sent to the bank; `balanceFen` is
 * the seller's payable account in the ledger, so `sellerShareFen = paidOutFen + balanceFen`
 * and the statement cannot disagree with the books.
 */
export async function sellerStatement(deps: Deps, actor: Actor, sellerId: string): Promise<SellerStatement> {
  const seller = await visibleSeller(deps.db, actor, sellerId);
  if (actor.role === 'gov_viewer') throw new AppError('forbidden', 'Statements are private');
  const of = (table: 'store_sales' | 'store_sale_refunds') =>
    deps.db.selectFrom(table).selectAll().where('seller_id', '=', seller.id).execute();
  const item = (sign: 1 | -1) => (r: Awaited<ReturnType<typeof of>>[number]) => ({
    orderId: r.order_id,
    grossFen: sign * Number(r.gross_fen),
    sellerShareFen: sign * Number(r.seller_share_fen),
    partnerFeeFen: sign * Number(r.partner_fee_fen),
    platformFeeFen: sign * Number(r.platform_fee_fen),
    logisticsFen: sign * Number(r.logistics_fen),
    at: r.at,
  });
  const items = [
    ...(await of('store_sales')).map(item(1)),
    ...(await of('store_sale_refunds')).map(item(-1)),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  const paid = await deps.db
    .selectFrom('payout_lines')
    .select((eb) => eb.fn.sum<number>('amount_fen').as('fen'))
    .where('seller_id', '=', seller.id)
    .executeTakeFirst();
  return {
    sellerId: seller.id,
    items,
    totals: {
      grossFen: items.reduce((s, i) => s + i.grossFen, 0),
      sellerShareFen: items.reduce((s, i) => s + i.sellerShareFen, 0),
      paidOutFen: Number(paid?.fen ?? 0),
      balanceFen: await balanceOf(deps.db, accountId('seller_payable', seller.id), seller.county_id),
    },
  };
}
