/**
 * The SMS gateway behind a small interface. The sandbox provider is the default: it
 * "sends" by accepting the message, so the message log holds exactly what a villager would
 * have received. A real gateway (e.g. a carrier's HTTP API) implements the same call and is
 * chosen in main.ts from configuration.
 */
export type SmsMessage = { id: string; to: string; body: string };
export type SmsResult = { providerRef: string };

export type SmsProvider = {
  name: string;
  /** Must be idempotent on `message.id`: the outbox delivers at least once. */
  send(message: SmsMessage): Promise<SmsResult>;
};

export const sandboxSmsProvider: SmsProvider = {
  name: 'sandbox',
  async send(message) {
    return { providerRef: `sandbox-${message.id}` };
  },
};
