/** Upstream: villagers sell village products to cities through their partner and the storefront. */
export { PAYMENT_TOPIC, type PaymentProvider, paymentHandler, sandboxPaymentProvider } from './payments.ts';
export {
  type Collection,
  markCollected,
  ordersOfBatch,
  orderToCollect,
  refundStoreOrder,
  settleDelivery,
} from './store-orders.ts';
