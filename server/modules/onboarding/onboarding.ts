import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { agreementInForce } from '../government/index.ts';
import { type Actor, assertFound, canManageCounty, canSeeCenter } from '../identity/index.ts';
import { type Center, findCenter } from '../network/index.ts';
import { listFloatDeposits } from '../partners/index.ts';
import { partnerCertification } from '../training/index.ts';
import type { AssetKind, CenterAssetRow, OnboardingStepRow } from './onboarding.tables.ts';

/** The hardware every centre gets: a PC, the big TV screen, a printer and a barcode scanner. */
export const requiredHardware: readonly AssetKind[] = ['pc', 'tv_screen', 'printer', 'barcode_scanner'];

export type Asset = {
  id: string;
  centerId: string;
  kind: AssetKind;
  serialNo: string;
  model: string | null;
  createdAt: string;
};
export type ChecklistItem = {
  key: 'hardware' | 'signage' | 'float_deposit' | 'training' | 'government_agreement';
  done: boolean;
  /** For hardware, the kinds still missing; for training, the courses still to pass. */
  missing: string[];
};
export type Checklist = { centerId: string; complete: boolean; items: ChecklistItem[] };

const toAsset = (r: CenterAssetRow): Asset => ({
  id: r.id,
  centerId: r.center_id,
  kind: r.kind,
  serialNo: r.serial_no,
  model: r.model,
  createdAt: r.created_at,
});

async function visibleCenter(deps: Deps, actor: Actor, centerId: string): Promise<Center> {
  const center = await findCenter(deps.db, centerId);
  assertFound(center !== null && canSeeCenter(actor, { id: centerId, countyId: center.countyId }), 'Centre');
  return center!;
}

async function managedCenter(deps: Deps, actor: Actor, centerId: string): Promise<Center> {
  const center = await visibleCenter(deps, actor, centerId);
  if (!canManageCounty(actor, center.countyId))
    throw new AppError('forbidden', 'Only staff of this county record a centre’s onboarding');
  return center;
}

const assetRows = (deps: Deps, centerId: string) =>
  deps.db
    .selectFrom('center_assets')
    .selectAll()
    .where('center_id', '=', centerId)
    .orderBy('created_at')
    .execute();

/** Registers a piece of hardware handed to a centre; a serial number is registered once. */
export async function registerAsset(
  deps: Deps,
  actor: Actor,
  centerId: string,
  input: { kind: AssetKind; serialNo: string; model?: string | undefined },
): Promise<Asset> {
  const center = await managedCenter(deps, actor, centerId);
  const row: CenterAssetRow = {
    id: uuidv7(),
    county_id: center.countyId,
    center_id: centerId,
    kind: input.kind,
    serial_no: input.serialNo,
    model: input.model ?? null,
    recorded_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  };
  try {
    await deps.db.insertInto('center_assets').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This serial number is already registered');
    throw error;
  }
  return toAsset(row);
}

export async function listAssets(deps: Deps, actor: Actor, centerId: string): Promise<Asset[]> {
  await visibleCenter(deps, actor, centerId);
  return (await assetRows(deps, centerId)).map(toAsset);
}

/** Records that the centre's official signage is up. */
export async function recordSignage(
  deps: Deps,
  actor: Actor,
  centerId: string,
  note?: string,
): Promise<Checklist> {
  const center = await managedCenter(deps, actor, centerId);
  const row: OnboardingStepRow = {
    id: uuidv7(),
    county_id: center.countyId,
    center_id: centerId,
    step: 'signage',
    note: note ?? null,
    recorded_by: actor.id,
    done_at: deps.clock.now().toISOString(),
  };
  try {
    await deps.db.insertInto('onboarding_steps').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'The signage is already recorded');
    throw error;
  }
  return onboardingChecklist(deps, actor, centerId);
}

/**
 * What a centre still needs before and after it opens: hardware, signage, a float deposit, a
 * certified partner, and the county's agreement with its government. Only certification gates
 * opening; the rest is shown so the county can follow up.
 */
export async function onboardingChecklist(deps: Deps, actor: Actor, centerId: string): Promise<Checklist> {
  const center = await visibleCenter(deps, actor, centerId);
  const kinds = new Set((await assetRows(deps, centerId)).map((a) => a.kind));
  const signage = await deps.db
    .selectFrom('onboarding_steps')
    .select('id')
    .where('center_id', '=', centerId)
    .where('step', '=', 'signage')
    .executeTakeFirst();
  const deposits = await listFloatDeposits(deps, actor, centerId);
  const certification = center.partnerUserId
    ? await partnerCertification(deps.db, center.partnerUserId)
    : null;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const missingHardware = requiredHardware.filter((k) => !kinds.has(k));
  const items: ChecklistItem[] = [
    { key: 'hardware', done: missingHardware.length === 0, missing: [...missingHardware] },
    { key: 'signage', done: signage !== undefined, missing: [] },
    { key: 'float_deposit', done: deposits.length > 0, missing: [] },
    {
      key: 'training',
      done: certification?.certified === true,
      missing: certification
        ? certification.requiredCourses.filter((c) => !c.passed).map((c) => c.title)
        : [],
    },
    {
      key: 'government_agreement',
      done: await agreementInForce(deps.db, center.countyId, today),
      missing: [],
    },
  ];
  return { centerId, complete: items.every((i) => i.done), items };
}
