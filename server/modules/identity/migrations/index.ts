import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as sessionExpiry from './0002-session-expiry.ts';

export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-session-expiry': sessionExpiry,
};
