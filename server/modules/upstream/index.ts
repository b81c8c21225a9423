/** Upstream: villagers sell village products to cities through their partner and the storefront. */

export { upstreamSalesOfCenters } from './center-sales.ts';
export { nationalUpstreamSales } from './national-sales.ts';
export { PAYMENT_TOPIC, type PaymentProvider, paymentHandler, sandboxPaymentProvider } from './payments.ts';
export { reviewProduct } from './review.ts';
export { rebuildSalesRollups } from './sales-rollups.ts';
export { createSeller, listForSeller } from './sellers.ts';
export {
  type Collection,
  markCollected,
  ordersOfBatch,
  orderToCollect,
  refundStoreOrder,
  settleDelivery,
  storefrontOrder,
} from './store-orders.ts';
export { countyStoreProducts } from './storefront.ts';
/** The storefront order response schema, for `GET /orders/{id}`. */
export { StoreOrderSchema } from './upstream.schemas.ts';
