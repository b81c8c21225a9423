import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items, User } from '../../api/types';

export const visitPurposes = ['routine', 'at_risk', 'training', 'equipment', 'complaint', 'other'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];
export type FollowUpStatus = 'open' | 'overdue' | 'done';

export type FollowUp = {
  id: string;
  visitId: string;
  centerId: string;
  visitedAt: string;
  text: string;
  /** YYYY-MM-DD, China Standard Time. */
  dueOn: string;
  assigneeId: string | null;
  assigneeName: string | null;
  done: boolean;
  doneAt: string | null;
  doneByName: string | null;
  overdue: boolean;
};

export type Visit = {
  id: string;
  countyId: string;
  centerId: string;
  visitorName: string;
  visitedAt: string;
  purpose: VisitPurpose;
  notes: string | null;
  partnerPresent: boolean | null;
  followUps: FollowUp[];
};

export type NewVisit = {
  visitedAt: string;
  purpose: VisitPurpose;
  notes?: string;
  partnerPresent?: boolean;
  followUps: Array<{ text: string; dueOn: string; assigneeId?: string }>;
};

const q = encodeURIComponent;

export const useCountyVisits = (countyId: string, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['visits', 'county', countyId, range.from ?? '', range.to ?? ''],
    queryFn: () => {
      const query = new URLSearchParams({ limit: '200' });
      if (range.from) query.set('from', range.from);
      if (range.to) query.set('to', range.to);
      return api<Items<Visit>>(`/counties/${q(countyId)}/visits?${query}`).then((r) => r.items);
    },
  });

export const useFollowUps = (countyId: string, status: FollowUpStatus) =>
  useQuery({
    queryKey: ['follow-ups', countyId, status],
    queryFn: () =>
      api<Items<FollowUp>>(`/counties/${q(countyId)}/follow-ups?status=${status}`).then((r) => r.items),
  });

/** The county's staff, who may be given a follow-up. */
export const useCountyStaff = (countyId: string) =>
  useQuery({
    queryKey: ['county-staff', countyId],
    queryFn: () => api<Items<User>>(`/users?role=county_staff&countyId=${q(countyId)}`).then((r) => r.items),
  });

/** A logged visit changes the visit lists, the follow-ups and each centre's last visit on the leaderboard. */
function useVisitWrite<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all(
        [['visits'], ['follow-ups'], ['leaderboard']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/** The key is made once per submission, so a retry over a village link replays, never duplicates. */
export const useLogVisit = () =>
  useVisitWrite(({ centerId, visit, key }: { centerId: string; visit: NewVisit; key: string }) =>
    post<Visit>(`/centers/${q(centerId)}/visits`, visit, { 'idempotency-key': key }),
  );

export const useMarkDone = () => useVisitWrite((id: string) => post<FollowUp>(`/follow-ups/${q(id)}/done`));
