/** Rollout: HQ's national targets and how the network grows against them. */
export { currentTargets, DEFAULT_TARGETS, type Targets } from './targets.ts';
