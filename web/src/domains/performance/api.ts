import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import type { CenterPerformance, PerformancePeriod } from './types';

const q = encodeURIComponent;

export const useCenterPerformance = (centerId: string, period: PerformancePeriod) =>
  useQuery({
    queryKey: ['performance', centerId, period],
    queryFn: () => api<CenterPerformance>(`/centers/${q(centerId)}/performance?period=${period}`),
    placeholderData: keepPreviousData,
  });

export const useLeaderboard = (countyId: string, period: PerformancePeriod) =>
  useQuery({
    queryKey: ['leaderboard', countyId, period],
    queryFn: () =>
      api<Items<CenterPerformance>>(`/counties/${q(countyId)}/leaderboard?period=${period}`).then(
        (r) => r.items,
      ),
    placeholderData: keepPreviousData,
  });
