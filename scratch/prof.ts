import { compileProject } from '../compiler/compile';
import { generateProject } from '../bench/generate-project';
const p = generateProject(10_000);
for (let i = 0; i < 3; i++) { const t = performance.now(); compileProject({ sources: p.sources, directory: p.directory }); console.log(performance.now() - t); }
