/** Onboarding: each centre's asset register and the checklist of what it still needs. */
export { type Checklist, onboardingChecklist, requiredHardware } from './onboarding.ts';
