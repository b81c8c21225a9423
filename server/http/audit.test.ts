import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../test/harness.ts';
import { type LogisticsCounty, logisticsCounty } from '../../test/logistics-scenarios.ts';
import { hqAdmin, post } from '../../test/scenarios.ts';

describeDb('audit rows of idempotent writes commit with the write', () => {
  let t: TestApp;
  let c: LogisticsCounty;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    c = await logisticsCounty(t, await hqAdmin(t));
  });
  afterAll(() => t.close());

  async function carrierParcel(): Promise<{ id: string; trackingNumber: string }> {
    return post(t, c.staff.token, '/api/v1/parcels', {
      trackingNumber: `AU${Date.now()}${n++}`,
      carrier: '中通快递',
      recipientPhone: '13912345678',
      centerId: c.centre.center.id,
    });
  }

  const scan = (trackingNumber: string, headers: Record<string, string>) =>
    t.request('POST', '/api/v1/hub/scans', {
      token: c.staff.token,
      body: { trackingNumber, type: 'received' },
      headers,
    });

  const auditRows = (requestId: string) =>
    t.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();

  it('leaves exactly one audit row per accepted write, naming the county and the entity', async () => {
    const parcel = await carrierParcel();
    const first = await scan(parcel.trackingNumber, {
      'x-request-id': 'audit-a1',
      'idempotency-key': 'k-a1',
    });
    expect(first.status).toBe(200);
    expect(await auditRows('audit-a1')).toEqual([
      expect.objectContaining({
        user_id: c.staff.user.id,
        role: 'county_staff',
        county_id: c.county.id,
        method: 'POST',
        route: '/api/v1/hub/scans',
        entity_id: parcel.id,
        status_code: 200,
      }),
    ]);
    // A replay changes nothing, but the request is still on record, once.
    const again = await scan(parcel.trackingNumber, {
      'x-request-id': 'audit-a2',
      'idempotency-key': 'k-a1',
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await auditRows('audit-a2')).map((r) => r.entity_id)).toEqual([parcel.id]);

    const other = await carrierParcel();
    expect((await scan(other.trackingNumber, { 'x-request-id': 'audit-a3' })).status).toBe(200);
    expect((await auditRows('audit-a3')).map((r) => r.entity_id)).toEqual([other.id]);
  });

  it('rolls the write back when its audit row cannot be written', async () => {
    const parcel = await carrierParcel();
    // The audit table going missing is the simplest failure both databases share.
    await t.deps.db.schema.alterTable('audit_log').renameTo('audit_log_away').execute();
    try {
      for (const headers of [{ 'idempotency-key': 'k-b1' }, {}] as Record<string, string>[]) {
        const res = await scan(parcel.trackingNumber, headers);
        expect(res.status).toBe(500);
      }
    } finally {
      await t.deps.db.schema.alterTable('audit_log_away').renameTo('audit_log').execute();
    }
    const row = await t.deps.db
      .selectFrom('parcels')
      .select('status')
      .where('id', '=', parcel.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('created');
    const events = await t.deps.db
      .selectFrom('parcel_events')
      .select('type')
      .where('parcel_id', '=', parcel.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['created']);
    const keys = await t.deps.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'k-b1')
      .execute();
    expect(keys).toEqual([]);
    // Once the audit can be written again, the same scan goes through.
    expect((await scan(parcel.trackingNumber, { 'idempotency-key': 'k-b1' })).status).toBe(200);
  });
});
