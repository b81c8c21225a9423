import type { Migration } from 'kysely';
import * as merchants from './0001-merchants.ts';

export const migrations: Record<string, Migration> = { '0001-merchants': merchants };
