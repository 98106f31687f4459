// Resolve, part 2: the project's one `settings` block. Reports a second block,
// entries given twice, unknown time zones, trigger modes and quota periods, and
// limits that are neither a number nor a `user.` field; queues their limit
// expressions for the type checker.
import type { Expr, QuotaSetting, SettingsDecl, Setting } from '../../language/ast';
import { checkExpect } from './clause-checks';
import { SETTINGS, listWords } from '../../language/vocabulary';
import { QUOTA_PERIODS, TRIGGER_MODES, type QuotaPeriod } from '../ir';
import { report, reportOn, type CompileContext, type SettingsInfo } from './context';
import { checkRetry, checkWhole } from './literals';
import { closest, didYouMean, suggestionData } from '../../language/suggest';

const SETTING_WORDS = new Map<Setting['kind'], string>(SETTINGS.map((s) => [s.kind, s.name]));

/** Collects the settings block into `ctx.settings`. */
export function collectSettings(ctx: CompileContext): void {
  for (const file of ctx.files) {
    for (const decl of file.declarations) {
      if (decl.kind === 'Settings') collectBlock(ctx, file.file, decl);
    }
  }
}

function collectBlock(ctx: CompileContext, file: string, decl: SettingsDecl): void {
  const keyword = { start: decl.span.start, end: decl.span.start + 'settings'.length };
  if (ctx.settings) {
    const first = ctx.settings;
    const firstKeyword = { start: first.decl.span.start, end: first.decl.span.start + 'settings'.length };
    report(ctx, 'DIST303', file, keyword, 'a project has one `settings` block; merge this one into the first', {
      related: [{ file: first.file, span: firstKeyword, message: 'first `settings` block' }],
    });
    return;
  }
  const info: SettingsInfo = { decl, file, entries: {}, quotas: new Map(), timezone: null };
  ctx.settings = info;
  for (const entry of decl.entries) {
    if (entry.kind === 'QuotaSetting') collectQuota(ctx, info, entry);
    else if (info.entries[entry.kind]) {
      report(ctx, 'DIST304', file, entry.span, `\`${settingWord(entry)}\` is given twice in \`settings\`; keep one`);
    } else {
      (info.entries as Record<string, Setting>)[entry.kind] = entry;
      checkEntry(ctx, info, entry);
    }
  }
}

function settingWord(entry: Setting): string {
  return SETTING_WORDS.get(entry.kind)!;
}

function checkEntry(ctx: CompileContext, info: SettingsInfo, entry: Exclude<Setting, QuotaSetting>): void {
  const file = info.file;
  switch (entry.kind) {
    case 'TimezoneSetting': {
      const zone = entry.value.value;
      if (isTimeZone(zone)) info.timezone = zone;
      else {
        const suggestion = closest(zone, timeZones());
        const hint = didYouMean(suggestion, (s) => `\`"${s}"\``, 'use an IANA name such as `"Asia/Kolkata"` or `"UTC"`');
        reportOn(ctx, 'DIST112', file, entry, 'value', `unknown time zone \`${zone}\`${hint}`, suggestionData(suggestion, entry.value));
      }
      return;
    }
    case 'TriggerSetting':
      if (!(TRIGGER_MODES as readonly string[]).includes(entry.mode.text)) {
        reportOn(ctx, 'DIST111', file, entry, 'mode', `unknown trigger \`${entry.mode.text}\`; use ${listWords(TRIGGER_MODES)}`);
      }
      return;
    case 'CapacitySetting':
      addLimit(ctx, file, entry.value, '`capacity`');
      return;
    case 'UnmatchedSetting':
      checkRetry(ctx, file, entry.queue.retry);
      return;
    case 'ExpectSetting':
      checkExpect(ctx, file, entry);
      return;
  }
}

function collectQuota(ctx: CompileContext, info: SettingsInfo, entry: QuotaSetting): void {
  const period = entry.period.text;
  if (!(QUOTA_PERIODS as readonly string[]).includes(period)) {
    const suggestion = closest(period, QUOTA_PERIODS);
    const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use one of ${QUOTA_PERIODS.map((p) => `\`${p}\``).join(', ')}`);
    reportOn(ctx, 'DIST111', info.file, entry, 'period', `unknown quota period \`${period}\`${hint}`, suggestionData(suggestion, entry.period));
    return;
  }
  if (info.quotas.has(period as QuotaPeriod)) {
    report(ctx, 'DIST312', info.file, entry.span, `\`quota ${period}\` is given twice; keep one`);
    return;
  }
  info.quotas.set(period as QuotaPeriod, entry);
  addLimit(ctx, info.file, entry.limit, `\`quota ${period}\``);
}

/** A limit is a whole number or a `user.` number field; the field is checked with the other expressions. */
function addLimit(ctx: CompileContext, file: string, value: Expr, label: string): void {
  if (value.kind === 'Number') {
    checkWhole(ctx, file, value, label, 0);
  } else if (value.kind === 'Path') {
    ctx.sites.push({ expr: value, file, place: 'limit', expect: 'number', entity: null, label });
  } else {
    report(ctx, 'DIST201', file, value.span, `${label} takes a whole number or a \`user.\` number field, e.g. \`user.max_open\``);
  }
}

let zones: Set<string> | null = null;

/** Zone names outside that list that the platform accepted (asking it costs a formatter each time). */
const aliases = new Set<string>();

function timeZones(): Set<string> {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zones;
}

/** True for `UTC` and every IANA zone name the platform knows (including aliases such as `Asia/Calcutta`). */
function isTimeZone(name: string): boolean {
  if (name === 'UTC' || timeZones().has(name) || aliases.has(name)) return true;
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    aliases.add(name);
    return true;
  } catch {
    return false;
  }
}
