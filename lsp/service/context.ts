// What every feature of the language service reads: the workspace and its latest
// link, each file's text with its positions, and the mapping between document
// URIs and the project-relative file names the compiler uses.
import type { SourceFile } from '../../language/ast';
import type { Workspace, WorkspaceResult } from '../../compiler/workspace';
import type { TextPositions } from './positions';

/** The service's view of the project, shared by the feature modules. */
export interface ServiceContext {
  workspace: Workspace;
  /** The linked project (cached until the next edit). */
  result(): WorkspaceResult;
  /** The last link while the schemas, settings, maps and directory are unchanged (see Workspace.latest). */
  latest(): WorkspaceResult;
  /** The text of a project file (a `.dist` file or the directory), null when unknown. */
  text(file: string): TextPositions | null;
  /** The AST of a `.dist` file (from the parse cache), null when unknown. */
  ast(file: string): SourceFile | null;
  /** The document URI of a project file. */
  uri(file: string): string;
  /** The project file of a document URI, null when it is not in the project. */
  file(uri: string): string | null;
  /** The directory's file name (`directory.yaml` unless dist.yaml says otherwise). */
  directoryFile: string;
}
