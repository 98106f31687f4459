// The language server's entry point: `node lsp/main.ts --stdio` (or its bundle),
// the same server `dist lsp --stdio` starts. It speaks LSP on stdin and stdout.
import { startServer } from './server';

startServer();
