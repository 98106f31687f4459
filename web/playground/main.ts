// The playground (`GET /playground`): the rules in Monaco with live diagnostics,
// completion, hover and quick fixes from the language worker; the directory and
// a record beside it; Simulate shows which rule matches, who would get the
// record and why, computed in the worker over an in-memory store. The share link
// puts the texts in the URL fragment.
import { byId, h, replace } from '../shared/dom';
import { monaco } from './monaco';
import { LANGUAGE_ID, registerDist, showProblems } from './dist-language';
import { RULES_FILE, type PlaygroundTexts, type Problem, type Simulation } from './protocol';
import { SAMPLE_DIRECTORY, SAMPLE_EVENTS, SAMPLE_RULES } from './sample';
import { decodeShare, encodeShare } from './share';
import { LanguageClient } from './worker-client';

const client = new LanguageClient();
const directory = byId<HTMLTextAreaElement>('directory');
const eventText = byId<HTMLTextAreaElement>('event');
const sample = byId<HTMLSelectElement>('sample');

const model = monaco.editor.createModel(SAMPLE_RULES, LANGUAGE_ID, monaco.Uri.parse(`file:///${RULES_FILE}`));
const texts = (): PlaygroundTexts => ({ rules: model.getValue(), directory: directory.value });
registerDist(client, texts);
const editor = monaco.editor.create(byId('editor'), {
  model,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 14,
  ariaLabel: 'Rules editor (.dist)',
  fixedOverflowWidgets: true,
});

function problemItem(p: Problem): HTMLElement {
  const where = p.file === RULES_FILE ? model.getPositionAt(p.start) : null;
  const place = where ? `${p.file}:${where.lineNumber}:${where.column}` : p.file;
  const item = h('li', { class: `sev-${p.severity}`, 'data-code': p.code }, `${p.severity} ${p.code} ${place}: ${p.message}`, p.help ? h('span', { class: 'hint' }, ` — ${p.help}`) : null);
  if (!where) return item;
  const go = h('button', { type: 'button', class: 'explain', 'aria-label': `Go to ${place}` }, 'Go');
  go.addEventListener('click', () => {
    editor.setPosition(where);
    editor.revealPositionInCenter(where);
    editor.focus();
  });
  item.append(' ', go);
  return item;
}

let checking = 0;
async function check(): Promise<void> {
  const ticket = ++checking;
  const problems = await client.request({ kind: 'check', texts: texts() });
  if (ticket !== checking) return;
  showProblems(model, problems.filter((p) => p.file === RULES_FILE));
  replace(byId('problems'), problems.length > 0 ? problems.map(problemItem) : h('li', { class: 'hint' }, 'No problems.'));
}

function showResult(result: Simulation): void {
  const out = byId('result');
  if (!result.ok) {
    replace(out, h('div', { class: 'card', role: 'alert' }, h('h3', {}, 'Cannot simulate'), h('ul', {}, result.problems.map((p) => h('li', {}, p)))));
    return;
  }
  const to = result.assigned.length > 0 ? result.assigned.join(', ') : result.queue ? `queue ${result.queue}` : 'nobody';
  replace(
    out,
    h(
      'div',
      { class: 'card', id: 'simulation' },
      h('h3', {}, `${result.outcome}: ${to}`),
      h('p', {}, 'Rule: ', h('strong', { id: 'sim-rule' }, result.rule ?? 'none matched'), result.reason ? ` (${result.reason})` : ''),
      h('p', {}, 'Assigned: ', h('strong', { id: 'sim-assigned' }, result.assigned.join(', ') || '—')),
      result.candidates.length > 0
        ? h(
            'table',
            {},
            h('caption', {}, 'Candidates'),
            h('thead', {}, h('tr', {}, ['User', 'Result', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, result.candidates.map((c) => h('tr', { 'data-user': c.user }, h('th', { scope: 'row' }, c.user), h('td', {}, c.status), h('td', {}, c.reason)))),
          )
        : null,
      h('details', {}, h('summary', {}, 'Full explanation'), h('pre', {}, result.explain)),
    ),
  );
}

let timer: ReturnType<typeof setTimeout> | undefined;
const recheck = () => {
  clearTimeout(timer);
  timer = setTimeout(() => void check(), 150);
};
model.onDidChangeContent(recheck);
directory.addEventListener('input', recheck);

for (const [i, [label]] of SAMPLE_EVENTS.entries()) sample.append(h('option', { value: i }, label));
sample.append(h('option', { value: 'own' }, 'Your own (edit below)'));
const pick = () => {
  const chosen = SAMPLE_EVENTS[Number(sample.value)];
  if (chosen) eventText.value = JSON.stringify(chosen[1], null, 2);
};
sample.addEventListener('change', pick);
eventText.addEventListener('input', () => {
  sample.value = 'own';
});

byId('simulate').addEventListener('click', () => {
  replace(byId('result'), 'Simulating…');
  void client.request({ kind: 'simulate', texts: texts(), event: eventText.value }).then(showResult, (error: Error) => showResult({ ok: false, problems: [error.message] }));
});

byId('share').addEventListener('click', async () => {
  const hash = await encodeShare(texts());
  history.replaceState(null, '', `${location.pathname}${hash}`);
  const link = location.href;
  const copied = await navigator.clipboard?.writeText(link).then(
    () => true,
    () => false,
  );
  replace(byId('share-status'), copied ? 'Link copied.' : 'The link is in the address bar.');
});

/** Opens the texts of the URL's share fragment, if any. */
async function openShared(): Promise<void> {
  try {
    const shared = await decodeShare(location.hash);
    if (shared) {
      model.setValue(shared.rules);
      directory.value = shared.directory;
      replace(byId('share-status'), '');
    }
  } catch (error) {
    replace(byId('share-status'), h('span', { role: 'alert' }, `The shared link could not be read: ${(error as Error).message}`));
  }
  await check();
}

window.addEventListener('hashchange', () => void openShared());
directory.value = SAMPLE_DIRECTORY;
pick();
void openShared();
