import type { CatalogTables } from '../modules/catalog/catalog.tables.ts';
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { NetworkTables } from '../modules/network/network.tables.ts';
import type { NotificationTables } from '../modules/notifications/notifications.tables.ts';
import type { PlatformTables } from './platform.tables.ts';

/** Every table of the platform; each module declares its own in `<module>.tables.ts`. */
export type Database = PlatformTables & IdentityTables & NetworkTables & CatalogTables & NotificationTables;
