import type { Migration } from 'kysely';
import * as platform from './0001-platform.ts';

export const migrations: Record<string, Migration> = { '0001-platform': platform };
