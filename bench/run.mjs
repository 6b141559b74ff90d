// Runs every bench/*.bench.mjs, one after another (the machine is small: never in parallel),
// each in its own Node process so one bench's memory does not colour the next one's numbers.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
  console.log(
    `== ${file}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
process.exit(failed ? 1 : 0);
