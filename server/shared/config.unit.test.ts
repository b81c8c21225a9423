import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('service provider configuration', () => {
  it('defaults to the sandbox', () => {
    expect(readConfig({}).services).toEqual({ provider: 'sandbox' });
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
