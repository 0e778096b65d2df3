/**
 * The parse stops after MAX_SYNTAX_ERRORS syntax errors (parser/syntax-error-limit.ts). Found by the fuzz campaign
 * (seed 20261204, input 6310: 145,000 stray names in a block, each a syntax error and some 50 µs of Chevrotain's
 * recovery: 8 s to parse). Counted, not timed: the errors the parser reports, and where it says it stopped.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices, formatMessage, isSyntaxErrorLimitError, MAX_SYNTAX_ERRORS } from '@cpom/language';
import { checkText, ROOT } from './helpers.js';

const { LangiumParser } = createCpomServices(EmptyFileSystem).Cpom.parser;
const BASE = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
/** The base contract with `count` stray names in a `repartition` block (`x x x …`): each one a syntax error. */
const strayNames = (count: number) => BASE.replace(/repartition (\d{4}) \{/, `repartition $1 {${' x'.repeat(count)}`);
/** The line of the stray names. */
const LINE = BASE.slice(0, BASE.search(/repartition \d{4} \{/)).split('\n').length;

describe('the syntax error limit', () => {
    it('stops after MAX_SYNTAX_ERRORS errors of 20,000 stray names in a block, and says where', () => {
        const text = strayNames(20_000);
        const result = LangiumParser.parse(text);
        // Before: one error per name, 20,000 recoveries. After the limit, only what the end of the text closes.
        expect(result.parserErrors.length).toBeGreaterThanOrEqual(MAX_SYNTAX_ERRORS);
        expect(result.parserErrors.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 10);
        const stops = result.lexerErrors.filter(isSyntaxErrorLimitError);
        expect(stops).toHaveLength(1);
        // At a stray name of the perimeter's line, past the first thousand.
        expect(stops[0]).toEqual(expect.objectContaining({ line: LINE, syntaxErrorLimit: MAX_SYNTAX_ERRORS }));
        expect(text.slice(stops[0].offset - 1, stops[0].offset + 2)).toBe(' x ');
        expect(stops[0].offset).toBeGreaterThan(text.indexOf('x') + 2 * (MAX_SYNTAX_ERRORS - 10));
    });

    it('reads a text with fewer errors whole, with no such error', () => {
        const result = LangiumParser.parse(strayNames(MAX_SYNTAX_ERRORS / 2));
        expect(result.lexerErrors.filter(isSyntaxErrorLimitError)).toEqual([]);
        // Each stray name is reported, and the parse read on to the end: the same top-level elements as the base's.
        expect(result.parserErrors.length).toBeGreaterThanOrEqual(MAX_SYNTAX_ERRORS / 2);
        const types = (root: unknown) => (root as { elements: Array<{ $type: string }> }).elements.map(e => e.$type);
        expect(types(result.value)).toEqual(types(LangiumParser.parse(BASE).value));
        expect(types(result.value)).toContain('Avenant');
    });

    it('is reset for each parse: a clean text after a broken one parses clean', () => {
        LangiumParser.parse(strayNames(5_000));
        const result = LangiumParser.parse(BASE);
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
    });

    it('reports CPOM001 where the reading stops, in French and in English', async () => {
        const [error] = (await checkText(strayNames(5_000))).filter(d => d.message.startsWith('Trop d’erreurs'));
        expect(error).toEqual(expect.objectContaining({ code: 'CPOM001', severity: 'error', line: LINE }));
        expect(error.message).toMatch(/^Trop d’erreurs de syntaxe : l’analyse s’arrête après les 1\D?000 premières ; la suite, à partir d’ici, est ignorée\.$/u);
        expect(formatMessage('CPOM001', { detail: { variant: 'errors', limit: MAX_SYNTAX_ERRORS } }, 'en')).toMatch(/^Too many syntax errors: the analysis stops after the first 1\D?000; the rest, from here, is ignored\.$/u);
    });
});
