// `npm run bench`: every benchmark in tests/bench, one after another (figures printed, no assertions).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync('tests/bench').filter((name) => name.endsWith('.bench.ts')).sort();
const only = process.argv.slice(2);
let failed = 0;
for (const file of files.filter((name) => only.length === 0 || only.some((word) => name.includes(word)))) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync('npx', ['tsx', `tests/bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
