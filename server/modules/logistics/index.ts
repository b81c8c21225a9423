/** Logistics: parcels from merchants and outside carriers, hub and centre scans, van runs, pickups. */
export { type ParcelStatus, parcelStatuses } from './logistics.tables.ts';
export type { Parcel, Run, Vehicle } from './logistics.views.ts';
export { createOutboundParcel, createReturnParcel, type NewOutboundParcel } from './outbound.ts';
export { type ParcelAction, parcelStep } from './parcel-status.ts';
export { type ReadyParcel, readyForPickup } from './parcels-ready.ts';
export { pickupCodeSms } from './pickup-code.ts';
