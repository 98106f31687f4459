// `npm run bench`: runs every benchmark in turn and prints its figures.
// `npm run bench -- compile` (or `analysis`, `directory`, `runtime`, `http`, `replay`) runs just one.
import { benchAnalysis } from './analysis.bench';
import { benchCompile } from './compile.bench';
import { benchDirectory } from './directory.bench';
import { benchHttp } from './http.bench';
import { benchReplay } from './replay.bench';
import { benchRuntime } from './runtime.bench';

const benches: Record<string, () => Promise<void>> = { compile: benchCompile, analysis: benchAnalysis, directory: benchDirectory, runtime: benchRuntime, http: benchHttp, replay: benchReplay };
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const name of chosen.length ? chosen : Object.keys(benches)) await benches[name]!();
