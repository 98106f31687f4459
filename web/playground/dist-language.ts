// The `.dist` language in Monaco: highlighting (a Monarch grammar built from the
// language's vocabulary), comments and brackets, and completion and hover from
// the language service and quick fixes, answered by the language worker. Diagnostics become markers in
// `showProblems`; a problem's fix is offered as its quick fix.
import { monaco } from './monaco';
import type { LanguageClient } from './worker-client';
import { vocabularyWords } from './vocabulary-words';
import type { PlaygroundTexts, Problem } from './protocol';

export const LANGUAGE_ID = 'dist';

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
/** LSP's CompletionItemKind (1-based) to Monaco's, by name. */
const LSP_KINDS = ['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property', 'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event', 'Operator', 'TypeParameter'] as const;
const kindOf = (lsp: number) => monaco.languages.CompletionItemKind[LSP_KINDS[lsp - 1] ?? 'Text'];
const toLsp = (p: monaco.IPosition) => ({ line: p.lineNumber - 1, character: p.column - 1 });

/** The quick fixes of the problems last shown, by marker. */
let fixes: { marker: monaco.editor.IMarkerData; problem: Problem }[] = [];

function range(model: monaco.editor.ITextModel, start: number, end: number): monaco.IRange {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(end);
  return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
}

/** Registers the language; `texts` gives the current project for the worker. */
export function registerDist(client: LanguageClient, texts: () => PlaygroundTexts): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.dist'] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [['{', '}'], ['[', ']'], ['(', ')']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '(', close: ')' }, { open: '"', close: '"', notIn: ['string'] }],
  });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    keywords: vocabularyWords('keyword'),
    methods: vocabularyWords('method'),
    functions: vocabularyWords('function'),
    values: vocabularyWords('value'),
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"(?:[^"\\]|\\.)*"?/, 'string'],
        [/[0-9][0-9_]*(?:\.[0-9_]+)?[A-Za-z]+/, 'number'],
        [/[0-9][0-9_]*(?:\.[0-9_]+)?/, 'number'],
        [/[A-Za-z_][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@methods': 'type', '@functions': 'predefined', '@values': 'constant', '@default': 'identifier' } }],
        [/[{}[\]()]/, '@brackets'],
        [/==|!=|>=|<=|[<>+\-*/%.,:]/, 'operator'],
      ],
      comment: [
        [/\*\//, 'comment', '@pop'],
        [/[^*]+|\*/, 'comment'],
      ],
    },
  });
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    provideCompletionItems: async (model, position) => {
      const word = model.getWordUntilPosition(position);
      const at = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const items = await client.request({ kind: 'complete', texts: texts(), at: toLsp(position) });
      return { suggestions: items.map((c) => ({ label: c.label, kind: kindOf(c.kind), detail: c.detail, insertText: c.insertText, documentation: { value: c.doc }, range: at })) };
    },
  });
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover: async (model, position) => {
      const info = await client.request({ kind: 'hover', texts: texts(), at: toLsp(position) });
      if (!info) return null;
      const r = info.range;
      const at = r ? { startLineNumber: r.start.line + 1, startColumn: r.start.character + 1, endLineNumber: r.end.line + 1, endColumn: r.end.character + 1 } : undefined;
      return { range: at, contents: [{ value: info.markdown }] };
    },
  });
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
    provideCodeActions: (model, _range, context) => {
      const actions: monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const found = fixes.find((f) => f.marker.startLineNumber === marker.startLineNumber && f.marker.startColumn === marker.startColumn && f.marker.message === marker.message);
        const fix = found?.problem.fix;
        if (!fix) continue;
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [marker],
          edit: { edits: fix.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: range(model, e.start, e.end), text: e.newText } })) },
        });
      }
      return { actions, dispose: () => undefined };
    },
  });
}

/** Shows the rules file's problems as markers (and remembers their fixes). */
export function showProblems(model: monaco.editor.ITextModel, problems: Problem[]): void {
  fixes = [];
  const markers = problems.map((p) => {
    const marker: monaco.editor.IMarkerData = { ...range(model, p.start, Math.max(p.end, p.start + 1)), severity: SEVERITY[p.severity], message: p.message, code: p.code, source: 'dist' };
    fixes.push({ marker, problem: p });
    return marker;
  });
  monaco.editor.setModelMarkers(model, LANGUAGE_ID, markers);
}
