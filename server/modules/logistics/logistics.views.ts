import { maskPhone } from '../villagers/index.ts';
import type { ParcelRow, RunRow, RunStopRow, VehicleRow } from './logistics.tables.ts';

export type Parcel = {
  id: string;
  trackingNumber: string;
  carrier: string;
  status: ParcelRow['status'];
  direction: ParcelRow['direction'];
  countyId: string;
  centerId: string;
  orderId: string | null;
  returnId: string | null;
  handoffCarrier: string | null;
  carrierTrackingNumber: string | null;
  /** Masked: the full number is only needed by the SMS, which the server sends. */
  recipientPhone: string;
  weightGrams: number;
  runId: string | null;
  exceptionReason: string | null;
  arrivedAt: string | null;
  pickupLocked: boolean;
  createdAt: string;
};

export type Vehicle = {
  id: string;
  countyId: string;
  name: string;
  capacityKg: number;
  shiftMinutes: number;
};

export type RunStop = { centerId: string; sequence: number; parcelIds: string[]; collectParcelIds: string[] };
export type Run = {
  id: string;
  countyId: string;
  vehicleId: string;
  date: string;
  trip: number;
  status: RunRow['status'];
  stops: RunStop[];
  distanceKm: number;
  durationMinutes: number;
  loadKg: number;
  dispatchedAt: string | null;
};

/** Wrong pickup codes after which only a new code (sent by county staff) unlocks the parcel. */
export const MAX_PICKUP_ATTEMPTS = 5;

export const toParcel = (r: ParcelRow): Parcel => ({
  id: r.id,
  trackingNumber: r.tracking_number,
  carrier: r.carrier,
  status: r.status,
  direction: r.direction,
  countyId: r.county_id,
  centerId: r.center_id,
  orderId: r.order_id,
  returnId: r.return_id,
  handoffCarrier: r.handoff_carrier,
  carrierTrackingNumber: r.carrier_tracking_number,
  recipientPhone: r.recipient_phone === '' ? '' : maskPhone(r.recipient_phone),
  weightGrams: r.weight_grams,
  runId: r.run_id,
  exceptionReason: r.exception_reason,
  arrivedAt: r.arrived_at,
  pickupLocked: r.pickup_attempts >= MAX_PICKUP_ATTEMPTS,
  createdAt: r.created_at,
});

export const toVehicle = (r: VehicleRow): Vehicle => ({
  id: r.id,
  countyId: r.county_id,
  name: r.name,
  capacityKg: r.capacity_kg,
  shiftMinutes: r.shift_minutes,
});

export const toRun = (r: RunRow, stops: RunStopRow[], parcels: ParcelRow[]): Run => ({
  id: r.id,
  countyId: r.county_id,
  vehicleId: r.vehicle_id,
  date: r.date,
  trip: r.trip,
  status: r.status,
  stops: stops.map((s) => ({
    centerId: s.center_id,
    sequence: s.sequence,
    parcelIds: onStop(parcels, r.id, s.center_id, 'inbound'),
    collectParcelIds: onStop(parcels, r.id, s.center_id, 'outbound'),
  })),
  distanceKm: r.distance_km,
  durationMinutes: r.duration_minutes,
  loadKg: Number(r.load_grams) / 1000,
  dispatchedAt: r.dispatched_at,
});

const onStop = (parcels: ParcelRow[], runId: string, centerId: string, direction: ParcelRow['direction']) =>
  parcels
    .filter((p) => p.run_id === runId && p.center_id === centerId && p.direction === direction)
    .map((p) => p.id);
