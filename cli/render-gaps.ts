// Renders the gaps `dist check --gaps` finds (compiler/analysis/gaps.ts): one line
// per event (and, for `updated`, per changed field), with a record no active rule
// takes, or "covered", or why the analysis cannot tell. JSON gets the same data
// with display paths and positions.
import type { Gap } from '../api';
import { showRecord } from '../compiler/analysis/witness';
import { locator, type TextLookup } from '../language/locate';
import type { Style } from './output';

/** A gap as `--format json` prints it. */
export interface LocatedGap extends Omit<Gap, 'culprits'> {
  culprits?: { rule: string; file: string; line: number; column: number; text: string; why: string }[];
}

/** `lead.updated` changing `status` (or none of the fields rules name). */
function where(gap: Pick<Gap, 'type' | 'changed'>): string {
  if (gap.changed === undefined) return `\`${gap.type}\``;
  return gap.changed === null ? `\`${gap.type}\` that changes none of the fields rules name` : `\`${gap.type}\` that changes \`${gap.changed}\``;
}

/** The text lines of the gaps section. */
export function renderGapsText(gaps: readonly Gap[], texts: TextLookup, display: (file: string) => string, paint: (style: Style, text: string) => string): string {
  const lines = [paint('bold', 'gaps: records that no active rule takes')];
  const located = locateGaps(gaps, texts, display);
  for (const gap of located) {
    const head = `  ${where(gap)}: `;
    const rules = gap.rules === 1 ? 'the rule that runs on it' : `the ${gap.rules} rules that run on it`;
    if (gap.status === 'covered') lines.push(`${head}${paint('green', 'covered')}, every record is taken by ${gap.rules === 1 ? rules : `one of ${rules}`}`);
    else if (gap.status === 'gap') {
      const example = showRecord(gap.witness!.record);
      const taken = gap.rules === 0 ? `no active rule runs on it, e.g. ${example}` : `e.g. ${example} is ${gap.rules === 1 ? `not taken by ${rules}` : `taken by none of ${rules}`}`;
      lines.push(`${head}${paint('yellow', 'gap')}, ${taken}`);
    } else if (gap.exhausted) lines.push(`${head}cannot tell: the conditions have too many combinations to search`);
    else {
      const [first] = gap.culprits ?? [];
      const because = first ? `\`${first.text}\` in rule \`${first.rule}\` (${first.file}:${first.line}:${first.column}) ${first.why}` : 'parts of the conditions are outside what the analysis decides';
      lines.push(`${head}cannot tell, because ${because}`);
    }
  }
  return lines.join('\n');
}

/** Gaps with display paths and the positions and text of what kept the analysis from telling. */
export function locateGaps(gaps: readonly Gap[], texts: TextLookup, display: (file: string) => string): LocatedGap[] {
  const at = locator(texts);
  return gaps.map(({ culprits, ...gap }) => {
    if (!culprits) return gap;
    return {
      ...gap,
      culprits: culprits.map((c) => {
        const file = display(c.file);
        return { rule: c.rule, file, ...at(file, c.span?.start ?? 0), text: c.text, why: c.why };
      }),
    };
  });
}
