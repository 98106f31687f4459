// `npm run bench`: runs every benchmark in turn, prints its figures and writes
// them to bench/results.json ([{ name, value, unit }], figures of parts not run
// this time kept from the last run). `npm run bench -- matcher` (or `compile`,
// `analysis`, `directory`, `runtime`, `http`, `replicas`, `dashboard`, `lsp`, `replay`, `shadow`) runs just one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchAnalysis } from './analysis.bench';
import { benchCompile } from './compile.bench';
import { benchDashboard } from './dashboard.bench';
import { benchDirectory } from './directory.bench';
import { benchHttp } from './http.bench';
import { benchLsp } from './lsp.bench';
import { benchMatcher } from './matcher.bench';
import { figures, type Figure } from './measure';
import { benchReplay } from './replay.bench';
import { benchReplicas } from './replicas.bench';
import { benchRuntime } from './runtime.bench';
import { benchShadow } from './shadow.bench';

const benches = new Map<string, () => Promise<void>>(
  Object.entries({ matcher: benchMatcher, compile: benchCompile, analysis: benchAnalysis, directory: benchDirectory, runtime: benchRuntime, http: benchHttp, replicas: benchReplicas, dashboard: benchDashboard, lsp: benchLsp, replay: benchReplay, shadow: benchShadow }),
);
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !benches.has(name));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${[...benches.keys()].join(', ')}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const name of chosen.length ? chosen : [...benches.keys()]) await benches.get(name)!();

const file = new URL('results.json', import.meta.url);
const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figure[]).filter((f) => !figures.some((n) => n.name === f.name)) : [];
writeFileSync(file, `${JSON.stringify([...kept, ...figures], null, 2)}\n`);
console.log(`\n${figures.length} figures written to bench/results.json`);
