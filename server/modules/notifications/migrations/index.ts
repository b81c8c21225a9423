import type { Migration } from 'kysely';
import * as init from './0001-init.ts';
import * as newest from './0002-newest.ts';

export const migrations: Record<string, Migration> = { '0001-init': init, '0002-newest': newest };
