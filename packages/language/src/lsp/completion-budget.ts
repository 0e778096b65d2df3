/**
 * A bound on the work of Langium's completion parser, which reads the whole text before the cursor again on every
 * request. On a valid text that is fast (a 20,000-line contract: under 0.3 s), but its error recovery scans ahead
 * token by token for a place to resume, again and again: 270,000 stray quoted texts took 1 to 2 s a request. The
 * meter counts these recovery scans (look-aheads past the grammar's own, which is at most 3 tokens) and stops the
 * parse past the budget; completion then offers nothing at that place instead of freezing the editor.
 */

/** Look-aheads of error recovery a completion request may do (some 30 ms); a valid text does none. */
export const RECOVERY_LOOKAHEAD_BUDGET = 10_000;
/**
 * Syntax errors a completion request may meet before the cursor: each costs Chevrotain's recovery some 50–150 µs
 * (145,000 stray names in a block: 5 to 20 s a request, fuzz seed 20261204, input 6310). The document's own parse
 * stops at as many (MAX_SYNTAX_ERRORS, parser/syntax-error-limit.ts).
 */
export const RECOVERY_ERROR_BUDGET = 1_000;
/** The deepest look-ahead the grammar's own decisions use (LL(k) with k ≤ 3). */
const GRAMMAR_LOOKAHEAD = 3;

export class CompletionBudgetExceeded extends Error {
    constructor() {
        super(`completion stopped past ${RECOVERY_LOOKAHEAD_BUDGET} look-aheads or ${RECOVERY_ERROR_BUDGET} syntax errors of error recovery`);
        this.name = 'CompletionBudgetExceeded';
    }
}

interface ChevrotainLookahead {
    LA(howMuch: number): unknown;
    SAVE_ERROR?(error: unknown): unknown;
}

/** Meters the recovery look-aheads of a Langium parser (its Chevrotain `wrapper`); `reset` before each parse. */
export function meterRecovery(langiumParser: unknown): { reset(): void } {
    const wrapper = (langiumParser as { wrapper?: ChevrotainLookahead }).wrapper;
    let used = 0;
    let errors = 0;
    if (wrapper && typeof wrapper.LA === 'function') {
        const lookahead = wrapper.LA.bind(wrapper);
        wrapper.LA = (howMuch: number) => {
            if (howMuch > GRAMMAR_LOOKAHEAD && ++used > RECOVERY_LOOKAHEAD_BUDGET) throw new CompletionBudgetExceeded();
            return lookahead(howMuch);
        };
    }
    if (wrapper && typeof wrapper.SAVE_ERROR === 'function') {
        const save = wrapper.SAVE_ERROR.bind(wrapper);
        // Not a recognition error: Chevrotain lets it out of the parse, to findFeaturesAt.
        wrapper.SAVE_ERROR = (error: unknown) => {
            if (++errors > RECOVERY_ERROR_BUDGET) throw new CompletionBudgetExceeded();
            return save(error);
        };
    }
    return { reset: () => { used = 0; errors = 0; } };
}
