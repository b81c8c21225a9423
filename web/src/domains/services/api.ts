import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type {
  ServiceKind,
  ServiceQuote,
  ServiceRequest,
  ServiceRequestDetail,
  ServiceStatus,
  ServiceSummaryRow,
} from './types';

const q = encodeURIComponent;

export const useServiceRequests = (
  filter: { kind?: ServiceKind; status?: ServiceStatus; countyId?: string } = {},
) =>
  useQuery({
    queryKey: ['service-requests', filter],
    queryFn: () => {
      const s = new URLSearchParams({ limit: '100' });
      for (const [k, v] of Object.entries(filter)) if (v) s.set(k, v);
      return api<Items<ServiceRequest>>(`/services/requests?${s}`).then((r) => r.items);
    },
    // A pending request in the list turns final without a reload.
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'pending') ? 1_500 : false),
    placeholderData: keepPreviousData,
  });

/** One request; polled while the provider has not answered, so its status updates in place. */
export const useServiceRequest = (id: string | undefined) => {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['service-request', id],
    queryFn: async () => {
      const request = await api<ServiceRequestDetail>(`/services/requests/${q(id!)}`);
      // A refund changes the float and the wallet; a success the statement.
      if (request.status !== 'pending')
        await Promise.all(
          ['float', 'wallet', 'statement', 'service-requests'].map((key) =>
            client.invalidateQueries({ queryKey: [key] }),
          ),
        );
      return request;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 800 : false),
  });
};

export type NewServiceRequest = {
  villagerId: string;
  kind: ServiceKind;
  amountFen: number;
  details: Record<string, string>;
  payment: 'float' | 'wallet';
  idempotencyKey: string;
};

export function useRequestService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: NewServiceRequest) =>
      post<ServiceRequest>('/services/requests', body, { 'idempotency-key': idempotencyKey }),
    // Only a lost connection is retried: the idempotency key makes the repeat harmless.
    retry: (count, error) => count < 3 && (error as { status?: number }).status === 0,
    onSuccess: () =>
      Promise.all(
        ['float', 'wallet', 'service-requests'].map((key) => client.invalidateQueries({ queryKey: [key] })),
      ),
  });
}

export const useServiceQuote = () =>
  useMutation({
    mutationFn: (body: { kind: ServiceKind; details: Record<string, string>; amountFen?: number }) =>
      post<ServiceQuote>('/services/quotes', body),
  });

export const useServiceSummary = (countyId?: string) =>
  useQuery({
    queryKey: ['service-summary', countyId ?? 'all'],
    queryFn: () =>
      api<Items<ServiceSummaryRow>>(`/services/summary${countyId ? `?countyId=${q(countyId)}` : ''}`).then(
        (r) => r.items,
      ),
  });
