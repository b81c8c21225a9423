import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('service provider configuration', () => {
  it('defaults to the sandbox', () => {
    expect(readConfig({}).services).toEqual({ provider: 'sandbox' });
  });

  it('lets a demo sandbox misbehave at given rates', () => {
    expect(readConfig({ CUNTONG_SANDBOX_FAULTS: 'pending=0.5, timeout=0.1' }).services).toEqual({
      provider: 'sandbox',
      faults: { pending: 0.5, timeout: 0.1 },
    });
    expect(() => readConfig({ CUNTONG_SANDBOX_FAULTS: 'pending=2' })).toThrow(/CUNTONG_SANDBOX_FAULTS/);
    expect(() => readConfig({ CUNTONG_SANDBOX_FAULTS: 'gremlins=0.1' })).toThrow(/CUNTONG_SANDBOX_FAULTS/);
  });

  it('reads a real provider’s endpoint, key and limits, and refuses half a configuration', () => {
    expect(
      readConfig({
        CUNTONG_SERVICES_PROVIDER: 'http',
        CUNTONG_SERVICES_URL: 'https://provider.example/v1',
        CUNTONG_SERVICES_API_KEY: 'secret',
        CUNTONG_SERVICES_TIMEOUT_MS: '5000',
      }).services,
    ).toEqual({
      provider: 'http',
      url: 'https://provider.example/v1',
      apiKey: 'secret',
      name: 'provider',
      callTimeoutMs: 5_000,
      giveUpAfterAttempts: 6,
    });
    expect(() => readConfig({ CUNTONG_SERVICES_PROVIDER: 'http' })).toThrow(/CUNTONG_SERVICES_URL/);
    expect(() => readConfig({ CUNTONG_SERVICES_PROVIDER: 'carrier-pigeon' })).toThrow(/sandbox or http/);
  });
});

describe('session lifetime', () => {
  it('defaults to 12 hours and refuses what is not a number of hours', () => {
    expect(readConfig({}).sessionTtlHours).toBe(12);
    expect(readConfig({ CUNTONG_SESSION_TTL_HOURS: '0.5' }).sessionTtlHours).toBe(0.5);
    for (const bad of ['twelve', '0', '-1', '100000'])
      expect(() => readConfig({ CUNTONG_SESSION_TTL_HOURS: bad })).toThrow(/CUNTONG_SESSION_TTL_HOURS/);
  });
});

describe('API processes', () => {
  it('runs one by default, several only on PostgreSQL', () => {
    expect(readConfig({}).workers).toBe(1);
    expect(readConfig({ CUNTONG_WORKERS: '4', DATABASE_URL: 'postgres://db/cuntong' }).workers).toBe(4);
    expect(() => readConfig({ CUNTONG_WORKERS: '2' })).toThrow(/CUNTONG_WORKERS=2 needs PostgreSQL/);
    expect(() => readConfig({ CUNTONG_WORKERS: 'two', DATABASE_URL: 'postgres://db/cuntong' })).toThrow(
      /CUNTONG_WORKERS/,
    );
    expect(() => readConfig({ CUNTONG_WORKERS: '0', DATABASE_URL: 'postgres://db/cuntong' })).toThrow(
      /CUNTONG_WORKERS/,
    );
  });

  it('serves the web consoles unless told not to', () => {
    expect(readConfig({}).web).toBe(true);
    expect(readConfig({ CUNTONG_WEB: '0' }).web).toBe(false);
  });
});
