import type { Queryable } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Actor } from '../identity/index.ts';
import type { MerchantKind, MerchantRow } from './catalog.tables.ts';

export type Merchant = { id: string; name: string; kind: MerchantKind; createdAt: string };

const toMerchant = (r: MerchantRow): Merchant => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  createdAt: r.created_at,
});

export async function findMerchant(db: Queryable, id: string): Promise<Merchant | null> {
  const row = await db.selectFrom('merchants').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMerchant(row) : null;
}

/** A brand or retailer that sells into the village network (created by HQ). */
export async function createMerchant(
  deps: Deps,
  input: { name: string; kind: MerchantKind },
  db: Queryable = deps.db,
): Promise<Merchant> {
  const row: MerchantRow = {
    id: uuidv7(),
    name: input.name,
    kind: input.kind,
    created_at: deps.clock.now().toISOString(),
  };
  try {
    await db.insertInto('merchants').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A merchant named ${input.name} exists`);
    throw error;
  }
  return toMerchant(row);
}

/** HQ sees every merchant; a merchant user sees its own. */
export async function listMerchants(deps: Deps, actor: Actor): Promise<Merchant[]> {
  let q = deps.db.selectFrom('merchants').selectAll().orderBy('name');
  if (actor.role === 'merchant') q = q.where('id', '=', actor.merchantId ?? '');
  return (await q.execute()).map(toMerchant);
}
