// The `.dist` language in Monaco: highlighting (a Monarch grammar built from the
// language's vocabulary), comments and brackets, and completion, hover and
// quick fixes answered by the language worker. Diagnostics become markers in
// `showProblems`; a problem's fix is offered as its quick fix.
import { monaco } from './monaco';
import type { LanguageClient } from './worker-client';
import { vocabularyWords } from './vocabulary-help';
import type { PlaygroundTexts, Problem } from './protocol';

export const LANGUAGE_ID = 'dist';

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
const KIND = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  method: monaco.languages.CompletionItemKind.Method,
  function: monaco.languages.CompletionItemKind.Function,
  value: monaco.languages.CompletionItemKind.EnumMember,
};

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
      const items = await client.request({ kind: 'complete', texts: texts(), offset: model.getOffsetAt(position) });
      return { suggestions: items.map((c) => ({ label: c.label, kind: KIND[c.kind], insertText: c.label, documentation: { value: c.doc }, range: at })) };
    },
  });
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover: async (model, position) => {
      const info = await client.request({ kind: 'hover', texts: texts(), offset: model.getOffsetAt(position) });
      return info && { range: range(model, info.start, info.end), contents: [{ value: info.markdown }] };
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
