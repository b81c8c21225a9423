import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type { Villager } from './types';

const q = encodeURIComponent;

/** Villagers of the partner's centre; `phone` may be the full number or its last digits. */
export const useVillagers = (filter: { phone?: string; q?: string } = {}) =>
  useQuery({
    queryKey: ['villagers', filter],
    queryFn: () => {
      const s = new URLSearchParams({ limit: '200' });
      if (filter.phone) s.set('phone', filter.phone);
      if (filter.q) s.set('q', filter.q);
      return api<Items<Villager>>(`/villagers?${s}`).then((r) => r.items);
    },
    placeholderData: keepPreviousData,
  });

export const useVillager = (id: string | undefined) =>
  useQuery({
    queryKey: ['villager', id],
    queryFn: () => api<Villager>(`/villagers/${q(id!)}`),
    enabled: Boolean(id),
  });

export const useWallet = (villagerId: string | undefined) =>
  useQuery({
    queryKey: ['wallet', villagerId],
    queryFn: () => api<{ balanceFen: number }>(`/villagers/${q(villagerId!)}/wallet`),
    enabled: Boolean(villagerId),
  });

export function useRegisterVillager() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; phone: string }) => post<Villager>('/villagers', v),
    onSuccess: () => client.invalidateQueries({ queryKey: ['villagers'] }),
  });
}

export function useTopUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ villagerId, amountFen, idempotencyKey }: TopUp) =>
      post<{ balanceFen: number }>(
        `/villagers/${q(villagerId)}/wallet/topups`,
        { amountFen },
        { 'idempotency-key': idempotencyKey },
      ),
    retry: (count, error) => count < 3 && (error as { status?: number }).status === 0,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['wallet'] }),
        client.invalidateQueries({ queryKey: ['float'] }),
      ]),
  });
}

export type TopUp = { villagerId: string; amountFen: number; idempotencyKey: string };
