import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.ts';
import { serviceKinds, serviceStatuses } from './services.tables.ts';

export const ServiceKindSchema = Type.Union(serviceKinds.map((k) => Type.Literal(k)));
export const ServiceStatusSchema = Type.Union(serviceStatuses.map((s) => Type.Literal(s)));
const Details = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'mobile_topup: {phone?} (the villager’s own number when absent); utility_bill: {utility?: electricity|water|gas, biller?, accountNo}; travel_ticket: {mode?: train|coach, from, to, date: YYYY-MM-DD, passenger, seatClass?, trainNo?}',
});

export const NewServiceRequestSchema = Type.Object({
  villagerId: Id,
  kind: ServiceKindSchema,
  amountFen: Type.Integer({ minimum: 1, maximum: 5_000_000 }),
  details: Type.Optional(Details),
  payment: Type.Optional(Type.Union([Type.Literal('float'), Type.Literal('wallet')], { default: 'float' })),
});

export const ServiceRequestSchema = Type.Object({
  id: Type.String(),
  status: ServiceStatusSchema,
  kind: ServiceKindSchema,
  amountFen: Type.Integer(),
  feeFen: Type.Integer(),
  totalFen: Type.Integer(),
  receiptNo: Type.String(),
  payment: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  villagerId: Type.String(),
  centerId: Type.String(),
  countyId: Type.String(),
  provider: Type.String(),
  providerRef: Nullable(Type.String()),
  failureReason: Nullable(Type.String()),
  feeScheduleVersion: Type.Integer(),
  createdAt: Timestamp,
  resolvedAt: Nullable(Timestamp),
});

export const ServiceRequestWithReceiptSchema = Type.Intersect([
  ServiceRequestSchema,
  Type.Object({
    receipt: Type.Object({
      centerName: Type.String(),
      centerAddress: Type.String(),
      villagerName: Type.String(),
      villagerPhone: Type.String(),
    }),
  }),
]);

export const QuoteSchema = Type.Object({
  kind: ServiceKindSchema,
  provider: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  quote: Type.Record(Type.String(), Type.Unknown()),
  amountFen: Nullable(Type.Integer()),
  feeFen: Nullable(Type.Integer()),
  feeBps: Type.Integer(),
});

export const SummarySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      status: Type.String(),
      count: Type.Integer(),
      amountFen: Type.Integer(),
      feeFen: Type.Integer(),
    }),
  ),
});

export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

export const ReconciliationSchema = Type.Object({
  provider: Type.String(),
  kind: ServiceKindSchema,
  date: Type.String(),
  matched: Type.Integer(),
  statementLines: Type.Integer(),
  statementTotalFen: Type.Integer(),
  ledgerTotalFen: Type.Integer(),
  unreadableLines: Type.Array(Type.Integer()),
  mismatches: Type.Array(
    Type.Object({
      requestId: Type.String(),
      reason: Type.String(),
      statementFen: Nullable(Type.Integer()),
      ledgerFen: Type.Integer(),
      status: Nullable(ServiceStatusSchema),
    }),
  ),
});
