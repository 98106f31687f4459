import type { Span } from './ast';
export type Severity = 'error' | 'warning' | 'info';
export interface RelatedInformation {
    file: string;
    span: Span;
    message: string;
}
/** One text change of a fix; `file` defaults to the diagnostic's file. */
export interface FixEdit {
    file?: string;
    span: Span;
    newText: string;
}
/** A quick fix: a title for the editor's menu ("change to `lead.score`") and its edits. */
export interface Fix {
    title: string;
    edits: FixEdit[];
}
/** What a quick fix needs: the fix itself, plus any code-specific facts (the suggested name). */
export interface DiagnosticData {
    fix?: Fix;
    [key: string]: unknown;
}
export interface Diagnostic {
    code: DiagnosticCode;
    severity: Severity;
    /** Lower-case, one sentence, user text in backticks, says what to change. */
    message: string;
    /** Path relative to the project root (`rules/inbound.dist`, `directory.yaml`). */
    file: string;
    span: Span;
    help?: string;
    related?: RelatedInformation[];
    /** What a quick fix needs: `data.fix` where the change is certain, and facts such as the suggested name. */
    data?: DiagnosticData;
}
/**
 * Every diagnostic code with its default severity and a short title.
 * 0xx: text and syntax · 1xx: names · 2xx: types · 3xx: rule structure ·
 * 4xx: analysis · 5xx: directory · 6xx: project files.
 */
