import type { FundedBy, PromotionRow, PromotionType } from './catalog.tables.ts';
import type { PromotionScope } from './promotions.repo.ts';

export type Promotion = {
  id: string;
  name: string;
  type: PromotionType;
  value: number;
  productIds: string[];
  categories: string[];
  /** Empty: every county. */
  countyIds: string[];
  startsAt: string;
  endsAt: string;
  budgetFen: number | null;
  spentFen: number;
  fundedBy: FundedBy;
  merchantId: string | null;
  createdAt: string;
  endedAt: string | null;
};

export const toPromotion = (r: PromotionRow, scope: PromotionScope): Promotion => ({
  id: r.id,
  name: r.name,
  type: r.type,
  value: r.value,
  productIds: [...scope.productIds].sort(),
  categories: [...scope.categories].sort(),
  countyIds: [...scope.countyIds].sort(),
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  budgetFen: r.budget_fen,
  spentFen: r.spent_fen,
  fundedBy: r.funded_by,
  merchantId: r.merchant_id,
  createdAt: r.created_at,
  endedAt: r.ended_at,
});
