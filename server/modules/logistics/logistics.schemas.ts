import { Type } from '@sinclair/typebox';
import { Id, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { MOBILE_PATTERN } from '../villagers/index.ts';
import { exceptionReasons, parcelDirections, parcelStatuses } from './logistics.tables.ts';

export const TrackingNumber = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });
export const ParcelStatusSchema = Type.Union(parcelStatuses.map((s) => Type.Literal(s)));
export const ParcelDirectionSchema = Type.Union(parcelDirections.map((d) => Type.Literal(d)));
export const PickupCode = Type.String({ pattern: '^[0-9]{6}$' });
export const DateSchema = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Weight = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const ParcelSchema = Type.Object({
  id: Type.String(),
  trackingNumber: Type.String(),
  carrier: Type.String(),
  status: ParcelStatusSchema,
  direction: ParcelDirectionSchema,
  countyId: Type.String(),
  centerId: Type.String(),
  orderId: Nullable(Type.String()),
  returnId: Nullable(Type.String()),
  handoffCarrier: Nullable(Type.String()),
  carrierTrackingNumber: Nullable(Type.String()),
  recipientPhone: Type.String(),
  weightGrams: Type.Integer(),
  runId: Nullable(Type.String()),
  exceptionReason: Nullable(Type.String()),
  arrivedAt: Nullable(Timestamp),
  pickupLocked: Type.Boolean(),
  createdAt: Timestamp,
});

export const NewParcelSchema = Type.Object({
  trackingNumber: TrackingNumber,
  carrier: Text(100),
  recipientPhone: Type.String({ pattern: MOBILE_PATTERN }),
  centerId: Id,
  weightGrams: Type.Optional(Weight),
});

export const ShipmentInput = Type.Object({ weightGrams: Type.Optional(Weight) });
export const ShipmentSchema = Type.Object({ parcelId: Type.String(), trackingNumber: Type.String() });

export const HubScanInput = Type.Union([
  Type.Object({ trackingNumber: TrackingNumber, type: Type.Literal('received') }),
  Type.Object({
    trackingNumber: TrackingNumber,
    type: Type.Literal('exception'),
    reason: Type.Union(exceptionReasons.map((r) => Type.Literal(r))),
    note: Type.Optional(Text(500)),
  }),
]);
export const HubScanSchema = Type.Object({
  parcelId: Type.String(),
  centerId: Type.String(),
  runId: Nullable(Type.String()),
  status: ParcelStatusSchema,
  direction: ParcelDirectionSchema,
  repeat: Type.Boolean(),
});
export const BatchScanInput = Type.Object({
  trackingNumbers: Type.Array(TrackingNumber, { minItems: 1, maxItems: 500 }),
  type: Type.Literal('received'),
});
export const BatchScanSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      trackingNumber: Type.String(),
      parcelId: Nullable(Type.String()),
      centerId: Nullable(Type.String()),
      runId: Nullable(Type.String()),
      error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

export const CenterScanInput = Type.Object({
  trackingNumber: TrackingNumber,
  type: Type.Union([Type.Literal('arrived'), Type.Literal('collected')]),
});
export const CenterScanSchema = Type.Object({
  parcelId: Type.String(),
  status: Type.Union([Type.Literal('ready_for_pickup'), Type.Literal('in_transit')]),
});
export const HandoffInput = Type.Object({ carrier: Text(100), carrierTrackingNumber: Text(60) });

export const EventsSchema = Type.Object({
  items: Type.Array(Type.Object({ type: Type.String(), at: Timestamp, place: Type.String() })),
});
export const PublicTrackingSchema = Type.Object({
  trackingNumber: Type.String(),
  status: ParcelStatusSchema,
  events: EventsSchema.properties.items,
});

export const VehicleSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  name: Type.String(),
  capacityKg: Type.Integer(),
  shiftMinutes: Type.Integer(),
});
export const NewVehicleSchema = Type.Object({
  countyId: Id,
  name: Text(100),
  capacityKg: Type.Integer({ minimum: 1, maximum: 50_000 }),
  shiftMinutes: Type.Integer({ minimum: 1, maximum: 1_440 }),
});

const RunFields = {
  id: Type.String(),
  countyId: Type.String(),
  vehicleId: Type.String(),
  date: Type.String(),
  trip: Type.Integer(),
  status: Type.Union([Type.Literal('planned'), Type.Literal('dispatched')]),
  stops: Type.Array(
    Type.Object({
      centerId: Type.String(),
      sequence: Type.Integer(),
      /** Parcels the van drops at this centre. */
      parcelIds: Type.Array(Type.String()),
      /** Outbound parcels (returns, village products) the van collects here. */
      collectParcelIds: Type.Array(Type.String()),
    }),
  ),
  distanceKm: Type.Number(),
  durationMinutes: Type.Number(),
  loadKg: Type.Number(),
  dispatchedAt: Nullable(Timestamp),
};
export const RunSchema = Type.Object(RunFields);
/** The run sheet: the run with the parcels it carries. */
export const RunSheetSchema = Type.Object({ ...RunFields, parcels: Type.Array(ParcelSchema) });
export const PlanInput = Type.Object({ countyId: Id, date: DateSchema });
export const PlanSchema = Type.Object({
  runs: Type.Array(RunSchema),
  /** Parcels at the hub that no van can carry today. */
  unplanned: Type.Array(Type.String()),
  /** Outbound parcels waiting at centres that no van can collect today. */
  uncollected: Type.Array(Type.String()),
});

export const RoadMatrixSchema = Type.Object({
  places: Type.Array(Type.Union([Type.Literal('hub'), Id]), { maxItems: 2_000 }),
  km: Type.Array(Type.Array(Nullable(Type.Number({ minimum: 0, maximum: 5_000 })), { maxItems: 2_000 }), {
    maxItems: 2_000,
  }),
});
