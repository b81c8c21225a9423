import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { carrierOf, normaliseDetails } from './catalogue.ts';
import { ProviderUnavailable } from './providers.ts';
import { checkDelayMs } from './resolve-request.ts';
import { sandboxServiceProviders } from './sandbox-provider.ts';
import { sourcesOf } from './service-status.ts';
import { parseStatement, statementCsv } from './statement.ts';

const now = new Date('2026-11-26T04:00:00.000Z');
const topup = { phone: '13912345678', carrier: 'china_mobile' as const };

describe('service catalogue', () => {
  it('finds the carrier from the number block', () => {
    expect(carrierOf('13812345678')).toBe('china_mobile');
    expect(carrierOf('18612345678')).toBe('china_unicom');
    expect(carrierOf('18912345678')).toBe('china_telecom');
    expect(carrierOf('19212345678')).toBe('china_broadnet');
    expect(carrierOf('17051234567')).toBe('china_mobile');
    expect(carrierOf('17091234567')).toBe('china_unicom');
    expect(carrierOf('14012345678')).toBeNull();
    expect(carrierOf('1391234567')).toBeNull();
  });

  it('normalises details and names the field it refuses', () => {
    const base = { villagerPhone: '13512345678', now };
    expect(normaliseDetails({ ...base, kind: 'mobile_topup', amountFen: 5_000, details: {} })).toEqual({
      phone: '13512345678',
      carrier: 'china_mobile',
    });
    expect(() => normaliseDetails({ ...base, kind: 'mobile_topup', amountFen: 4_999, details: {} })).toThrow(
      /amountFen/,
    );
    expect(
      normaliseDetails({
        ...base,
        kind: 'travel_ticket',
        amountFen: 1,
        details: { mode: 'coach', from: 'A', to: 'B', date: '2026-11-26', passenger: '张' },
      }),
    ).toEqual({
      mode: 'coach',
      from: 'A',
      to: 'B',
      date: '2026-11-26',
      passenger: '张',
      seatClass: 'standard',
    });
    expect(() =>
      normaliseDetails({
        ...base,
        kind: 'travel_ticket',
        amountFen: 1,
        details: { from: 'A', to: 'B', date: '2026-11-25', passenger: '张' },
      }),
    ).toThrow(/details.date/);
    expect(() =>
      normaliseDetails({ ...base, kind: 'utility_bill', amountFen: 1, details: { accountNo: 'a b' } }),
    ).toThrow(/details.accountNo/);
  });
});

describe('service request states', () => {
  it('moves only from pending, once', () => {
    expect(sourcesOf('succeeded')).toEqual(['pending']);
    expect(sourcesOf('failed')).toEqual(['pending']);
    expect(sourcesOf('pending')).toEqual([]);
  });

  it('backs off between checks, capped at ten minutes', () => {
    expect([1, 2, 3, 4].map(checkDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(checkDelayMs(30)).toBe(600_000);
  });
});

describe('provider statement CSV', () => {
  it('round-trips and reports lines it cannot read', () => {
    const line = { requestId: 'r1', providerRef: 'P1', amountFen: 5_000, completedAt: now.toISOString() };
    expect(parseStatement(statementCsv([line]))).toEqual({ lines: [line], unreadable: [] });
    expect(
      parseStatement('request_id,provider_ref,amount_fen,completed_at\nr1,P1,5.5,x\nbad').unreadable,
    ).toEqual([2, 3]);
  });
});

describe('sandbox provider', () => {
  const call = (requestId: string, phone = '13912345678') => ({
    requestId,
    amountFen: 5_000,
    details: { ...topup, phone },
  });

  it('succeeds, declines numbers ending in 0000, and is idempotent on the request id', async () => {
    const p = sandboxServiceProviders({ seed: 1, latencyMs: [0, 0], clock: fixedClock(now) }).mobile_topup;
    const ok = await p.execute(call('a'));
    expect(ok.status).toBe('succeeded');
    expect(await p.execute(call('a'))).toEqual(ok);
    expect(await p.execute(call('b', '13900000000'))).toMatchObject({
      status: 'failed',
      reason: 'number_not_in_service',
    });
    expect(await p.status('nobody')).toEqual({ status: 'unknown' });
    const csv = parseStatement(await p.statement('2026-11-26'));
    expect(csv.lines.map((l) => l.requestId)).toEqual(['a']);
  });

  it('leaves requests pending until asked again, and cancels what has not finished', async () => {
    const p = sandboxServiceProviders({ seed: 2, latencyMs: [0, 0], faults: { pending: 1 } }).mobile_topup;
    expect((await p.execute(call('a'))).status).toBe('pending');
    expect((await p.status('a')).status).toBe('succeeded');
    expect((await p.execute(call('b'))).status).toBe('pending');
    expect(await p.cancel('b')).toMatchObject({ status: 'failed', reason: 'cancelled' });
    // A request cancelled before the provider saw it can never run later.
    expect(await p.cancel('c')).toMatchObject({ status: 'failed' });
    expect(await p.execute(call('c'))).toMatchObject({ status: 'failed', reason: 'cancelled' });
  });

  it('times out, sometimes after it acted', async () => {
    const p = sandboxServiceProviders({ seed: 3, latencyMs: [0, 0], faults: { timeout: 1 } }).mobile_topup;
    await expect(p.execute(call('a'))).rejects.toBeInstanceOf(ProviderUnavailable);
    const q = sandboxServiceProviders({ seed: 3, latencyMs: [0, 0] }).utility_bill;
    const bill = await q.quote({ utility: 'water', biller: 'county_water', accountNo: '12345' });
    expect(bill).toEqual(await q.quote({ utility: 'water', biller: 'county_water', accountNo: '12345' }));
    expect(bill.amountDueFen).toBeGreaterThan(0);
  });
});
