import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type {
  Attendance,
  Certification,
  Course,
  FeatureAccess,
  GatedFeature,
  TrainingSession,
} from './types';

const q = encodeURIComponent;
const keys = {
  courses: ['courses'] as const,
  sessions: (countyId: string) => ['sessions', countyId] as const,
  session: (id: string) => ['session', id] as const,
  certification: (countyId: string) => ['certification', countyId] as const,
  features: (userId: string) => ['partner', userId, 'features'] as const,
};

export const useCourses = () =>
  useQuery({ queryKey: keys.courses, queryFn: () => api<Items<Course>>('/courses').then((r) => r.items) });

export function useCreateCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (course: {
      title: string;
      requiredForOpening: boolean;
      description?: string;
      unlocks: GatedFeature[];
    }) => post<Course>('/courses', course),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.courses }),
  });
}

export function useSetCourseUnlocks() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, unlocks }: { id: string; unlocks: GatedFeature[] }) =>
      api<Course>(`/courses/${q(id)}`, { method: 'PATCH', body: { unlocks } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.courses }),
  });
}

/** Which gated features the partner may use, and the courses that unlock each. */
export const useFeatureAccess = (userId: string) =>
  useQuery({
    queryKey: keys.features(userId),
    queryFn: () => api<FeatureAccess>(`/partners/${q(userId)}`),
  });

export const useSessions = (countyId: string) =>
  useQuery({
    queryKey: keys.sessions(countyId),
    queryFn: () =>
      api<Items<TrainingSession>>(`/training/sessions?countyId=${q(countyId)}`).then((r) => r.items),
  });

export const useSession = (id: string) =>
  useQuery({
    queryKey: keys.session(id),
    queryFn: () => api<TrainingSession & { attendance: Attendance[] }>(`/training/sessions/${q(id)}`),
  });

export function useCreateSession(countyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: { courseId: string; startsAt: string; trainer: string; location?: string }) =>
      post<TrainingSession>('/training/sessions', { ...session, countyId }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.sessions(countyId) }),
  });
}

export function useRecordAttendance(countyId: string, sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (record: { userId: string; passed: boolean; score?: number }) =>
      post<Attendance>(`/training/sessions/${q(sessionId)}/attendance`, record),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.session(sessionId) }),
        client.invalidateQueries({ queryKey: keys.certification(countyId) }),
        client.invalidateQueries({ queryKey: ['pipeline', countyId] }),
      ]),
  });
}

/** Every partner of the county with its certification (county staff and HQ). */
export const useCertification = (countyId: string) =>
  useQuery({
    queryKey: keys.certification(countyId),
    queryFn: () =>
      api<Items<Certification>>(`/training/partners?countyId=${q(countyId)}`).then((r) => r.items),
  });
