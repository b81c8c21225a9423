import type { Migration } from 'kysely';
import * as float from './0001-float.ts';
import * as countyKeys from './0002-county-keys.ts';

export const migrations: Record<string, Migration> = { '0001-float': float, '0002-county-keys': countyKeys };
