export const parcelStatuses = [
  'created',
  'awaiting_collection',
  'at_hub',
  'in_transit',
  'ready_for_pickup',
  'picked_up',
  'handed_off',
  'delivered',
  'exception',
] as const;
export type ParcelStatus = (typeof parcelStatuses)[number];
/** `outbound`: leaves a village centre (a return, a village product) for an outside carrier. */
export type ParcelDirection = 'inbound' | 'outbound';

export const exceptionReasons = ['damaged', 'missing', 'misrouted', 'refused'] as const;
export type ExceptionReason = (typeof exceptionReasons)[number];

export type Parcel = {
  id: string;
  trackingNumber: string;
  carrier: string;
  status: ParcelStatus;
  direction: ParcelDirection;
  countyId: string;
  centerId: string;
  orderId: string | null;
  returnId: string | null;
  handoffCarrier: string | null;
  carrierTrackingNumber: string | null;
  /** Masked by the server; the full number only ever goes to the SMS. */
  recipientPhone: string;
  weightGrams: number;
  runId: string | null;
  exceptionReason: string | null;
  arrivedAt: string | null;
  pickupLocked: boolean;
  createdAt: string;
};

export type ParcelEvent = { type: string; at: string; place: string };

export type HubScanResult = {
  parcelId: string;
  centerId: string;
  runId: string | null;
  status: ParcelStatus;
  direction: ParcelDirection;
  /** Already in this state: the hub had scanned it before (any session). */
  repeat: boolean;
};

export type Vehicle = {
  id: string;
  countyId: string;
  name: string;
  capacityKg: number;
  shiftMinutes: number;
};

export type RunStop = {
  centerId: string;
  sequence: number;
  parcelIds: string[];
  /** Outbound parcels the van collects at this centre. */
  collectParcelIds: string[];
};

export type Run = {
  id: string;
  countyId: string;
  vehicleId: string;
  date: string;
  trip: number;
  status: 'planned' | 'dispatched';
  stops: RunStop[];
  distanceKm: number;
  durationMinutes: number;
  loadKg: number;
  dispatchedAt: string | null;
};

export type RunSheet = Run & { parcels: Parcel[] };

export type Plan = { runs: Run[]; unplanned: string[]; uncollected: string[] };

/** Today in the browser's own time zone, as the YYYY-MM-DD the run planner takes. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
