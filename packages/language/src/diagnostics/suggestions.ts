/**
 * "Vouliez-vous dire …": the words close to a misspelt one, for syntax errors (keywords) and unresolved names
 * (CPOM002). Distances are Levenshtein's (fastest-levenshtein) over the words with accents and case removed, so that
 * `etablisement` is one edit from `établissement` and `ehpad_blay` one from `EHPAD_BLAYE`.
 */
import { distance } from 'fastest-levenshtein';

/** At most this many suggestions are named in a message. */
const MAX_SUGGESTIONS = 3;

/** The word as compared: lower case, without accents. */
function folded(word: string): string {
    return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How many edits a word of this length may be from a suggestion: none under 3 characters (`de` is not a slip of
 * `du`), one up to 5, two up to 9, three beyond; never as many as half the word.
 */
function tolerance(length: number): number {
    if (length < 3) return 0;
    if (length <= 5) return 1;
    return length <= 9 ? 2 : 3;
}

/** Longest word compared: beyond, a token is a text pasted by mistake, not a slip of a keyword or a name. */
export const MAX_WORD_LENGTH = 64;

/**
 * The candidates closest to `word`, best first (at most three, all at the smallest distance found): among
 * candidates that fold to the same word, the accented one (`établissement` rather than `etablissement`). None when
 * the word is itself a candidate, or when nothing is close enough.
 */
export function closestWords(word: string, candidates: Iterable<string>): string[] {
    if (word.length > MAX_WORD_LENGTH) return [];
    const target = folded(word);
    const limit = tolerance(target.length);
    if (limit === 0) return [];
    const byFolded = new Map<string, string>();
    for (const candidate of candidates) {
        if (candidate === word) return [];
        if (candidate.length > MAX_WORD_LENGTH) continue;
        const key = folded(candidate);
        const known = byFolded.get(key);
        // The accented spelling wins: it is the one documents and messages show.
        if (known === undefined || (known === key && candidate !== key)) byFolded.set(key, candidate);
    }
    let best = limit + 1;
    let found: string[] = [];
    for (const [key, candidate] of byFolded) {
        if (Math.abs(key.length - target.length) > limit) continue;
        const d = distance(key, target);
        if (d < best) {
            best = d;
            found = [candidate];
        } else if (d === best) {
            found.push(candidate);
        }
    }
    return found.sort((a, b) => a.localeCompare(b, 'fr')).slice(0, MAX_SUGGESTIONS);
}
