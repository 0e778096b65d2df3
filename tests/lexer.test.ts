/**
 * The lexer (parser/cpom-lexer.ts) takes a run of characters that start no token in one step, and reports exactly
 * the tokens and errors Chevrotain's own recovery reports, one character at a time, on the same text; and it reads
 * `{ }` blocks MAX_NESTING levels deep at most (CPOM001 "nesting" on the first brace past it).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Lexer as ChevrotainLexer } from 'chevrotain';
import { DefaultTokenBuilder, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices } from '@cpom/language';
import { CpomLexer, deadStartIndices, MAX_NESTING } from '../packages/language/src/parser/cpom-lexer.js';
import { checkText, ROOT } from './helpers.js';

const services = createCpomServices(EmptyFileSystem);
const lexer = services.Cpom.parser.Lexer as CpomLexer;
/** Chevrotain's lexer over the grammar's tokens alone, as Langium builds it. */
const plain = (lexer as unknown as { chevrotainLexer: ChevrotainLexer }).chevrotainLexer;
const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');

function tokens(list: ReadonlyArray<{ image: string; startOffset: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number; tokenType: { name: string } }>) {
    return list.map(t => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn, t.endLine, t.endColumn]);
}

describe('the lexer', () => {
    it('finds Chevrotain\'s first-character table (else it would lex as slowly as before)', () => {
        expect(lexer).toBeInstanceOf(CpomLexer);
        const dead = deadStartIndices(plain);
        expect(dead?.['«'.charCodeAt(0)]).toBe(true);
        expect(dead?.['a'.charCodeAt(0)]).toBe(false);
    });

    it('reports the same tokens, hidden tokens and errors as Chevrotain\'s recovery', () => {
        const piece = fc.constantFrom('«', '»', '#', '\u0001', '•', '€', '“', '”', '"', '\\', '/', '*', ' ', '\n', '\r', 'é', '😀', '\uD800', '§', '12', '{', ':', '\u2028', '\u00A0');
        const mutation = fc.tuple(fc.nat(), piece, fc.integer({ min: 1, max: 6 }));
        fc.assert(fc.property(fc.nat(SEED.length), fc.nat(400), fc.array(mutation, { maxLength: 20 }), (start, length, mutations) => {
            let text = SEED.slice(start, start + length);
            for (const [at, char, times] of mutations) {
                const offset = at % (text.length + 1);
                text = text.slice(0, offset) + char.repeat(times) + text.slice(offset);
            }
            const expected = plain.tokenize(text);
            const actual = lexer.tokenize(text);
            expect(tokens(actual.tokens)).toEqual(tokens(expected.tokens));
            expect(tokens(actual.hidden)).toEqual(tokens(expected.groups.hidden ?? []));
            expect(actual.errors).toEqual(expected.errors);
        }), { numRuns: 2000 });
    });

    it('reports a run of a million characters that start no token as one error, with its place', () => {
        const text = `contrat X "x" {\n  ${'«'.repeat(1_000_000)}\n}\n`;
        const { errors } = lexer.tokenize(text);
        expect(errors).toEqual([expect.objectContaining({ offset: 18, line: 2, column: 3, length: 1_000_000 })]);
    });
});

describe('the token builder', () => {
    it('builds the tokens Langium builds (names, patterns, groups, longer alternatives, order); keywords declare no line break', () => {
        const grammar = services.Cpom.Grammar;
        const shape = (token: { name: string; PATTERN?: unknown; GROUP?: unknown; LONGER_ALT?: unknown }) => ({
            name: token.name,
            pattern: String((token.PATTERN as { source?: string } | undefined)?.source ?? token.PATTERN),
            group: token.GROUP,
            longer: ([] as Array<{ name: string }>).concat((token.LONGER_ALT as Array<{ name: string }> | undefined) ?? []).map(t => t.name),
        });
        const ours = services.Cpom.parser.TokenBuilder.buildTokens(grammar, {}) as Array<Parameters<typeof shape>[0] & { LINE_BREAKS?: boolean }>;
        const langium = new DefaultTokenBuilder().buildTokens(grammar, {}) as Array<Parameters<typeof shape>[0]>;
        // STRING alone has its own pattern (a linear scan).
        const withoutString = (tokens: Array<Parameters<typeof shape>[0]>) => tokens.map(shape).map(t => t.name === 'STRING' ? { ...t, pattern: '' } : t);
        expect(withoutString(ours)).toEqual(withoutString(langium));
        const keywords = ours.filter(token => typeof token.PATTERN === 'string');
        expect(keywords.length).toBeGreaterThan(100);
        expect(keywords.every(token => token.LINE_BREAKS === false)).toBe(true);
        expect(ours.find(token => token.name === 'objectif')?.LONGER_ALT).toEqual([expect.objectContaining({ name: 'ID' })]);
    });
});

describe('the nesting limit', () => {
    const contract = (inner: string) => `contrat X "x" {\n    perimetre {\n${inner}\n    }\n}\n\ncontrat Y "y" {\n}\n`;
    const nested = (levels: number) => 'objectif O "o" { '.repeat(levels) + '}'.repeat(levels);

    it('reads a block nested exactly as deep as the limit without the nesting error', async () => {
        const diagnostics = await checkText(contract(nested(MAX_NESTING - 2)));
        expect(diagnostics.filter(d => d.message.includes('Imbrication'))).toEqual([]);
    });

    it('leaves out a block opened past the limit, with one CPOM001 on its brace, and reads what follows', async () => {
        const services2 = createCpomServices(EmptyFileSystem);
        const text = contract(nested(10_000));
        const result = services2.Cpom.parser.LangiumParser.parse(text);
        expect(result.lexerErrors).toHaveLength(1);
        // Chevrotain's recovery has at most a few errors per level read, not one per level written.
        expect(result.parserErrors.length).toBeLessThan(4 * MAX_NESTING);
        const names = (result.value as unknown as { elements: Array<{ name?: string }> }).elements.map(e => e.name);
        expect(names).toContain('Y');
        const diagnostics = await checkText(text);
        const nesting = diagnostics.filter(d => d.message.includes('Imbrication'));
        expect(nesting).toEqual([expect.objectContaining({ code: 'CPOM001', line: 3, severity: 'error' })]);
        expect(nesting[0].message).toBe(`Imbrication trop profonde : ce bloc ouvre un niveau de plus que les ${MAX_NESTING} lus ; son contenu, jusqu’à son « } », est ignoré.`);
        const english = await checkText(text, 'en');
        expect(english.some(d => d.message.startsWith('Nesting too deep'))).toBe(true);
    });
});
