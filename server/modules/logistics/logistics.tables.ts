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

/**
 * `inbound`: from a merchant or carrier through the hub to a village centre; `outbound`: from
 * a village centre (returned goods, village products sold to cities) through the hub to a carrier.
 */
export const parcelDirections = ['inbound', 'outbound'] as const;
export type ParcelDirection = (typeof parcelDirections)[number];

export const exceptionReasons = ['damaged', 'missing', 'misrouted', 'refused'] as const;
export type ExceptionReason = (typeof exceptionReasons)[number];

export type RunStatus = 'planned' | 'dispatched';

export type ParcelRow = {
  id: string;
  county_id: string;
  /** Inbound: the centre it is addressed to; outbound: the centre it leaves from. */
  center_id: string;
  direction: ParcelDirection;
  /** The order it carries (or carries back); null for a parcel from an outside carrier. */
  order_id: string | null;
  /** The counter return whose goods an outbound parcel carries back to the merchant. */
  return_id: string | null;
  tracking_number: string;
  carrier: string;
  recipient_phone: string;
  weight_grams: number;
  status: ParcelStatus;
  /** The run (trip) it is planned on or travelled with; null while it waits at the hub. */
  run_id: string | null;
  /** sha256 of parcel id and pickup code; the code itself is only in the SMS. */
  pickup_code_hash: string | null;
  pickup_attempts: number;
  exception_reason: string | null;
  arrived_at: string | null;
  /** Outbound: the outside carrier that took it from the hub, and that carrier's number. */
  handoff_carrier: string | null;
  carrier_tracking_number: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type ParcelEventRow = {
  id: string;
  parcel_id: string;
  county_id: string;
  type: string;
  at: string;
  /** Where it happened, as shown to villagers: the hub, the centre, or the carrier. */
  place: string;
  actor_id: string | null;
  data: string | null;
};

export type VehicleRow = {
  id: string;
  county_id: string;
  name: string;
  capacity_kg: number;
  shift_minutes: number;
  created_at: string;
};

/** One trip of one van from the hub and back; a van may make several trips on a date. */
export type RunRow = {
  id: string;
  county_id: string;
  vehicle_id: string;
  date: string;
  trip: number;
  status: RunStatus;
  distance_km: number;
  duration_minutes: number;
  load_grams: number;
  created_at: string;
  dispatched_at: string | null;
};

export type RunStopRow = { run_id: string; county_id: string; sequence: number; center_id: string };

/** One imported road distance; `from_place`/`to_place` are `hub` or a centre id. */
export type RoadDistanceRow = { county_id: string; from_place: string; to_place: string; km: number };

export type LogisticsTables = {
  parcels: ParcelRow;
  parcel_events: ParcelEventRow;
  vehicles: VehicleRow;
  runs: RunRow;
  run_stops: RunStopRow;
  road_distances: RoadDistanceRow;
};
