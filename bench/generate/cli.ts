/**
 * The national-size data generator's command line (see `generate.ts`).
 *
 *   npm run generate -- --counties N --centres-per-county M [--months K] [--seed S]
 *                       [--products P] [--merchants N] [--villagers N] [--orders-per-month O]
 *                       [--services-per-month S] [--db FILE | DATABASE_URL=postgres://…]
 */
import { parseArgs } from 'node:util';
import { createDb } from '../../server/db/create-db.ts';
import type { Options } from './context.ts';
import { generate } from './generate.ts';
import { formatSeconds } from './progress.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      counties: { type: 'string', default: '10' },
      'centres-per-county': { type: 'string', default: '20' },
      months: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      products: { type: 'string', default: '100000' },
      merchants: { type: 'string', default: '200' },
      villagers: { type: 'string', default: '40' },
      'orders-per-month': { type: 'string', default: '20' },
      'services-per-month': { type: 'string', default: '6' },
      db: { type: 'string', default: 'data/generated.db' },
    },
  });
  const opts: Options = {
    counties: Number(values.counties),
    centresPerCounty: Number(values['centres-per-county']),
    months: Number(values.months),
    seed: Number(values.seed),
    products: Number(values.products),
    merchants: Number(values.merchants),
    villagersPerCentre: Number(values.villagers),
    ordersPerCentreMonth: Number(values['orders-per-month']),
    servicesPerCentreMonth: Number(values['services-per-month']),
  };
  for (const [k, v] of Object.entries(opts)) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} must be a whole number`);
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const handle = createDb({ sqliteFile: values.db, databaseUrl });
  const where = databaseUrl ? 'PostgreSQL' : values.db;
  process.stderr.write(
    `generating ${opts.counties} counties × ${opts.centresPerCounty} centres, ${opts.months} months, ` +
      `${opts.products.toLocaleString('en')} products into ${where}\n`,
  );
  try {
    const result = await generate(handle, opts, { sqliteFile: databaseUrl ? undefined : values.db });
    const total = [...result.counts.values()].reduce((s, n) => s + n, 0);
    const rows = [...result.counts].sort((a, b) => b[1] - a[1]);
    console.log(
      `\ngenerated in ${formatSeconds(result.seconds)} (${Math.round(total / result.seconds).toLocaleString('en')} rows/s)`,
    );
    console.log(
      `database size: ${result.bytes === null ? 'n/a' : `${(result.bytes / 2 ** 30).toFixed(2)} GiB`}`,
    );
    console.log(`rows: ${total.toLocaleString('en')}`);
    for (const [table, n] of rows)
      console.log(`  ${table.padEnd(28)} ${n.toLocaleString('en').padStart(14)}`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
