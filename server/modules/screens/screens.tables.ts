/**
 * A centre's screen token: at most one per centre (the centre is the key), so rotating replaces
 * it and the old token stops working at once. Only the SHA-256 of the token is stored.
 */
export type ScreenTokenRow = {
  center_id: string;
  county_id: string;
  token_hash: string;
  created_by: string;
  created_at: string;
};

export type ScreenTables = { screen_tokens: ScreenTokenRow };
