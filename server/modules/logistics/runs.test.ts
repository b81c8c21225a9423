import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../../../test/harness.ts';
import {
  anotherCentre,
  hubScan,
  type LogisticsCounty,
  logisticsCounty,
  makeVan,
  plan,
  today,
} from '../../../test/logistics-scenarios.ts';
import { hqAdmin, post } from '../../../test/scenarios.ts';

type Run = {
  id: string;
  vehicleId: string;
  status: string;
  stops: Array<{ centerId: string; sequence: number; parcelIds: string[] }>;
  durationMinutes: number;
  loadKg: number;
};

describeDb('van runs: planning and dispatch', () => {
  let t: TestApp;
  let c: LogisticsCounty;
  let centres: string[];
  const vans: Record<string, { capacityKg: number; shiftMinutes: number }> = {};
  const weights = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp();
    const hq = await hqAdmin(t);
    c = await logisticsCounty(t, hq);
    const more = [
      await anotherCentre(t, c, { lat: 28.7, lon: 119.35 }),
      await anotherCentre(t, c, { lat: 28.45, lon: 119.1 }),
      await anotherCentre(t, c, { lat: 28.8, lon: 119.0 }),
    ];
    centres = [c.centre.center.id, ...more.map((m) => m.center.id)];
    for (const spec of [
      { capacityKg: 300, shiftMinutes: 240 },
      { capacityKg: 150, shiftMinutes: 180 },
    ]) {
      const van = await makeVan(t, c, spec);
      vans[van.id] = spec;
    }
    // 24 parcels, 5–60 kg, spread over the four centres; one centre alone outweighs any van.
    for (let i = 0; i < 24; i++) {
      const weightGrams = i < 8 ? 60_000 : 5_000 + ((i * 7919) % 30) * 1000;
      const centerId = i < 8 ? centres[0]! : centres[i % centres.length]!;
      const parcel = await post(t, c.staff.token, '/api/v1/parcels', {
        trackingNumber: `ZT${Date.now()}${i}`,
        carrier: '中通快递',
        recipientPhone: '13600000000',
        centerId,
        weightGrams,
      });
      weights.set(parcel.id, weightGrams);
      await hubScan(t, c.staff.token, parcel.trackingNumber);
    }
  });
  afterAll(() => t.close());

  const waitingIds = () => [...weights.keys()];
  const expectValidPlan = (
    runs: Run[],
    unplanned: string[],
    expected: string[],
    used = new Map<string, number>(),
  ) => {
    const placed = runs.flatMap((r) => r.stops.flatMap((s) => s.parcelIds));
    expect([...placed, ...unplanned].sort()).toEqual([...expected].sort());
    for (const run of runs) {
      const load = run.stops.flatMap((s) => s.parcelIds).reduce((sum, id) => sum + weights.get(id)!, 0);
      expect(run.loadKg).toBe(load / 1000);
      expect(load).toBeLessThanOrEqual(vans[run.vehicleId]!.capacityKg * 1000);
      expect(run.stops.map((s) => s.sequence)).toEqual(run.stops.map((_, i) => i + 1));
      used.set(run.vehicleId, (used.get(run.vehicleId) ?? 0) + run.durationMinutes);
    }
    for (const [id, minutes] of used) expect(minutes).toBeLessThanOrEqual(vans[id]!.shiftMinutes);
  };

  it('plans every waiting parcel into a run or unplanned, within capacity and shift', async () => {
    const { runs, unplanned } = await plan(t, c);
    expectValidPlan(runs, unplanned, waitingIds());
    expect(runs.length).toBeGreaterThan(1);
    // The big centre's 480 kg cannot go on one trip of a 300 kg van: it is split.
    const bigCentreRuns = runs.filter((r: Run) => r.stops.some((s) => s.centerId === centres[0]));
    expect(bigCentreRuns.length).toBeGreaterThan(1);
    expect(unplanned.length).toBeGreaterThan(0);
    const listed = await t.request('GET', `/api/v1/runs?countyId=${c.county.id}&date=${today()}`, {
      token: c.staff.token,
    });
    expect(listed.body.items.map((r: Run) => r.id).sort()).toEqual(runs.map((r: Run) => r.id).sort());
  });

  it('replaces planned runs on re-planning, and never re-plans a dispatched run’s parcels', async () => {
    const first = await plan(t, c);
    const second = await plan(t, c);
    expectValidPlan(second.runs, second.unplanned, waitingIds());
    const listed = await t.request('GET', `/api/v1/runs?countyId=${c.county.id}&date=${today()}`, {
      token: c.staff.token,
    });
    expect(listed.body.items).toHaveLength(second.runs.length);
    const gone = await t.request('GET', `/api/v1/runs/${first.runs[0].id}`, { token: c.staff.token });
    expect(gone.status).toBe(404);

    const dispatched: Run = await post(
      t,
      c.staff.token,
      `/api/v1/runs/${second.runs[0].id}/dispatch`,
      undefined,
      200,
    );
    expect(dispatched.status).toBe('dispatched');
    const onVan = new Set(dispatched.stops.flatMap((s) => s.parcelIds));
    const third = await plan(t, c);
    const remaining = waitingIds().filter((id) => !onVan.has(id));
    // The dispatched trip's minutes count against its van's shift.
    expectValidPlan(
      third.runs,
      third.unplanned,
      remaining,
      new Map([[dispatched.vehicleId, dispatched.durationMinutes]]),
    );
    const after = await t.request('GET', `/api/v1/runs?countyId=${c.county.id}&date=${today()}`, {
      token: c.staff.token,
    });
    expect(after.body.items.filter((r: Run) => r.status === 'dispatched').map((r: Run) => r.id)).toEqual([
      dispatched.id,
    ]);

    const sheet = await t.request('GET', `/api/v1/runs/${dispatched.id}`, { token: c.staff.token });
    expect(sheet.body.parcels.every((p: { status: string }) => p.status === 'in_transit')).toBe(true);
  });

  it('saves one of two plans made at once, and no parcel lands in two runs', async () => {
    const [a, b] = await Promise.all([plan(t, c), plan(t, c)]);
    const listed = await t.request('GET', `/api/v1/runs?countyId=${c.county.id}&date=${today()}`, {
      token: c.staff.token,
    });
    const planned = listed.body.items.filter((r: Run) => r.status === 'planned');
    const ids = new Set(planned.map((r: Run) => r.id));
    const winner = [a, b].find((p) => p.runs.every((r: Run) => ids.has(r.id)));
    expect(winner, 'the runs on record are exactly one of the two plans').toBeDefined();
    expect(planned).toHaveLength(winner.runs.length);
    const onRuns = planned.flatMap((r: Run) => r.stops.flatMap((s) => s.parcelIds));
    expect(new Set(onRuns).size).toBe(onRuns.length);
  });

  it('plans nothing when the county has no van', async () => {
    const hq = await hqAdmin(t);
    const empty = await logisticsCounty(t, hq);
    const body = {
      trackingNumber: `EMS${Date.now()}`,
      carrier: '邮政',
      recipientPhone: '13600000001',
      centerId: empty.centre.center.id,
    };
    const parcel = await post(t, empty.staff.token, '/api/v1/parcels', body);
    await hubScan(t, empty.staff.token, body.trackingNumber);
    expect(await plan(t, empty)).toEqual({ runs: [], uncollected: [], unplanned: [parcel.id] });
  });
});
