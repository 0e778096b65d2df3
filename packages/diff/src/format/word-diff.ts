/**
 * Long texts (préambule, diagnostic, descriptions) changed: the words removed and added, with jsdiff's word diff,
 * rather than "préambule modifié". Each format marks them its own way.
 */
import { diffWordsWithSpace } from 'diff';
import type { ChangeRecord } from '../change.js';

export interface WordPart {
    readonly text: string;
    readonly kind: 'same' | 'removed' | 'added';
}

/** A changed text with no value column of its own: both sides are strings and the description says "modifié". */
export function isLongTextChange(c: ChangeRecord): c is ChangeRecord & { old: string; new: string } {
    return c.kind === 'change' && c.subject === undefined && typeof c.old === 'string' && typeof c.new === 'string';
}

/** Beyond this many words changed, the texts are shown whole, removed then added: the diff stays linear. */
const MAX_EDIT_LENGTH = 1000;

/**
 * Beyond this many characters in the two texts together, they are shown whole without a word diff: jsdiff splits
 * every sign into a token before it looks at the edits (2.7 million `-` in a diagnostic text: over a second for each
 * format). A préambule runs to a few thousand characters.
 */
export const MAX_WORD_DIFF_CHARACTERS = 100_000;

/** The words of the old and new text, each kept, removed or added. */
export function wordDiff(before: string, after: string): WordPart[] {
    const parts = before.length + after.length > MAX_WORD_DIFF_CHARACTERS ? undefined : diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
    if (!parts) return [{ text: before, kind: 'removed' }, { text: ' ', kind: 'same' }, { text: after, kind: 'added' }];
    const words: WordPart[] = parts.map(part => ({ text: part.value, kind: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
    return words.map((part, i) => (part.kind === 'same' ? { ...part, text: context(part.text, i === 0, i === words.length - 1) } : part));
}

/** Words kept around a change: a few on each side, the rest elided (`…`). */
const CONTEXT_WORDS = 12;

function context(text: string, first: boolean, last: boolean): string {
    const words = text.split(/(\s+)/);
    const keep = 2 * CONTEXT_WORDS; // words and the spaces between them
    if (words.length <= (first || last ? keep : 2 * keep) + 1) return text;
    if (first && last) return text;
    if (first) return `… ${words.slice(-keep).join('')}`;
    if (last) return `${words.slice(0, keep).join('')} …`;
    return `${words.slice(0, keep).join('')} … ${words.slice(-keep).join('')}`;
}
