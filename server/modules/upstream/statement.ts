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
 * Every delivered sale of the seller with its split, newest first, and what the platform
 * still owes: `balanceFen` is the seller's payable account in the ledger, so the statement
 * and the books cannot disagree; `paidOutFen` is the share that has left that account.
 */
export async function sellerStatement(deps: Deps, actor: Actor, sellerId: string): Promise<SellerStatement> {
  const seller = await visibleSeller(deps.db, actor, sellerId);
  if (actor.role === 'gov_viewer') throw new AppError('forbidden', 'Statements are private');
  const rows = await deps.db
    .selectFrom('store_sales')
    .selectAll()
    .where('seller_id', '=', seller.id)
    .orderBy('at', 'desc')
    .execute();
  const items = rows.map((r) => ({
    orderId: r.order_id,
    grossFen: Number(r.gross_fen),
    sellerShareFen: Number(r.seller_share_fen),
    partnerFeeFen: Number(r.partner_fee_fen),
    platformFeeFen: Number(r.platform_fee_fen),
    logisticsFen: Number(r.logistics_fen),
    at: r.at,
  }));
  const grossFen = items.reduce((s, i) => s + i.grossFen, 0);
  const sellerShareFen = items.reduce((s, i) => s + i.sellerShareFen, 0);
  const balanceFen = await balanceOf(deps.db, accountId('seller_payable', seller.id));
  return {
    sellerId: seller.id,
    items,
    totals: { grossFen, sellerShareFen, paidOutFen: sellerShareFen - balanceFen, balanceFen },
  };
}
