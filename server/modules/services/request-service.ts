import type { Trx } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { invalidState, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { enqueue } from '../../shared/outbox.ts';
import { feeScheduleAt, serviceFeeFen } from '../fees/index.ts';
import type { Actor } from '../identity/index.ts';
import { post } from '../ledger/index.ts';
import { findCenter } from '../network/index.ts';
import { findVillager } from '../villagers/index.ts';
import { normaliseDetails } from './catalogue.ts';
import { chargeEntries } from './postings.ts';
import { type ServiceRequest, toServiceRequest } from './service.views.ts';
import { insertRequest } from './services.repo.ts';
import type { ServiceKind, ServicePayment, ServiceRequestRow } from './services.tables.ts';

export const SERVICE_TOPIC = 'services.execute';

export type NewServiceRequest = {
  villagerId: string;
  kind: ServiceKind;
  amountFen: number;
  details?: Record<string, unknown> | undefined;
  payment?: ServicePayment | undefined;
};

/** `SV` + the China Standard Time date + 8 characters of the id: short enough to read out. */
function receiptNumber(id: string, at: Date): string {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `SV${day}${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
}

/**
 * A partner takes an everyday-service request for a villager of its centre. In one
 * transaction: the details are checked, the payer (float or wallet) is debited exactly
 * `amountFen` — refused with `insufficient_funds` when it is short —, the partner's fee is
 * recorded from the fee schedule in force, the request is stored `pending`, and an outbox row
 * asks the provider after commit. No provider is called here.
 */
export async function requestService(
  deps: Deps,
  trx: Trx,
  actor: Actor,
  input: NewServiceRequest,
  providerName: string,
): Promise<ServiceRequest> {
  const villager = await findVillager(trx, input.villagerId);
  if (!villager || villager.centerId !== actor.centerId)
    throw validationFailed('villagerId', 'no such villager at your centre');
  const center = await findCenter(trx, villager.centerId);
  if (center?.status !== 'open') throw invalidState('The centre is not open');
  const now = deps.clock.now();
  const details = normaliseDetails({
    kind: input.kind,
    amountFen: input.amountFen,
    details: input.details ?? {},
    villagerPhone: villager.phone,
    now,
  });
  const schedule = await feeScheduleAt(trx, now.toISOString());
  const id = uuidv7();
  const payment = input.payment ?? 'float';
  const feeFen = serviceFeeFen(schedule, input.kind, input.amountFen);
  const { entries, payer } = chargeEntries({
    payment,
    centerId: center.id,
    villagerId: villager.id,
    provider: providerName,
    amountFen: input.amountFen,
    feeFen,
  });
  await post(trx, deps.clock, {
    kind: 'service_fee',
    refId: id,
    countyId: center.countyId,
    memo: input.kind,
    entries,
    noOverdraft: [payer],
  });
  const at = now.toISOString();
  const row: ServiceRequestRow = {
    id,
    county_id: center.countyId,
    center_id: center.id,
    villager_id: villager.id,
    requested_by: actor.id,
    kind: input.kind,
    provider: providerName,
    payment,
    amount_fen: input.amountFen,
    fee_fen: feeFen,
    fee_schedule_version: schedule.version,
    details: JSON.stringify(details),
    receipt_no: receiptNumber(id, now),
    status: 'pending',
    provider_ref: null,
    failure_reason: null,
    attempts: 0,
    created_at: at,
    updated_at: at,
    resolved_at: null,
  };
  await insertRequest(trx, row);
  await enqueue(trx, deps.clock, SERVICE_TOPIC, { requestId: id });
  return toServiceRequest(row);
}
