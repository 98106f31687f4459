// The runtime's public surface: the engine, its vocabulary, the state stores,
// the evaluator and the explain renderers.
export { createEngine, type Engine, type EngineOptions, type ManualAssignment } from './engine';
export type * from './types';
export { MemoryStore } from './state/memory-store';
export { inTransaction, type DecisionFilter, type Json, type OutboxItem, type QueueItem, type StateStore, type Timer, type Transaction } from './state/store';
export { keys as stateKeys, locks as lockKeys } from './state-keys';
export { validateEvent, type NormalisedEvent } from './records';
export { indexProgram, type CompiledRule, type ProgramIndex } from './program-index';
export { indexDirectory, type DirectoryIndex } from './directory-index';
export { compileExpr, compileCondition } from './evaluator/compile-expr';
export { evaluate } from './evaluator/reference';
export { explainCondition, printExpr } from './evaluator/explain-expr';
export type { EvalContext, RecordView, UserView, Value } from './evaluator/context';
export { explainText, type RuleLocator } from './explain-text';
export { METHODS } from './methods';
