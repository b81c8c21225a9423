import type { Migration } from 'kysely';
import * as platform from './0001-platform.ts';
import * as housekeeping from './0002-housekeeping.ts';

export const migrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-housekeeping': housekeeping,
};
