/**
 * `npm run bench [suite…]`: the benchmarks, each suite writing bench/results/<suite>.json.
 * Speed is measured here, never asserted in tests. With DATABASE_URL set, database
 * benchmarks also run on that PostgreSQL (in a fresh database dropped afterwards).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Suite } from './harness.ts';
import { assessment } from './suites/assessment.ts';
import { assessmentSettle } from './suites/assessment-settle.ts';
import { calendar } from './suites/calendar.ts';
import { foundation } from './suites/foundation.ts';
import { intake } from './suites/intake.ts';
import { org } from './suites/org.ts';
import { scanner } from './suites/scanner.ts';
import { web } from './suites/web.ts';

const SUITES: Suite[] = [foundation, calendar, scanner, org, intake, assessment, assessmentSettle, web];
const RESULTS = new URL('./results/', import.meta.url);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
mkdirSync(RESULTS, { recursive: true });
for (const suite of SUITES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n== ${suite.name}`);
  const measurements = await suite.run();
  const report = {
    suite: suite.name,
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    postgresql: Boolean(process.env.DATABASE_URL),
    measurements,
  };
  writeFileSync(new URL(`${suite.name}.json`, RESULTS), `${JSON.stringify(report, null, 2)}\n`);
  for (const m of measurements) {
    const target = m.target
      ? `  (target ${m.target.comparison} ${m.target.value} ${m.target.unit}: ${m.target.met ? 'met' : 'NOT met'})`
      : '';
    console.log(`${m.name.padEnd(34)} ${String(m.value).padStart(12)} ${m.unit}${target}`);
  }
  console.log(`written to bench/results/${suite.name}.json`);
}
