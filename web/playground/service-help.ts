// Completion and hover for the playground from the language service the LSP
// server runs (lsp/service/): one service per worker, given the current texts
// before each request, answering in LSP terms that are mapped to the page's.
import { LanguageService } from '../../lsp/service/language-service';
import { DIRECTORY_FILE, RULES_FILE, type Completion, type HoverInfo, type LinePosition, type PlaygroundTexts } from './protocol';

const service = new LanguageService({ rootUri: 'inmemory://playground' });
const rulesUri = service.uriOf(RULES_FILE);

function update(texts: PlaygroundTexts): void {
  service.setFile(RULES_FILE, texts.rules);
  service.setFile(DIRECTORY_FILE, texts.directory);
}

function markdown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(markdown).join('\n\n');
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return '';
}

/** The service's completions at `at` in the rules file. */
export function completionsAt(texts: PlaygroundTexts, at: LinePosition): Completion[] {
  update(texts);
  return service.completion(rulesUri, at).map((item) => {
    const edit = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined;
    return { label: item.label, kind: item.kind ?? 14, detail: item.detail, doc: markdown(item.documentation), insertText: edit ?? item.insertText ?? item.label };
  });
}

/** The service's hover at `at` in the rules file, or null. */
export function hoverAt(texts: PlaygroundTexts, at: LinePosition): HoverInfo | null {
  update(texts);
  const found = service.hover(rulesUri, at);
  if (!found) return null;
  return { markdown: markdown(found.contents), range: found.range ? { start: found.range.start, end: found.range.end } : null };
}
