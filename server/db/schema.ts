import type { CampaignTables } from '../modules/campaigns/campaigns.tables.ts';
import type { CatalogTables } from '../modules/catalog/catalog.tables.ts';
import type { FeeTables } from '../modules/fees/fees.tables.ts';
import type { FieldVisitTables } from '../modules/field-visits/field-visits.tables.ts';
import type { GovernmentTables } from '../modules/government/government.tables.ts';
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { LedgerTables } from '../modules/ledger/ledger.tables.ts';
import type { LogisticsTables } from '../modules/logistics/logistics.tables.ts';
import type { NetworkTables } from '../modules/network/network.tables.ts';
import type { NotificationTables } from '../modules/notifications/notifications.tables.ts';
import type { OnboardingTables } from '../modules/onboarding/onboarding.tables.ts';
import type { OrderTables } from '../modules/orders/orders.tables.ts';
import type { PartnerTables } from '../modules/partners/partners.tables.ts';
import type { RecruitmentTables } from '../modules/recruitment/recruitment.tables.ts';
import type { RolloutTables } from '../modules/rollout/rollout.tables.ts';
import type { ScreenTables } from '../modules/screens/screens.tables.ts';
import type { ServiceTables } from '../modules/services/services.tables.ts';
import type { SupportTables } from '../modules/support/support.tables.ts';
import type { TrainingTables } from '../modules/training/training.tables.ts';
import type { UpstreamTables } from '../modules/upstream/upstream.tables.ts';
import type { VillagerTables } from '../modules/villagers/villagers.tables.ts';
import type { PlatformTables } from './platform.tables.ts';

/** Every table of the platform; each module declares its own in `<module>.tables.ts`. */
export type Database = PlatformTables &
  IdentityTables &
  NetworkTables &
  CatalogTables &
  NotificationTables &
  LedgerTables &
  FeeTables &
  VillagerTables &
  PartnerTables &
  OrderTables &
  LogisticsTables &
  UpstreamTables &
  TrainingTables &
  RecruitmentTables &
  GovernmentTables &
  OnboardingTables &
  SupportTables &
  ServiceTables &
  ScreenTables &
  FieldVisitTables &
  CampaignTables &
  RolloutTables;
