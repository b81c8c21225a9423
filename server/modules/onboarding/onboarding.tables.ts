export const assetKinds = ['pc', 'tv_screen', 'printer', 'barcode_scanner', 'other'] as const;
export type AssetKind = (typeof assetKinds)[number];

/** Hardware the platform provides a centre, by serial number. */
export type CenterAssetRow = {
  id: string;
  county_id: string;
  center_id: string;
  kind: AssetKind;
  serial_no: string;
  model: string | null;
  recorded_by: string;
  created_at: string;
};

/** A manual onboarding step done for a centre (today: its signage put up). */
export type OnboardingStepRow = {
  id: string;
  county_id: string;
  center_id: string;
  step: 'signage';
  note: string | null;
  recorded_by: string;
  done_at: string;
};

export type OnboardingTables = { center_assets: CenterAssetRow; onboarding_steps: OnboardingStepRow };
