// `npm run bench`: runs every benchmark in turn and prints its figures.
import { benchCompile } from './compile.bench';
import { benchHttp } from './http.bench';

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
await benchCompile();
await benchHttp();
