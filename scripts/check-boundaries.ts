/**
 * Module boundaries: code in server/modules/<a>/ may import another module only through
 * its index.ts (type-only imports of `<b>.tables.ts` excepted, for db/schema.ts), and
 * server/shared/ imports no module. Run by `npm run lint`.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const problems: string[] = [];

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;

for (const file of files(path.join(root, 'server'))) {
  const source = fs.readFileSync(file, 'utf8');
  const rel = path.relative(root, file);
  const own = rel.startsWith('server/modules/') ? rel.split('/')[2] : null;
  for (const match of source.matchAll(importPattern)) {
    const spec = match[1]!;
    if (!spec.startsWith('.')) continue;
    const target = path.relative(root, path.resolve(path.dirname(file), spec));
    if (rel.startsWith('server/shared/') && target.startsWith('server/modules/')) {
      problems.push(`${rel}: shared code imports a module (${spec})`);
    }
    if (!target.startsWith('server/modules/')) continue;
    const [, , other, ...rest] = target.split('/');
    if (other === own) continue;
    const inner = rest.join('/');
    if (inner === 'index.ts' || inner === 'migrations/index.ts') continue;
    if (inner.endsWith('.tables.ts') && rel.startsWith('server/db/')) continue;
    if (own === null && rel.startsWith('server/') && inner.endsWith('.routes.ts') && rel === 'server/app.ts')
      continue;
    problems.push(`${rel}: imports ${target} — go through server/modules/${other}/index.ts`);
  }
}

if (problems.length) {
  console.error(`module boundary violations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('module boundaries: ok');
