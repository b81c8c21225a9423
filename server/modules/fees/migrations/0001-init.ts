import type { Kysely } from 'kysely';

/** The launch schedule: 3 % commission on consumer goods, 5 % on agricultural inputs. */
const launchRates = { commissionBps: { consumer: 300, agri_input: 500, local_specialty: 500 } };

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fee_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('rates', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ fee_schedules: Record<string, unknown> }>)
    .insertInto('fee_schedules')
    .values({
      id: '00000000-0000-7000-8000-000000000001',
      version: 1,
      effective_from: '2014-10-01T00:00:00.000Z',
      rates: JSON.stringify(launchRates),
      created_by: null,
      created_at: '2014-10-01T00:00:00.000Z',
    })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fee_schedules').execute();
}
