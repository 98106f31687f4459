// Monaco's editor contributions are imported for their side
// effects only; they ship without declarations.
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/browser/*';
