/** Orders: assisted orders placed by partners for villagers, their cancellation and returns. */
export { advanceOrder, type OrderSummary, orderSummary } from './advance-order.ts';
export { cancelOrder } from './cancel-order.ts';
export {
  type CenterOrderVolumes,
  orderingVillagers,
  orderVolumesOfCenters,
  type PromotedOrderVolumes,
  promotedOrderVolumesOfCenters,
} from './center-volumes.ts';
export { confirmOrder } from './confirm-order.ts';
export { rebuildOrderGmvRollups } from './gmv-rollups.ts';
export { getOrder, listOrders } from './list-orders.ts';
export { nationalOrderGmv } from './national-volumes.ts';
export type { Order, OrderWithEvents } from './order.views.ts';
export { nextOrderStatus, type OrderAction } from './order-status.ts';
/** The order-with-events response schema, for routes of other modules that answer an order. */
export { OrderWithEventsSchema } from './orders.schemas.ts';
export { type OrderStatus, orderStatuses } from './orders.tables.ts';
export { placeOrder } from './place-order.ts';
export {
  RETURN_TO_MERCHANT_TOPIC,
  type ReturnedGoods,
  recordReturn,
  returnedGoods,
  returnWholeOrder,
} from './record-return.ts';
export { settleReturn } from './settle-return.ts';
