/** An agreement between the platform and a county government. */
export type AgreementRow = {
  id: string;
  county_id: string;
  title: string;
  /** YYYY-MM-DD */
  signed_on: string;
  /** YYYY-MM-DD, or null for an agreement without an end date. */
  valid_until: string | null;
  terms: string;
  /** Subsidies the county government committed, in fen. */
  subsidy_fen: number;
  /** JSON array of {name, url}: scanned contracts and annexes kept elsewhere. */
  documents: string;
  created_by: string;
  created_at: string;
};

export type GovernmentTables = { gov_agreements: AgreementRow };
