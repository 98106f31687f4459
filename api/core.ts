// The browser-safe part of the public library API (`dist-rules/core`): compile a
// project from its texts (with the rule analysis, and its gaps on request),
// create an engine over the in-memory store, decide events and explain
// decisions. Imports no Node.js module, so it bundles for a browser (the
// playground) as well as for Node.js; `dist-rules` adds reading projects from
// disk and the SQLite store.
export { findGaps, type Gap } from '../compiler/analysis/gaps';
export type { Witness, WitnessRecord } from '../compiler/analysis/witness';
export { exportJsonRulesEngine, type ExportProblem, type JreCondition, type JreExportOptions, type JreRule } from '../compiler/export/json-rules-engine';
export { compileProject, type CompileInput, type CompileResult, type SourceText, type StageName } from '../compiler/compile';
export type { Directory, DirectoryUser } from '../compiler/directory/model';
export { emptyDirectory } from '../compiler/directory/model';
export { IR_VERSION, Program as ProgramSchema, stripSpans, type Program, type Rule } from '../compiler/ir';
export type { Diagnostic, DiagnosticCode, Fix, FixEdit, Severity } from '../language/diagnostics';
export { locate, type LocatedDiagnostic, type TextLookup } from '../language/locate';
export { createEngine, type Engine, type EngineOptions, type ManualAssignment } from '../runtime/engine';
export { explainCandidate, explainCandidates, type Candidate, type CandidateStage } from '../runtime/explain-candidates';
export { explainText, type RuleLocator } from '../runtime/explain-text';
export { validateEvent, type NormalisedEvent } from '../runtime/records';
export { MemoryStore } from '../runtime/state/memory-store';
export type { StateStore, Transaction } from '../runtime/state/store';
export type { DecideResult, Decision, ExplainedDecision, ExplainedTrace, IncomingEvent, InputIssue, Outcome, RuleTrace, Trace } from '../runtime/types';
