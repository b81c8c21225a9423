import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, post } from '../../api/client';

export type ScreenFeed = {
  center: { id: string; name: string };
  parcels: Array<{ recipient: string; trackingLast4: string; arrivedAt: string | null }>;
  promotions: Array<{ id: string; name: string; type: 'percent' | 'fixed'; value: number; endsAt: string }>;
  products: Array<{ id: string; title: string; priceFen: number; unit: string; storeUrl: string }>;
  generatedAt: string;
};

const q = encodeURIComponent;

/** The centre's screen feed, refreshed every 30 s; the TV keeps the last one while the link is down. */
export const useScreenFeed = (token: string) =>
  useQuery({
    queryKey: ['screen-feed', token],
    queryFn: () => api<ScreenFeed>(`/screens/${q(token)}`, { anonymous: true }),
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
    // A revoked token stays revoked; anything else (the village network) is worth retrying.
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 3,
  });

export type ScreenTokenStatus = {
  active: boolean;
  createdAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
};

const statusKey = (centerId: string) => ['screen-token', centerId] as const;

/** Whether the centre's TV link is live, and who made it when; the token itself is never shown again. */
export const useScreenTokenStatus = (centerId: string) =>
  useQuery({
    queryKey: statusKey(centerId),
    queryFn: () => api<ScreenTokenStatus>(`/centers/${q(centerId)}/screen-token`),
  });

/** Creates the centre's screen token, revoking the previous one; the answer is the only place it appears. */
export function useRotateScreenToken(centerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ token: string; url: string }>(`/centers/${q(centerId)}/screen-token`),
    onSuccess: () => client.invalidateQueries({ queryKey: statusKey(centerId) }),
  });
}

export function useRevokeScreenToken(centerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/centers/${q(centerId)}/screen-token`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: statusKey(centerId) }),
  });
}
