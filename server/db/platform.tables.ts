/** Tables of the platform itself rather than of a domain module. */
export type IdempotencyRow = {
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
};

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

export type OutboxRow = {
  id: string;
  topic: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  available_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
};

export type PlatformTables = {
  idempotency_keys: IdempotencyRow;
  outbox: OutboxRow;
};
