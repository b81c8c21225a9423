/** Recruitment: partner applications scored by a rubric per model, interviews, decisions. */

export { rebuildApplicationCounts } from './application-counts.ts';
export { type Pipeline, pipelineFigures } from './applications.ts';
export { nationalApplications } from './national-funnel.ts';
export {
  type Answers,
  type Criterion,
  defaultRubrics,
  type Profile,
  profiles,
  scoreAnswers,
} from './rubric.ts';
export { type NewApplication, submitApplication } from './submit-application.ts';
