export type NotificationStatus = 'queued' | 'sent' | 'failed';

/** The message log: every message the platform sends, whatever the channel. */
export type NotificationRow = {
  id: string;
  channel: 'sms';
  to_address: string;
  body: string;
  status: NotificationStatus;
  county_id: string | null;
  kind: string;
  provider_ref: string | null;
  created_at: string;
  sent_at: string | null;
};

export type NotificationTables = {
  notifications: NotificationRow;
};
