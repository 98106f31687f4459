// `dist lsp --stdio`: the language server for editors (Neovim, Helix, VS Code),
// speaking LSP on stdin and stdout until the editor says exit.
import type { Command } from 'commander';
import { startServer } from '../../lsp/server';
import { caseCountsByRule } from '../../scenario/rule-reach';
import { EXIT_USAGE, writeError } from '../output';

/** Starts the language server on stdio, counting scenario cases for its code lens. */
export function startLanguageServer(): void {
  startServer({ countCases: caseCountsByRule });
}

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .summary('run the language server for editors')
    .description(
      'Runs the dist language server on stdin and stdout (LSP): diagnostics of the whole project as you type, completion, ' +
        'hover, go to definition, references, rename, outline, formatting, quick fixes and code lenses. ' +
        'Editors start it themselves; see the README for Neovim, Helix and VS Code.',
    )
    .option('--stdio', 'talk LSP over stdin and stdout (the only transport)')
    .addHelpText('after', '\nExample (what an editor runs):\n  dist lsp --stdio')
    .action((options: { stdio?: boolean }) => {
      if (!options.stdio) {
        writeError('dist lsp: say how to talk to the editor: `dist lsp --stdio`');
        process.exitCode = EXIT_USAGE;
        return;
      }
      startLanguageServer();
    });
}
