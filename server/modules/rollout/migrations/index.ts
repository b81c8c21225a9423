import type { Migration } from 'kysely';
import * as init from './0001-init.ts';

export const migrations: Record<string, Migration> = { '0001-init': init };
