/**
 * The severity policy (docs/rules/README.md, "Severity policy"): no error the law does not support. Every rule that
 * rests on the law cites dated texts of the registry; an error cites at least one text read in the law itself (V), or
 * the FINESS key computed by the project (C); a rule whose support is only G is never an error.
 */
import { describe, expect, it } from 'vitest';
import { RULES, type RuleDefinition } from '@cpom/language';
import { legalText, type LawConfidence } from '../packages/language/src/law/index.js';

const rules: readonly RuleDefinition[] = RULES;

/** The confidences of every version of the texts a rule cites. */
function supports(rule: RuleDefinition): LawConfidence[] {
    return (rule.texts ?? []).flatMap(id => legalText(id)?.versions.map(v => v.confidence) ?? []);
}

function supportsAnError(rule: RuleDefinition): boolean {
    return supports(rule).some(c => c === 'V' || c === 'C');
}

/**
 * Errors that rest on texts the registry knows only from secondary sources (S) or as proposals (G): to verify in the
 * texts, or to lower, before the next release. The list may only shrink: a rule leaves it as soon as it is supported.
 */
const AWAITING_A_VERIFIED_TEXT: ReadonlySet<string> = new Set<string>([
    // Emptied on 2026-12-02 (docs/law/sources.md, "Errors that rested on secondary texts"): each of the 15 errors was
    // either supported by a text read in the law (R.314-40, arrêté du 3 mars 2017, L.313-11 since 2022) or lowered.
]);

describe('severity policy', () => {
    const lawRules = rules.filter(rule => rule.confidence !== 'T');

    it.each(lawRules.filter(rule => rule.severity !== 'info' && rule.confidence !== 'G').map(rule => [rule.code, rule] as const))(
        '%s rests on at least one dated text of the registry', (_code, rule) => {
            const dated = (rule.texts ?? []).filter(id => (legalText(id)?.versions.length ?? 0) > 0);
            expect(dated.length, `${rule.code} cites no dated text`).toBeGreaterThan(0);
        });

    it.each(rules.filter(rule => rule.confidence === 'G').map(rule => [rule.code, rule] as const))(
        '%s, a proposal (G), is not an error', (_code, rule) => {
            expect(rule.severity).not.toBe('error');
        });

    it.each(lawRules.filter(rule => rule.severity === 'error').map(rule => [rule.code, rule] as const))(
        '%s, an error, cites a text read in the law (V) or the computed FINESS key (C)', (code, rule) => {
            if (AWAITING_A_VERIFIED_TEXT.has(code)) {
                expect(supportsAnError(rule), `${code} is supported now: remove it from AWAITING_A_VERIFIED_TEXT`).toBe(false);
            } else {
                expect(supportsAnError(rule), `${code} is an error without a verified text: ${supports(rule).join('') || 'none'}`).toBe(true);
            }
        });

    it('only the FINESS key rests on a computation (C)', () => {
        const computed = rules.filter(rule => (rule.texts ?? []).some(id => legalText(id)?.versions.some(v => v.confidence === 'C')));
        expect(computed.map(rule => rule.code)).toEqual(['CPOM041']);
    });

    it('the list of errors awaiting a verified text names errors only', () => {
        for (const code of AWAITING_A_VERIFIED_TEXT) {
            expect(rules.find(rule => rule.code === code)?.severity, code).toBe('error');
        }
    });
});
