/**
 * Merchants (each with its login) and the national catalogue, written through the catalog
 * module's `insertProducts` so search terms are the ones the API writes. What orders need of
 * each product stays in memory as typed arrays (a few MB for 100,000 products), including the
 * stock not yet sold, which is written back at the end.
 */
import { CompiledQuery } from 'kysely';
import type { DbHandle } from '../../server/db/create-db.ts';
import { insertProducts, type ProductRow } from '../../server/modules/catalog/index.ts';
import { productRow } from '../seed-catalog.ts';
import { iso, type Rng } from './rng.ts';

export type Catalogue = {
  ids: string[];
  skus: string[];
  titles: string[];
  kinds: string[];
  merchantIds: string[];
  merchantNames: string[];
  /** The login of each merchant, who ships its orders. */
  merchantUserIds: string[];
  merchantOf: Int32Array;
  priceFen: Int32Array;
  weightGrams: Int32Array;
  /** Stock still available: orders take from it, cancellations give back. */
  stock: Int32Array;
  initialStock: Int32Array;
};

export async function writeCatalogue(
  handle: DbHandle,
  rng: Rng,
  p: { products: number; merchants: number; at: number; passwordHash: string },
  onProgress: (done: number) => void,
): Promise<Catalogue> {
  const at = iso(p.at);
  const merchantIds: string[] = [];
  const names: string[] = [];
  const userIds: string[] = [];
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < p.merchants; i++) {
      const id = rng.idAt(p.at);
      const name = `${rng.pick(merchantNames)}${i + 1}号店`;
      const userId = rng.idAt(p.at);
      merchantIds.push(id);
      names.push(name);
      userIds.push(userId);
      await trx
        .insertInto('merchants')
        .values({ id, name, kind: i % 4 ? 'retailer' : 'brand', created_at: at })
        .execute();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          login: `merchant${i + 1}`,
          password_hash: p.passwordHash,
          display_name: `商户${i + 1}`,
          role: 'merchant',
          county_id: null,
          center_id: null,
          merchant_id: id,
          status: 'active',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  });
  const n = p.products;
  const c: Catalogue = {
    ids: [],
    skus: [],
    titles: [],
    kinds: [],
    merchantIds,
    merchantNames: names,
    merchantUserIds: userIds,
    merchantOf: new Int32Array(n),
    priceFen: new Int32Array(n),
    weightGrams: new Int32Array(n),
    stock: new Int32Array(n),
    initialStock: new Int32Array(n),
  };
  const batch = 2_000;
  for (let done = 0; done < n; done += batch) {
    const rows: ProductRow[] = [];
    for (let i = done; i < Math.min(n, done + batch); i++) {
      const m = Math.floor(rng.next() * merchantIds.length);
      const row = productRow(rng.next, {
        id: rng.idAt(p.at),
        sku: `SKU-${i + 1}`,
        merchantId: merchantIds[m]!,
        at,
      });
      // A national warehouse: enough that months of orders rarely empty a shelf.
      row.stock = rng.int(2_000, 50_000);
      rows.push(row);
      c.ids.push(row.id);
      c.skus.push(row.sku);
      c.titles.push(row.title);
      c.kinds.push(row.kind);
      c.merchantOf[i] = m;
      c.priceFen[i] = row.price_fen;
      c.weightGrams[i] = row.weight_grams;
      c.stock[i] = row.stock;
      c.initialStock[i] = row.stock;
    }
    await handle.db.transaction().execute((trx) => insertProducts(trx, rows));
    onProgress(Math.min(n, done + batch));
  }
  return c;
}

const merchantNames = [
  '农资连锁',
  '丰收农资',
  '惠农商贸',
  '绿野农业',
  '日用百货',
  '家电城',
  '粮油批发',
  '五金农具',
];

/** Writes back what the orders took: `stock` = initial − units sold and not given back. */
export async function writeStock(handle: DbHandle, c: Catalogue): Promise<void> {
  const mark = handle.dialect === 'postgres' ? (i: number) => `$${i}` : () => '?';
  await handle.db.transaction().execute(async (trx) => {
    const changed: number[] = [];
    for (let i = 0; i < c.ids.length; i++) if (c.stock[i] !== c.initialStock[i]) changed.push(i);
    for (let start = 0; start < changed.length; start += 1_000) {
      const chunk = changed.slice(start, start + 1_000);
      const params: unknown[] = [];
      const tuples = chunk.map((i) => {
        params.push(c.ids[i], c.stock[i]);
        return `(${mark(params.length - 1)}, ${mark(params.length)})`;
      });
      const cast = handle.dialect === 'postgres' ? '::integer' : '';
      await trx.executeQuery(
        CompiledQuery.raw(
          `with v(id, stock) as (values ${tuples.join(', ')}) ` +
            `update products set stock = (select v.stock${cast} from v where v.id = products.id) ` +
            'where id in (select id from v)',
          params,
        ),
      );
    }
  });
}
