/** The title of a diff: the contract's title in both versions (never its identifier), or both titles. */
import { MISSING } from '@cpom/generator';
import type { SemanticDiff } from '../change.js';

export function diffTitle(diff: SemanticDiff): string {
    const [before, after] = [diff.old.title, diff.new.title];
    // A file added or deleted is compared with an empty contract, which has no title.
    if (before === after || before === MISSING.title) return after;
    return after === MISSING.title ? before : `${before} → ${after}`;
}
