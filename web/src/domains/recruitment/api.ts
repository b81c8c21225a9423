import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type {
  Application,
  ApplicationStatus,
  Approved,
  InterviewNote,
  NewApplication,
  Pipeline,
  Place,
  Rubric,
  Submitted,
} from './types';

const q = encodeURIComponent;
const keys = {
  rubrics: ['rubrics'] as const,
  applications: (countyId: string) => ['applications', countyId] as const,
  application: (id: string) => ['application', id] as const,
  pipeline: (countyId: string) => ['pipeline', countyId] as const,
};

export const useRubrics = () =>
  useQuery({
    queryKey: keys.rubrics,
    queryFn: () => api<Items<Rubric>>('/recruitment/rubrics', { anonymous: true }).then((r) => r.items),
  });

export const usePublicCounties = () =>
  useQuery({
    queryKey: ['public-counties'],
    queryFn: () =>
      api<Items<Place>>('/public/recruitment/counties', { anonymous: true }).then((r) => r.items),
  });

export const usePublicVillages = (countyId: string | undefined) =>
  useQuery({
    queryKey: ['public-villages', countyId],
    enabled: Boolean(countyId),
    queryFn: () =>
      api<Items<Place>>(`/public/recruitment/counties/${q(countyId ?? '')}/villages`, {
        anonymous: true,
      }).then((r) => r.items),
  });

/** Files an application; `anonymous` for the public form, so a stale session never rides along. */
export function useSubmitApplication(anonymous: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (application: NewApplication) =>
      api<Submitted>('/recruitment/applications', { method: 'POST', body: application, anonymous }),
    onSuccess: (_, application) =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.applications(application.countyId) }),
        client.invalidateQueries({ queryKey: keys.pipeline(application.countyId) }),
      ]),
  });
}

export const useApplications = (countyId: string, status?: ApplicationStatus) =>
  useQuery({
    queryKey: [...keys.applications(countyId), status ?? 'all'],
    queryFn: () =>
      api<Items<Application>>(
        `/recruitment/applications?countyId=${q(countyId)}&limit=500${status ? `&status=${status}` : ''}`,
      ).then((r) => r.items),
  });

export const useApplication = (id: string) =>
  useQuery({
    queryKey: keys.application(id),
    queryFn: () => api<Application & { notes: InterviewNote[] }>(`/recruitment/applications/${q(id)}`),
  });

export const usePipeline = (countyId: string) =>
  useQuery({
    queryKey: keys.pipeline(countyId),
    queryFn: () => api<Pipeline>(`/recruitment/pipeline?countyId=${q(countyId)}`),
  });

/** Every write on an application refreshes it, its county's list and pipeline, and the centres. */
function useApplicationWrite<V, R>(countyId: string, id: string, write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all(
        [
          keys.application(id),
          keys.applications(countyId),
          keys.pipeline(countyId),
          ['centers', countyId],
          ['partners', countyId],
          ['certification', countyId],
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}

export const useAddNote = (countyId: string, id: string) =>
  useApplicationWrite(countyId, id, (body: string) =>
    post<InterviewNote>(`/recruitment/applications/${q(id)}/notes`, { body }),
  );

export const useApprove = (countyId: string, id: string) =>
  useApplicationWrite(countyId, id, (body: { login?: string; password?: string }) =>
    post<Approved>(`/recruitment/applications/${q(id)}/approve`, body),
  );

export const useReject = (countyId: string, id: string) =>
  useApplicationWrite(countyId, id, (reason: string) =>
    post<Application>(`/recruitment/applications/${q(id)}/reject`, { reason }),
  );
