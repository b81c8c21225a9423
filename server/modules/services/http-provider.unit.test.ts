import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServiceProviders } from './http-provider.ts';
import { ProviderUnavailable } from './providers.ts';

/** A stand-in for the provider's HTTPS API: an outside system, so a fake server is fair. */
describe('HTTP service provider', () => {
  const seen: Array<{ method: string; url: string; auth: string | undefined; body: string }> = [];
  let server: http.Server;
  let url = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
        const reply = (status: number, json: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        if (req.url === '/v1/mobile_topup/orders')
          return reply(200, { status: 'pending', providerRef: 'P-1' });
        if (req.url === '/v1/mobile_topup/orders/r1')
          return reply(200, { status: 'succeeded', providerRef: 'P-1' });
        if (req.url === '/v1/mobile_topup/orders/r2/cancel')
          return reply(200, { status: 'failed', reason: 'cancelled' });
        if (req.url === '/v1/mobile_topup/orders/slow') return setTimeout(() => reply(200, {}), 500);
        if (req.url === '/v1/utility_bill/orders/r3') return reply(503, {});
        if (req.url?.startsWith('/v1/travel_ticket/statements/')) {
          res.writeHead(200, { 'content-type': 'text/csv' });
          return res.end('request_id,provider_ref,amount_fen,completed_at\n');
        }
        reply(404, {});
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const providers = () =>
    httpServiceProviders({ url, apiKey: 'k-123', name: 'agg', callTimeoutMs: 200, giveUpAfterAttempts: 6 });

  it('speaks the documented protocol with the API key', async () => {
    const p = providers();
    expect(p.mobile_topup.name).toBe('agg_mobile_topup');
    const details = { phone: '13912345678', carrier: 'china_mobile' as const };
    expect(await p.mobile_topup.execute({ requestId: 'r1', amountFen: 5_000, details })).toEqual({
      status: 'pending',
      providerRef: 'P-1',
    });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ requestId: 'r1', amountFen: 5_000, details });
    expect(seen.at(-1)!.auth).toBe('Bearer k-123');
    expect(await p.mobile_topup.status('r1')).toEqual({ status: 'succeeded', providerRef: 'P-1' });
    expect(await p.mobile_topup.status('nobody')).toEqual({ status: 'unknown' });
    expect(await p.mobile_topup.cancel('r2')).toMatchObject({ status: 'failed', reason: 'cancelled' });
    expect(await p.travel_ticket.statement('2026-11-26')).toContain('request_id');
  });

  it('counts 5xx and slow answers as no answer, never as a decline', async () => {
    const p = providers();
    await expect(p.utility_bill.status('r3')).rejects.toBeInstanceOf(ProviderUnavailable);
    await expect(p.mobile_topup.status('slow')).rejects.toBeInstanceOf(ProviderUnavailable);
  });
});
