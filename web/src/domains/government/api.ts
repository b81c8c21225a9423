import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';

export type Agreement = {
  id: string;
  title: string;
  signedOn: string;
  validUntil: string | null;
  terms: string;
  subsidyFen: number;
  documents: Array<{ name: string; url: string }>;
};

export type NewAgreement = Omit<Agreement, 'id' | 'documents'> & { documents?: Agreement['documents'] };

export type GovDashboard = {
  villages: number;
  villagesCovered: number;
  centers: { planned: number; open: number; suspended: number; closed: number };
  partners: { total: number; certified: number };
  recruitment: {
    stages: { submitted: number; interviewed: number; approved: number; rejected: number };
    certified: number;
    open: number;
  };
  agreements: { count: number; inForce: boolean; subsidyFen: number };
};

const q = encodeURIComponent;

export const useAgreements = (countyId: string) =>
  useQuery({
    queryKey: ['agreements', countyId],
    queryFn: () => api<Items<Agreement>>(`/counties/${q(countyId)}/agreements`).then((r) => r.items),
  });

export function useRecordAgreement(countyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (agreement: NewAgreement) =>
      post<Agreement>(`/counties/${q(countyId)}/agreements`, agreement),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['agreements', countyId] }),
        client.invalidateQueries({ queryKey: ['gov-dashboard', countyId] }),
        client.invalidateQueries({ queryKey: ['onboarding'] }),
      ]),
  });
}

export const useGovDashboard = (countyId: string) =>
  useQuery({
    queryKey: ['gov-dashboard', countyId],
    queryFn: () => api<GovDashboard>(`/gov/dashboard?countyId=${q(countyId)}`),
  });
