import type { Queryable } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { AppError, validationFailed } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertFound, canManageCounty, canSeeCounty } from '../identity/index.ts';
import { findCounty } from '../network/index.ts';
import type { AgreementRow } from './government.tables.ts';

export type Agreement = {
  id: string;
  countyId: string;
  title: string;
  signedOn: string;
  validUntil: string | null;
  terms: string;
  subsidyFen: number;
  documents: Array<{ name: string; url: string }>;
  createdAt: string;
};

export type NewAgreement = Omit<Agreement, 'id' | 'countyId' | 'createdAt' | 'validUntil' | 'documents'> & {
  validUntil?: string | null | undefined;
  documents?: Array<{ name: string; url: string }> | undefined;
};

const toAgreement = (r: AgreementRow): Agreement => ({
  id: r.id,
  countyId: r.county_id,
  title: r.title,
  signedOn: r.signed_on,
  validUntil: r.valid_until,
  terms: r.terms,
  subsidyFen: r.subsidy_fen,
  documents: JSON.parse(r.documents) as Agreement['documents'],
  createdAt: r.created_at,
});

const agreementRows = (db: Queryable, countyId: string) =>
  db
    .selectFrom('gov_agreements')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('signed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Records an agreement signed with the county government (HQ or the county's staff). */
export async function recordAgreement(
  deps: Deps,
  actor: Actor,
  countyId: string,
  input: NewAgreement,
): Promise<Agreement> {
  assertFound(canSeeCounty(actor, countyId) && (await findCounty(deps.db, countyId)) !== null, 'County');
  if (!canManageCounty(actor, countyId))
    throw new AppError('forbidden', 'Only HQ and the county staff record agreements');
  if (input.validUntil && input.validUntil < input.signedOn)
    throw validationFailed('validUntil', 'is before the signing date');
  const row: AgreementRow = {
    id: uuidv7(),
    county_id: countyId,
    title: input.title,
    signed_on: input.signedOn,
    valid_until: input.validUntil ?? null,
    terms: input.terms,
    subsidy_fen: input.subsidyFen,
    documents: JSON.stringify(input.documents ?? []),
    created_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  };
  await deps.db.insertInto('gov_agreements').values(row).execute();
  return toAgreement(row);
}

export async function listAgreements(deps: Deps, actor: Actor, countyId: string): Promise<Agreement[]> {
  // HQ sees every county, so only a lookup tells an unknown county from one without agreements.
  assertFound(
    canSeeCounty(actor, countyId) &&
      actor.role !== 'partner' &&
      (await findCounty(deps.db, countyId)) !== null,
    'County',
  );
  return (await agreementRows(deps.db, countyId)).map(toAgreement);
}

/** Whether the county has an agreement in force on `day` (YYYY-MM-DD); no scope check. */
export async function agreementInForce(db: Queryable, countyId: string, day: string): Promise<boolean> {
  return (await agreementRows(db, countyId)).some(
    (a) => a.signed_on <= day && (a.valid_until === null || a.valid_until >= day),
  );
}

export async function agreementTotals(db: Queryable, countyId: string, day: string) {
  const rows = await agreementRows(db, countyId);
  return {
    count: rows.length,
    inForce: rows.some((a) => a.signed_on <= day && (a.valid_until === null || a.valid_until >= day)),
    subsidyFen: rows.reduce((sum, a) => sum + Number(a.subsidy_fen), 0),
  };
}