export declare const CODES: {
    readonly DIST001: {
        readonly severity: "error";
        readonly title: "unexpected character";
    };
    readonly DIST002: {
        readonly severity: "error";
        readonly title: "unterminated string or comment";
    };
    readonly DIST003: {
        readonly severity: "error";
        readonly title: "syntax error";
    };
    readonly DIST004: {
        readonly severity: "error";
        readonly title: "`and` and `or` mixed without parentheses";
    };
    readonly DIST005: {
        readonly severity: "error";
        readonly title: "nesting too deep";
    };
    readonly DIST006: {
        readonly severity: "error";
        readonly title: "invalid UTF-8";
    };
    readonly DIST007: {
        readonly severity: "error";
        readonly title: "invalid literal";
    };
    readonly DIST101: {
        readonly severity: "error";
        readonly title: "unknown entity";
    };
    readonly DIST102: {
        readonly severity: "error";
        readonly title: "unknown field";
    };
    readonly DIST103: {
        readonly severity: "error";
        readonly title: "unknown function";
    };
    readonly DIST104: {
        readonly severity: "error";
        readonly title: "unknown team";
    };
    readonly DIST105: {
        readonly severity: "error";
        readonly title: "unknown group";
    };
    readonly DIST106: {
        readonly severity: "error";
        readonly title: "unknown user";
    };
    readonly DIST107: {
        readonly severity: "error";
        readonly title: "unknown type";
    };
    readonly DIST108: {
        readonly severity: "error";
        readonly title: "unknown event";
    };
    readonly DIST109: {
        readonly severity: "error";
        readonly title: "unknown requirement";
    };
    readonly DIST110: {
        readonly severity: "error";
        readonly title: "unknown distribution method";
    };
    readonly DIST111: {
        readonly severity: "error";
        readonly title: "unknown keyword value";
    };
    readonly DIST112: {
        readonly severity: "error";
        readonly title: "unknown time zone";
    };
    readonly DIST113: {
        readonly severity: "error";
        readonly title: "forbidden name";
    };
    readonly DIST201: {
        readonly severity: "error";
        readonly title: "type mismatch";
    };
    readonly DIST202: {
        readonly severity: "error";
        readonly title: "condition is not a boolean";
    };
    readonly DIST203: {
        readonly severity: "error";
        readonly title: "wrong function arguments";
    };
    readonly DIST204: {
        readonly severity: "error";
        readonly title: "`weighted by` needs a choice field";
    };
    readonly DIST205: {
        readonly severity: "error";
        readonly title: "weight key not in the pool";
    };
    readonly DIST206: {
        readonly severity: "error";
        readonly title: "weight is not a positive integer";
    };
    readonly DIST207: {
        readonly severity: "error";
        readonly title: "invalid number";
    };
    readonly DIST208: {
        readonly severity: "error";
        readonly title: "value is not one of the choices";
    };
    readonly DIST301: {
        readonly severity: "error";
        readonly title: "duplicate rule name";
    };
    readonly DIST302: {
        readonly severity: "error";
        readonly title: "duplicate schema";
    };
    readonly DIST303: {
        readonly severity: "error";
        readonly title: "duplicate settings";
    };
    readonly DIST304: {
        readonly severity: "error";
        readonly title: "clause given twice";
    };
    readonly DIST305: {
        readonly severity: "error";
        readonly title: "missing clause";
    };
    readonly DIST306: {
        readonly severity: "error";
        readonly title: "events of different entities";
    };
    readonly DIST307: {
        readonly severity: "error";
        readonly title: "`updated(…)` names an undeclared field";
    };
    readonly DIST308: {
        readonly severity: "error";
        readonly title: "condition reads another entity";
    };
    readonly DIST309: {
        readonly severity: "error";
        readonly title: "priority conflict";
    };
    readonly DIST310: {
        readonly severity: "error";
        readonly title: "team rule assigns outside its team";
    };
    readonly DIST311: {
        readonly severity: "error";
        readonly title: "invalid `take`";
    };
    readonly DIST312: {
        readonly severity: "error";
        readonly title: "duplicate entry";
    };
    readonly DIST313: {
        readonly severity: "error";
        readonly title: "rule ids collide";
    };
    readonly DIST314: {
        readonly severity: "error";
        readonly title: "name not available here";
    };
    readonly DIST315: {
        readonly severity: "error";
        readonly title: "duplicate map";
    };
    readonly DIST401: {
        readonly severity: "warning";
        readonly title: "shadowed rule";
    };
    readonly DIST402: {
        readonly severity: "warning";
        readonly title: "empty static pool";
    };
    readonly DIST403: {
        readonly severity: "warning";
        readonly title: "condition can never be true";
    };
    readonly DIST404: {
        readonly severity: "warning";
        readonly title: "team rule names users outside its team";
    };
    readonly DIST405: {
        readonly severity: "info";
        readonly title: "rules overlap";
    };
    readonly DIST501: {
        readonly severity: "error";
        readonly title: "directory YAML syntax error";
    };
    readonly DIST502: {
        readonly severity: "error";
        readonly title: "invalid directory entry";
    };
    readonly DIST503: {
        readonly severity: "error";
        readonly title: "duplicate directory id";
    };
    readonly DIST504: {
        readonly severity: "error";
        readonly title: "unknown directory reference";
    };
    readonly DIST505: {
        readonly severity: "error";
        readonly title: "team membership disagrees";
    };
    readonly DIST506: {
        readonly severity: "error";
        readonly title: "user field does not match `schema user`";
    };
    readonly DIST507: {
        readonly severity: "warning";
        readonly title: "team or group member is not a user";
    };
    readonly DIST601: {
        readonly severity: "error";
        readonly title: "cannot read file";
    };
    readonly DIST602: {
        readonly severity: "error";
        readonly title: "invalid dist.yaml";
    };
    readonly DIST603: {
        readonly severity: "error";
        readonly title: "no rules found";
    };
};
export type DiagnosticCode = keyof typeof CODES;
/** Builds a diagnostic with the code's default severity. */
export declare function diagnostic(code: DiagnosticCode, file: string, span: Span, message: string, extra?: Pick<Diagnostic, 'help' | 'related' | 'data'>): Diagnostic;
/** Orders diagnostics by file, then position, then code (stable output for goldens and CLIs). */
export declare function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[];
