export type Course = {
  id: string;
  title: string;
  description: string | null;
  requiredForOpening: boolean;
  createdAt: string;
};

export type TrainingSession = {
  id: string;
  countyId: string;
  courseId: string;
  startsAt: string;
  trainer: string;
  location: string | null;
};

export type Attendance = {
  id: string;
  userId: string;
  passed: boolean;
  score: number | null;
  recordedAt: string;
  certificateId: string | null;
};

export type Certificate = {
  id: string;
  certificateNo: string;
  courseId: string;
  courseTitle: string;
  score: number | null;
  issuedAt: string;
};

export type Certification = {
  userId: string;
  displayName: string;
  centerId: string | null;
  certified: boolean;
  requiredCourses: Array<{ courseId: string; title: string; passed: boolean }>;
  certificates: Certificate[];
};
