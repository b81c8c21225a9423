import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import { newIdempotencyKey } from '../../api/ids';
import type { Items, User } from '../../api/types';
import type { Center, CenterAction, County, PublicCenter, Village } from './types';

const keys = {
  counties: ['counties'] as const,
  county: (id: string) => ['counties', id] as const,
  villages: (countyId: string) => ['villages', countyId] as const,
  centers: (countyId: string) => ['centers', countyId] as const,
  center: (id: string) => ['center', id] as const,
  partners: (countyId: string, unassigned: boolean) => ['partners', countyId, unassigned] as const,
};

const q = encodeURIComponent;

export const useCounties = () =>
  useQuery({ queryKey: keys.counties, queryFn: () => api<Items<County>>('/counties').then((r) => r.items) });

export const useCounty = (id: string) =>
  useQuery({ queryKey: keys.county(id), queryFn: () => api<County>(`/counties/${q(id)}`) });

export type NewCounty = Pick<County, 'code' | 'name' | 'province' | 'hub'>;

export function useCreateCounty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (county: NewCounty) => post<County>('/counties', county),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.counties }),
  });
}

export const useVillages = (countyId: string) =>
  useQuery({
    queryKey: keys.villages(countyId),
    queryFn: () => api<Items<Village>>(`/counties/${q(countyId)}/villages`).then((r) => r.items),
  });

export type NewVillage = { name: string; lat: number; lon: number; population?: number };

export function useAddVillage(countyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (village: NewVillage) => post<Village>(`/counties/${q(countyId)}/villages`, village),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.villages(countyId) }),
  });
}

export const useCenters = (countyId: string) =>
  useQuery({
    queryKey: keys.centers(countyId),
    queryFn: () => api<Items<Center>>(`/centers?countyId=${q(countyId)}&limit=500`).then((r) => r.items),
  });

export const useCenter = (id: string) =>
  useQuery({ queryKey: keys.center(id), queryFn: () => api<Center>(`/centers/${q(id)}`) });

export const usePublicCenter = (id: string) =>
  useQuery({
    queryKey: ['public-center', id],
    queryFn: () => api<PublicCenter>(`/public/centers/${q(id)}`, { anonymous: true }),
  });

/** The key is made once per submission and travels with it, so a retry replays, never duplicates. */
export type NewCenter = { villageId: string; name: string; address: string; idempotencyKey: string };
export const newCenterSubmission = (fields: Omit<NewCenter, 'idempotencyKey'>): NewCenter => ({
  ...fields,
  idempotencyKey: newIdempotencyKey(),
});

export function useCreateCenter(countyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: NewCenter) =>
      post<Center>('/centers', body, { 'idempotency-key': idempotencyKey }),
    retry: (count, error) => count < 3 && (error as { status?: number }).status === 0,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.centers(countyId) }),
  });
}

function useCenterWrite<V>(countyId: string, write: (v: V) => Promise<Center>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (center) => {
      client.setQueryData(keys.center(center.id), center);
      return Promise.all([
        client.invalidateQueries({ queryKey: keys.centers(countyId) }),
        client.invalidateQueries({ queryKey: ['partners', countyId] }),
      ]);
    },
  });
}

export const useAssignPartner = (countyId: string) =>
  useCenterWrite(countyId, ({ centerId, userId }: { centerId: string; userId: string }) =>
    post<Center>(`/centers/${q(centerId)}/partner`, { userId }),
  );

export const useCenterAction = (countyId: string) =>
  useCenterWrite(countyId, ({ centerId, action }: { centerId: string; action: CenterAction }) =>
    post<Center>(`/centers/${q(centerId)}/${action}`),
  );

export const usePartners = (countyId: string, unassigned = false) =>
  useQuery({
    queryKey: keys.partners(countyId, unassigned),
    queryFn: () =>
      api<Items<User>>(
        `/users?role=partner&countyId=${q(countyId)}${unassigned ? '&unassigned=true' : ''}`,
      ).then((r) => r.items),
  });

export type NewPartner = { login: string; password: string; displayName: string };

export function useCreatePartner(countyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (partner: NewPartner) => post<User>('/users', { ...partner, role: 'partner', countyId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['partners', countyId] }),
  });
}
