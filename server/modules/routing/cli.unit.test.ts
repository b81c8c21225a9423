import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './evaluate.ts';
import { hasBenchData, instancePath, loadInstance } from './test-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, 'cli.ts');

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: join(here, '../../..'),
    encoding: 'utf8',
  });
}

describe('route:solve CLI', () => {
  it.skipIf(!hasBenchData)('prints one feasible JSON solution with file node ids', () => {
    const run = runCli([instancePath('P-n16-k8'), '--time-limit', '1', '--seed', '3', '--max-vehicles', '8']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { cost: number; routes: number[][] };
    expect(Object.keys(out).sort()).toEqual(['cost', 'routes']);
    expect(out.routes.length).toBeLessThanOrEqual(8);
    // Standard files number nodes 1..n with the depot first, so position = id - 1.
    const check = checkSolution(
      loadInstance('P-n16-k8', 'nint'),
      out.routes.map((r) => r.map((id) => id - 1)),
      8,
    );
    expect(check.violations).toEqual([]);
    expect(out.cost).toBe(check.cost);
  });

  it('fails with a message on stderr for bad arguments or unreadable files', () => {
    const missing = runCli(['/nonexistent/file.vrp', '--time-limit', '1']);
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot read/);
    const badRound = runCli(['x.vrp', '--round', 'up']);
    expect(badRound.status).not.toBe(0);
    expect(badRound.stderr).toMatch(/--round/);
    const noFile = runCli([]);
    expect(noFile.status).not.toBe(0);
  });
});
