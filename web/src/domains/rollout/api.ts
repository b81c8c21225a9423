import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RolloutDashboard, RolloutMap, RolloutTargets } from './types';

const q = encodeURIComponent;

export const useRolloutDashboard = (from: string, to: string) =>
  useQuery({
    queryKey: ['rollout', 'dashboard', from, to],
    queryFn: () => api<RolloutDashboard>(`/rollout/dashboard?from=${q(from)}&to=${q(to)}`),
    placeholderData: keepPreviousData,
  });

/** Every county; with `countyId`, that county's centres too. */
export const useRolloutMap = (countyId: string | null) =>
  useQuery({
    queryKey: ['rollout', 'map', countyId],
    queryFn: () => api<RolloutMap>(`/rollout/map${countyId ? `?countyId=${q(countyId)}` : ''}`),
    placeholderData: keepPreviousData,
  });

export function useSetTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targets: { counties: number; centers: number; targetDate: string | null }) =>
      api<RolloutTargets>('/rollout/targets', { method: 'PUT', body: targets }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rollout'] }),
  });
}
