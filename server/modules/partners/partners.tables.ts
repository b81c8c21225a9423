export type FloatDepositRow = {
  id: string;
  center_id: string;
  county_id: string;
  amount_fen: number;
  reference: string;
  recorded_by: string;
  created_at: string;
};

export type PartnerTables = { float_deposits: FloatDepositRow };
