import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';

export const assetKinds = ['pc', 'tv_screen', 'printer', 'barcode_scanner', 'other'] as const;
export type AssetKind = (typeof assetKinds)[number];
export type Asset = {
  id: string;
  kind: AssetKind;
  serialNo: string;
  model: string | null;
  createdAt: string;
};
export type ChecklistItem = {
  key: 'hardware' | 'signage' | 'float_deposit' | 'training' | 'government_agreement';
  done: boolean;
  missing: string[];
};
export type Checklist = { centerId: string; complete: boolean; items: ChecklistItem[] };

const q = encodeURIComponent;
const keys = {
  checklist: (centerId: string) => ['onboarding', centerId] as const,
  assets: (centerId: string) => ['assets', centerId] as const,
};

export const useChecklist = (centerId: string) =>
  useQuery({
    queryKey: keys.checklist(centerId),
    queryFn: () => api<Checklist>(`/centers/${q(centerId)}/onboarding`),
  });

export const useAssets = (centerId: string) =>
  useQuery({
    queryKey: keys.assets(centerId),
    queryFn: () => api<Items<Asset>>(`/centers/${q(centerId)}/assets`).then((r) => r.items),
  });

function useOnboardingWrite<V, R>(centerId: string, write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.checklist(centerId) }),
        client.invalidateQueries({ queryKey: keys.assets(centerId) }),
      ]),
  });
}

export const useRegisterAsset = (centerId: string) =>
  useOnboardingWrite(centerId, (asset: { kind: AssetKind; serialNo: string; model?: string }) =>
    post<Asset>(`/centers/${q(centerId)}/assets`, asset),
  );

export const useRecordSignage = (centerId: string) =>
  useOnboardingWrite(centerId, () => post<Checklist>(`/centers/${q(centerId)}/onboarding/signage`, {}));
