import { useMutation, useQuery } from '@tanstack/react-query';
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

/** Creates the centre's screen token, revoking the previous one; the answer is the only place it appears. */
export const useRotateScreenToken = (centerId: string) =>
  useMutation({
    mutationFn: () => post<{ token: string; url: string }>(`/centers/${q(centerId)}/screen-token`),
  });

export const useRevokeScreenToken = (centerId: string) =>
  useMutation({
    mutationFn: () => api<void>(`/centers/${q(centerId)}/screen-token`, { method: 'DELETE' }),
  });
