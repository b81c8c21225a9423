import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type { FloatDeposit, Payable, Statement } from './types';

const q = encodeURIComponent;

export const useFloat = (centerId: string) =>
  useQuery({
    queryKey: ['float', centerId],
    queryFn: () => api<{ centerId: string; balanceFen: number }>(`/centers/${q(centerId)}/float`),
  });

export const useDeposits = (centerId: string) =>
  useQuery({
    queryKey: ['float', centerId, 'deposits'],
    queryFn: () => api<Items<FloatDeposit>>(`/centers/${q(centerId)}/float/deposits`).then((r) => r.items),
  });

export type NewDeposit = { centerId: string; amountFen: number; reference: string; idempotencyKey: string };

export function useRecordDeposit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ centerId, idempotencyKey, ...body }: NewDeposit) =>
      post<FloatDeposit & { balanceFen: number }>(`/centers/${q(centerId)}/float/deposits`, body, {
        'idempotency-key': idempotencyKey,
      }),
    retry: (count, error) => count < 3 && (error as { status?: number }).status === 0,
    onSuccess: (_, { centerId }) => client.invalidateQueries({ queryKey: ['float', centerId] }),
  });
}

export const useStatement = (userId: string, month: string) =>
  useQuery({
    queryKey: ['statement', userId, month],
    queryFn: () => api<Statement>(`/partners/${q(userId)}/statement?month=${q(month)}`),
  });

export const usePayable = (merchantId: string, month: string) =>
  useQuery({
    queryKey: ['payable', merchantId, month],
    queryFn: () => api<Payable>(`/merchants/${q(merchantId)}/payable?month=${q(month)}`),
  });
