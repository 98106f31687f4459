// A small project for the language-service tests, and `<|>` cursor markers: a
// fixture text names the cursor with `<|>`, which is cut out before the text is
// given to the service.
import { LanguageService } from '../../lsp/service/language-service';
import { TextPositions } from '../../lsp/service/positions';

export const ROOT = 'file:///project';

export const SCHEMA = `schema lead {
  score: number
  source: choice("web", "phone", "partner")
  city: text
}

schema user {
  languages: list(text)
}
`;

export const DIRECTORY = `users:
  - id: ana@acme.test
    name: Ana Ruiz
    teams: [East]
  - id: bob@acme.test
    name: Bob Lee
teams:
  - name: East
    members: [ana@acme.test]
groups:
  - name: Closers
    members: [bob@acme.test]
`;

export const WEB = `rule "Web leads" {
  priority 10
  on lead.created
  when lead.source == "web" and lead.score > 50
  assign users "ana@acme.test", "bob@acme.test"
  distribute round_robin
}
`;

/** A text with its cursor: `<|>` removed, and the LSP position where it stood. */
export function cursor(marked: string): { text: string; offset: number; position: { line: number; character: number } } {
  const offset = marked.indexOf('<|>');
  if (offset < 0) throw new Error('the fixture has no <|> marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 3);
  return { text, offset, position: new TextPositions(text).position(offset) };
}

/** The URI of a project file. */
export const uri = (file: string) => `${ROOT}/${file}`;

/** A service over the small project, plus `extra` files (path → text). */
export function service(extra: Record<string, string> = {}): LanguageService {
  const s = new LanguageService({ rootUri: ROOT });
  s.setFile('rules/schema.dist', SCHEMA);
  s.setFile('rules/web.dist', WEB);
  s.setFile('directory.yaml', DIRECTORY);
  for (const [file, text] of Object.entries(extra)) s.setFile(file, text);
  return s;
}

/** A service with `marked` (holding `<|>`) as `rules/edit.dist`, and the cursor's URI and position. */
export function serviceAt(marked: string, extra: Record<string, string> = {}) {
  const { text, position } = cursor(marked);
  const s = service({ ...extra, 'rules/edit.dist': text });
  return { s, uri: uri('rules/edit.dist'), position };
}

/** The text an LSP range covers in `text`. */
export function slice(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const p = new TextPositions(text);
  return text.slice(p.offset(range.start), p.offset(range.end));
}
