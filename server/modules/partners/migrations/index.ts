import type { Migration } from 'kysely';
import * as float from './0001-float.ts';

export const migrations: Record<string, Migration> = { '0001-float': float };
