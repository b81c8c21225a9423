// A worker thread does not inherit the server's TypeScript loader (tsx), so the route
// planner's worker starts here, in JavaScript, and loads its TypeScript through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./plan-worker.ts', import.meta.url);
