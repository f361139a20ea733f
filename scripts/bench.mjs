// `npm run bench`: runs every benchmark in bench/ one after another (they measure, they do not assert).
// Each prints its figures as a ratio against the baseline it names, measured in the same run.
// Run one: node scripts/run-ts.mjs bench/<name>.bench.ts
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, ['scripts/run-ts.mjs', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
