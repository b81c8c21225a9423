import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type Plan, type PlanInput, type PlanOptions, planTrips } from './route-plan.ts';

/**
 * The planner runs in a worker thread: the solver searches for up to its time limit, and the
 * server keeps answering scans and orders meanwhile. A fresh worker per plan costs a few
 * hundred milliseconds to start, nothing next to the search, and needs no pool to manage.
 */
export function planTripsInWorker(input: PlanInput, options: PlanOptions): Promise<Plan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./plan-worker-entry.mjs', import.meta.url), {
      workerData: { routePlan: { input, options } },
    });
    worker.once('message', (plan: Plan) => resolve(plan));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`route planner worker exited with code ${code}`));
    });
  });
}

if (parentPort && workerData?.routePlan) {
  const { input, options } = workerData.routePlan as { input: PlanInput; options: PlanOptions };
  parentPort.postMessage(planTrips(input, options));
}
