import type { Product } from '../catalog/types';

/** What the server keeps of a village product's origin, on the product itself. */
export type ProductOrigin = {
  countyId: string;
  centerId: string;
  village: string | null;
  grade: string | null;
  harvestDate: string | null;
  sellerId: string;
};

export type ListingStatus = 'active' | 'inactive' | 'pending_review' | 'rejected';

/** A product photo: `url` up to 1200 px wide, `thumbUrl` a 400 px square. */
export type Photo = { id: string; url: string; thumbUrl: string; width: number; height: number };

/** A village product: a catalogue product with its unit, origin, photos and the county's review note. */
export type Listing = Omit<Product, 'status'> & {
  status: ListingStatus;
  unit?: string | null;
  origin?: ProductOrigin | null;
  reviewNote?: string | null;
  photos?: Photo[];
};

export type StoreProductPage = {
  product: Listing;
  seller: { id: string; displayName: string; story: string };
  origin: {
    province: string;
    county: string;
    village: string | null;
    centerId: string;
    grade: string | null;
    harvestDate: string | null;
  };
};

export type PayoutMethod = 'bank_card' | 'alipay';

export type Seller = {
  id: string;
  villagerId: string;
  countyId: string;
  centerId: string;
  displayName: string;
  story: string;
  payoutMethod: PayoutMethod | null;
  /** Masked by the server (****1234). */
  payoutAccount: string | null;
  consentAt: string;
  createdAt: string;
};

export type NewSeller = {
  villagerId: string;
  story?: string;
  payout?: { method: PayoutMethod; account: string };
};

export type NewListing = {
  title: string;
  description: string;
  priceFen: number;
  stock: number;
  unit: string;
  weightGrams: number;
  category?: string;
  origin: { grade?: string; harvestDate?: string };
};

export type StoreOrderStatus = 'placed' | 'collected' | 'delivered' | 'cancelled';

export type ShipTo = { name: string; phone: string; address: string };

export type StoreOrder = {
  id: string;
  channel: 'storefront';
  status: StoreOrderStatus;
  buyerUserId: string;
  countyId: string;
  centerId: string;
  lines: Array<{
    productId: string;
    sellerId: string;
    title: string;
    quantity: number;
    unitPriceFen: number;
  }>;
  totalFen: number;
  weightGrams: number;
  shipTo: ShipTo;
  trackingNumber: string | null;
  createdAt: string;
  collectedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
};

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
