import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type { Campaign, CampaignResults, NewCampaign } from './types';

const q = encodeURIComponent;

/** The caller's campaigns: a county's and HQ-wide ones for county staff, running ones for a partner. */
export const useCampaigns = (countyId?: string) =>
  useQuery({
    queryKey: ['campaigns', countyId ?? 'all'],
    queryFn: () =>
      api<Items<Campaign>>(`/campaigns${countyId ? `?countyId=${q(countyId)}` : ''}`).then((r) => r.items),
  });

export const useCampaignResults = (id: string | null) =>
  useQuery({
    queryKey: ['campaign-results', id],
    queryFn: () => api<CampaignResults>(`/campaigns/${q(id ?? '')}/results`),
    enabled: id !== null,
  });

function useCampaignWrite<V>(write: (v: V) => Promise<Campaign>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['campaigns'] }),
        client.invalidateQueries({ queryKey: ['campaign-results'] }),
      ]),
  });
}

export const useCreateCampaign = () => useCampaignWrite((c: NewCampaign) => post<Campaign>('/campaigns', c));

export const useCancelCampaign = () =>
  useCampaignWrite((id: string) => post<Campaign>(`/campaigns/${q(id)}/cancel`));
