/**
 * The one French wording layer (packages/language/src/wording): every value keyword of the grammar — derived from
 * the generated grammar, not listed by hand — has a label, and the documents, hovers, diff and avenant read the same
 * label for the same keyword.
 */
import type { Grammar } from 'langium';
import { describe, expect, it } from 'vitest';
import { KEYWORD_LABELS, keywordKey, keywordLabel, quote } from '@cpom/language';
import { natureLabel, sourceLabel, statusLabel } from '@cpom/generator';
import { formatValue } from '@cpom/diff';
import { CpomGrammar } from '../packages/language/src/generated/grammar.js';
import { valueLabel } from '../packages/language/src/lsp/cpom-french-labels.js';
import { quote as avenantQuote } from '../packages/diff/src/avenant/context.js';

/** The grammar's value rules: data type rules whose every alternative is a keyword (`Modality`, `FundingNature`…). */
function valueRules(grammar: Grammar): Map<string, string[]> {
    const rules = new Map<string, string[]>();
    for (const rule of grammar.rules) {
        if (rule.$type !== 'ParserRule' || !('dataType' in rule) || !rule.dataType) continue;
        const definition = rule.definition;
        const alternatives = definition.$type === 'Alternatives' ? (definition as unknown as { elements: Array<{ $type: string; value?: string }> }).elements : [definition as unknown as { $type: string; value?: string }];
        if (alternatives.every(a => a.$type === 'Keyword')) rules.set(rule.name, alternatives.map(a => a.value!));
    }
    return rules;
}

describe('the wording of the value keywords', () => {
    const rules = valueRules(CpomGrammar());

    it('finds the value rules in the generated grammar', () => {
        expect([...rules.keys()]).toEqual(expect.arrayContaining(['Modality', 'FundingNature', 'FundingSource', 'LegalStatus', 'AuthorityKind', 'Month']));
    });

    it.each([...valueRules(CpomGrammar())].map(([rule, keywords]) => [rule, keywords]))('every keyword of %s has a label', (rule, keywords) => {
        for (const keyword of keywords as string[]) {
            expect(keywordLabel(rule as string, keyword), `${rule as string} ${keyword}`).toMatch(/\S/);
        }
    });

    it('labels only keywords of the grammar', () => {
        for (const [rule, labels] of Object.entries(KEYWORD_LABELS)) {
            const keywords = new Set((rules.get(rule) ?? []).map(keywordKey));
            expect(rules.has(rule), rule).toBe(true);
            for (const key of Object.keys(labels)) expect(keywords.has(key), `${rule} ${key}`).toBe(true);
        }
    });

    it('reads the same in the document, the hover and the diff', () => {
        expect(natureLabel('autre')).toBe(keywordLabel('FundingNature', 'autre'));
        expect(valueLabel('FundingNature', 'autre')).toBe(keywordLabel('FundingNature', 'autre'));
        expect(formatValue('autre', 'nature')).toBe(keywordLabel('FundingNature', 'autre'));
        expect(sourceLabel('état')).toBe('État');
        expect(formatValue('etat', 'fundingSource')).toBe('État');
        expect(statusLabel('gcsms')).toBe(valueLabel('LegalStatus', 'gcsms'));
    });
});

describe('quotes', () => {
    it('quote with no-break spaces inside « », and a text\'s own guillemets as “ ” (never « « … » »)', () => {
        expect(quote('EHPAD Les Bords de Loire')).toBe('«\u00A0EHPAD Les Bords de Loire\u00A0»');
        expect(quote('Vu la circulaire « Accueil temporaire » du 6 mars 2022')).toBe('«\u00A0Vu la circulaire “Accueil temporaire” du 6 mars 2022\u00A0»');
        expect(quote('«\u00A0tout\u00A0»')).toBe('«\u00A0“tout”\u00A0»');
        expect(quote('un « seul')).toBe('«\u00A0un “seul\u00A0»');
        // The avenant drafter quotes through the same function.
        expect(avenantQuote('SESSAD « Les Sources »')).toBe(quote('SESSAD « Les Sources »'));
    });

    it('spaces around a text\'s own guillemets: dropped inside them, kept outside; lone surrogates kept', () => {
        expect(quote('a \t« \u00A0b\u202F »  c  ')).toBe('«\u00A0a \t“b”  c  \u00A0»');
        expect(quote('  »« »\uD800«')).toBe('«\u00A0”“”\uD800“\u00A0»');
        expect(quote(`x${' '.repeat(100)}»${' '.repeat(100)}y`)).toBe(`«\u00A0x”${' '.repeat(100)}y\u00A0»`);
    });

    it('a title of a million guillemets is quoted in one pass of code units, not grown a character at a time', () => {
        // The quote stepped through the text's characters one by one, adding each to a string: a second of CPU on a
        // title of 3 million « quoted by each diff (fuzz seed 20261204, input 4053). Counts the steps, not the time.
        const iterator = Object.getOwnPropertyDescriptor(String.prototype, Symbol.iterator)!;
        let steps = 0;
        Object.defineProperty(String.prototype, Symbol.iterator, {
            ...iterator,
            value: function* (this: string) {
                for (const c of iterator.value.call(this) as Iterable<string>) {
                    steps++;
                    yield c;
                }
            },
        });
        let quoted: string;
        try {
            quoted = quote(`${'«'.repeat(1_000_000)} ${'»'.repeat(1_000_000)}`);
        } finally {
            Object.defineProperty(String.prototype, Symbol.iterator, iterator);
        }
        expect(steps).toBe(0);
        expect(quoted).toBe(`«\u00A0${'“'.repeat(1_000_000)}${'”'.repeat(1_000_000)}\u00A0»`);
    });
});
