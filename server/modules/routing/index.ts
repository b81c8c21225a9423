export { solveCvrp } from './solver.ts';
export type { CvrpInstance, SolveOptions, SolveResult } from './types.ts';
export { parseVrp } from './vrp-file.ts';
