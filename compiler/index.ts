// The compiler's public API: compile a project (pure), read one from disk, and
// the IR it produces.
export { compileProject, type CompileInput, type CompileResult, type SourceText, type StageName } from './compile';
export { findProjectRoot, loadProject, type ProjectConfig } from './node/project';
export { ruleId } from './stages/rule-id';
export * from './ir';
