import type { DirectoryIndex } from './directory-index';
import type { UserView } from './evaluator/context';
import type { Transaction } from './state/store';
/** Views of `ids` with their state; ids not in the directory are left out. */
export declare function loadUserViews(tx: Transaction, dir: DirectoryIndex, ids: readonly string[]): Promise<Map<string, UserView>>;
/** Adds `delta` to a numeric key (missing counts as 0). */
export declare function addTo(tx: Transaction, key: string, delta: number): Promise<number>;
