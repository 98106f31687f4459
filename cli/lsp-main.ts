// The language server's own entry point: `node cli/lsp-main.ts --stdio`, bundled as
// build/lsp.mjs and as the VS Code extension's server. It is the server
// `dist lsp --stdio` starts, speaking LSP on stdin and stdout.
import { startLanguageServer } from './commands/lsp';

startLanguageServer();
