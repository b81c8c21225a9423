export const ticketCategories = [
  'hardware',
  'software',
  'network',
  'orders',
  'logistics',
  'payments',
  'other',
] as const;
export type TicketCategory = (typeof ticketCategories)[number];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
export const ticketStatuses = ['open', 'in_progress', 'resolved'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** A partner's request for technical help, handled by its county centre. */
export type TicketRow = {
  id: string;
  county_id: string;
  center_id: string;
  opened_by: string;
  category: TicketCategory;
  priority: TicketPriority;
  subject: string;
  status: TicketStatus;
  assignee_id: string | null;
  /** The first reply by county staff: the response time is measured to it. */
  first_response_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  created_at: string;
  updated_at: string;
};

export type TicketMessageRow = {
  id: string;
  ticket_id: string;
  county_id: string;
  author_id: string;
  author_name: string;
  author_role: string;
  body: string;
  created_at: string;
};

export type SupportTables = { support_tickets: TicketRow; support_messages: TicketMessageRow };
