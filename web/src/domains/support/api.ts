import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';

export const ticketCategories = [
  'hardware',
  'software',
  'network',
  'orders',
  'logistics',
  'payments',
  'other',
] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketStatus = 'open' | 'in_progress' | 'resolved';

export type Ticket = {
  id: string;
  countyId: string;
  centerId: string;
  category: (typeof ticketCategories)[number];
  priority: (typeof ticketPriorities)[number];
  subject: string;
  status: TicketStatus;
  assigneeId: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  createdAt: string;
};
export type TicketMessage = {
  id: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: string;
};
export type TicketStats = {
  open: number;
  inProgress: number;
  resolved: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
};
export type NewTicket = Pick<Ticket, 'category' | 'priority' | 'subject'> & { body: string };

const q = encodeURIComponent;

export const useTickets = (countyId?: string) =>
  useQuery({
    queryKey: ['tickets', countyId ?? 'mine'],
    queryFn: () =>
      api<Items<Ticket>>(`/support/tickets${countyId ? `?countyId=${q(countyId)}` : ''}`).then(
        (r) => r.items,
      ),
  });

export const useTicket = (id: string) =>
  useQuery({
    queryKey: ['ticket', id],
    queryFn: () => api<Ticket & { messages: TicketMessage[] }>(`/support/tickets/${q(id)}`),
  });

export const useTicketStats = (countyId: string) =>
  useQuery({
    queryKey: ['ticket-stats', countyId],
    queryFn: () => api<TicketStats>(`/support/stats?countyId=${q(countyId)}`),
  });

/** Any change to tickets refreshes every ticket list, figure and conversation. */
function useTicketWrite<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all(
        [['tickets'], ['ticket'], ['ticket-stats']].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}

export const useOpenTicket = () =>
  useTicketWrite((ticket: NewTicket) => post<Ticket>('/support/tickets', ticket));
export const useReply = (id: string) =>
  useTicketWrite((body: string) => post<TicketMessage>(`/support/tickets/${q(id)}/messages`, { body }));
export const useAssign = (id: string) =>
  useTicketWrite((userId: string) => post<Ticket>(`/support/tickets/${q(id)}/assign`, { userId }));
export const useResolve = (id: string) =>
  useTicketWrite((resolution: string) => post<Ticket>(`/support/tickets/${q(id)}/resolve`, { resolution }));
