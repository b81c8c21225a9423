import { Type } from '@sinclair/typebox';
import { Id, Nullable, Text, Timestamp } from '../../http/schemas.ts';
import { centerStatuses } from './network.tables.ts';

export const Lat = Type.Number({ minimum: -90, maximum: 90 });
export const Lon = Type.Number({ minimum: -180, maximum: 180 });
export const CenterStatusSchema = Type.Union(centerStatuses.map((s) => Type.Literal(s)));

export const CountySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  province: Type.String(),
  hub: Type.Object({ lat: Type.Number(), lon: Type.Number(), address: Type.String() }),
  requiresOrderConfirmation: Type.Boolean(),
  createdAt: Timestamp,
});

export const NewCountySchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Text(100),
  province: Text(100),
  hub: Type.Object({ lat: Lat, lon: Lon, address: Text(300) }),
  requiresOrderConfirmation: Type.Optional(Type.Boolean()),
});

export const VillageSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  name: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  population: Nullable(Type.Integer()),
  createdAt: Timestamp,
});

export const NewVillageSchema = Type.Object({
  name: Text(100),
  lat: Lat,
  lon: Lon,
  population: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
});

export const CenterSchema = Type.Object({
  id: Type.String(),
  countyId: Type.String(),
  villageId: Type.String(),
  villageName: Nullable(Type.String()),
  name: Type.String(),
  address: Type.String(),
  status: CenterStatusSchema,
  partnerUserId: Nullable(Type.String()),
  createdAt: Timestamp,
  openedAt: Nullable(Timestamp),
});

export const NewCenterSchema = Type.Object({ villageId: Id, name: Text(100), address: Text(300) });

export const PublicCenterSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.String(),
  village: Type.Object({ id: Type.String(), name: Type.String() }),
  county: Type.Object({ id: Type.String(), name: Type.String(), province: Type.String() }),
  status: CenterStatusSchema,
  official: Type.Literal(true),
});
