import { sql } from 'kysely';
import type { Queryable } from '../../db/create-db.ts';
import { passedCourseIds, requiredCourseRows } from './training.repo.ts';

/**
 * `certified_partners` holds one row per partner who has a certificate of every course
 * required for opening, so HQ's national count reads a table instead of grouping every
 * certificate in the country by partner (94,000 of them on a generated national network). It
 * changes only when a certificate of a required course is issued and when a required course
 * is created, and both keep it up to date in their own transaction.
 */

/** After issuing a certificate: the partner joins the certified when it completes the set. */
export async function noteCertificate(
  trx: Queryable,
  cert: { userId: string; countyId: string; courseId: string; issuedAt: string },
): Promise<void> {
  const required = (await requiredCourseRows(trx)).map((c) => c.id);
  if (!required.includes(cert.courseId)) return;
  const passed = await passedCourseIds(trx, cert.userId, required);
  if (passed.size < required.length) return;
  await trx
    .insertInto('certified_partners')
    .values({ user_id: cert.userId, county_id: cert.countyId, certified_at: cert.issuedAt })
    .onConflict((oc) => oc.columns(['user_id', 'county_id']).doNothing())
    .execute();
}

/**
 * Recounts the certified from the certificates: after a required course is created (nobody
 * holds it yet, so the set empties) and to fill the table on an existing database. A partner
 * is certified when it completes the set, i.e. at its last required certificate.
 */
export async function rebuildCertifiedPartners(db: Queryable): Promise<void> {
  await db.deleteFrom('certified_partners').execute();
  const required = db.selectFrom('courses').where('required_for_opening', '=', 1);
  const { n } = await required.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  if (Number(n) === 0) return;
  await db
    .insertInto('certified_partners')
    .columns(['user_id', 'county_id', 'certified_at'])
    .expression(
      db
        .selectFrom('certificates')
        .where('course_id', 'in', required.select('id'))
        .select((eb) => ['user_id', 'county_id', eb.fn.max('issued_at').as('certified_at')])
        .groupBy(['user_id', 'county_id'])
        .having(sql`count(distinct course_id)`, '=', Number(n)),
    )
    .execute();
}

/**
 * How many partners are certified nationally. `requiredCourses` 0 means no course is
 * required, so every partner is certified and the table says nothing: the caller counts
 * partners instead.
 */
export async function certifiedUserCount(
  db: Queryable,
): Promise<{ requiredCourses: number; certified: number }> {
  const [courses, holders] = await Promise.all([
    db
      .selectFrom('courses')
      .where('required_for_opening', '=', 1)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('certified_partners')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const requiredCourses = Number(courses.n);
  return { requiredCourses, certified: requiredCourses === 0 ? 0 : Number(holders.n) };
}
