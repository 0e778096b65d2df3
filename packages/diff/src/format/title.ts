/** The title of a diff: the contract's title in both versions (never its identifier), or both titles. */
import type { SemanticDiff } from '../change.js';

export function diffTitle(diff: SemanticDiff): string {
    return diff.old.title === diff.new.title ? diff.new.title : `${diff.old.title} → ${diff.new.title}`;
}
