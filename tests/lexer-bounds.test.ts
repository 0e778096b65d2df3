/**
 * The lexer reads MAX_TOKENS tokens at most (parser/cpom-lexer.ts), scans each character of quoted texts once
 * (parser/cpom-token-builder.ts), and the CST takes any number of comments in a row (parser/cpom-parser.ts). Found by the fuzz campaign (seed 20261205, input 4646: 3.86 million `{`; input 2260: 1.2
 * million `"`): lexing, parsing and each completion request cost a microsecond a token, seconds for such a text.
 * The assertions count work (tokens read, errors) or bound this thread's CPU time far above the fixed code's (a
 * watchdog, as the fuzz pool's), never wall time.
 */
import { type CstNode, EmptyFileSystem, isCompositeCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices, formatMessage, MAX_TOKENS } from '@cpom/language';
import { checkText } from './helpers.js';
import { currentThreadStatPath, threadCpuMs } from './fuzz/thread-cpu.js';

const services = createCpomServices(EmptyFileSystem);
const { Lexer, LangiumParser } = services.Cpom.parser;

describe('the token limit', () => {
    const contract = (inner: string) => `catalogue C "c" {\n    ${inner}indicateur I "i" {\n        unite "%"\n    }\n}\n`;

    it('stops reading after MAX_TOKENS tokens of a run of 3.86 million braces (fuzz, seed 20261205, input 4646)', () => {
        const text = contract('{'.repeat(3_861_166));
        const result = Lexer.tokenize(text);
        // Before: 3,861,195 tokens, each one read, nested and parsed.
        expect(result.tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
        const limit = result.errors.find(e => e.message.startsWith('more than'));
        // The four tokens before the run count too.
        expect(limit).toEqual(expect.objectContaining({ offset: 22 + MAX_TOKENS - 4, line: 2, column: 5 + MAX_TOKENS - 4 }));
    });

    it('counts hidden tokens and unlexable runs too: comments, or « and spaces', () => {
        for (const run of ['/**/'.repeat(MAX_TOKENS + 10), '« '.repeat(MAX_TOKENS + 10)]) {
            const result = Lexer.tokenize(contract(run));
            expect(result.tokens.length + result.hidden.length).toBeLessThanOrEqual(MAX_TOKENS + 1);
            expect(result.errors.filter(e => e.message.startsWith('more than'))).toHaveLength(1);
        }
    });

    it('reads a text under the limit whole, with no such error', () => {
        const result = Lexer.tokenize(contract('"" '.repeat(MAX_TOKENS / 2)));
        expect(result.errors).toEqual([]);
        expect(result.tokens.length).toBeGreaterThan(MAX_TOKENS / 2);
    });

    it('reports CPOM001 where the reading stops, in French and in English', async () => {
        const text = `contrat X "x" {\n${', '.repeat(MAX_TOKENS + 10)}\n}\n`;
        const [error] = (await checkText(text)).filter(d => d.message.startsWith('Texte trop long'));
        expect(error).toEqual(expect.objectContaining({ code: 'CPOM001', severity: 'error', line: 2 }));
        expect(error.message).toMatch(/^Texte trop long : il compte plus de 250\D?000 éléments \(mots, nombres, textes entre guillemets, signes\) ; la suite, à partir d’ici, est ignorée\.$/u);
        expect(formatMessage('CPOM001', { detail: { variant: 'tokens', limit: MAX_TOKENS } }, 'en')).toMatch(/^Text too long: it has more than 250\D?000 tokens/u);
    });
});

describe('comments in a row', () => {
    it('200,000 comments between two tokens parse, in the CST in order (Langium spread them into one call: RangeError)', () => {
        const text = `contrat X "x" {\n${'/* c */\n'.repeat(200_000)}}\n`;
        const result = LangiumParser.parse(text);
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
        // The leaves in order, counted without building arrays of them.
        let hidden = 0;
        let last = -1;
        let ordered = true;
        const visit = (node: CstNode): void => {
            if (isCompositeCstNode(node)) {
                for (const child of node.content) visit(child);
                return;
            }
            if (node.hidden) hidden++;
            if (node.offset < last) ordered = false;
            last = node.offset;
        };
        visit(result.value.$cstNode!.root);
        expect(hidden).toBe(200_000);
        expect(ordered).toBe(true);
    });

    it('comments before the first token keep their place', () => {
        const text = `// a\n// b\ncontrat X "x" {\n}\n`;
        const root = LangiumParser.parse(text).value.$cstNode!.root;
        expect([root.content[0].text, root.content[1].text]).toEqual(['// a', '// b']);
    });
});

/** CPU time of this thread spent by `run`, in ms (/proc; the process's CPU time where there is none). */
function cpuMsOf(run: () => void): number {
    const stat = currentThreadStatPath();
    const before = threadCpuMs(stat) ?? process.cpuUsage().user / 1000;
    run();
    return (threadCpuMs(stat) ?? process.cpuUsage().user / 1000) - before;
}

describe('quoted texts without their closing quote', () => {
    // The fixed lexer takes about 0.3 s of CPU for each (a few times that on a busy machine); the old one a minute.
    const BOUND_MS = 10_000;

    it('100,000 “ without ” lex in linear time, each an unexpected character', () => {
        const text = `contrat X "x" {\n${'“'.repeat(100_000)}\n}\n`;
        let errors = 0;
        expect(cpuMsOf(() => { errors = Lexer.tokenize(text).errors.length; })).toBeLessThan(BOUND_MS);
        expect(errors).toBe(1);
    });

    it('"\\ repeated 100,000 times lexes in linear time, and the same tokens as a text with one of them', () => {
        const text = `contrat X "x" {\n${'"\\'.repeat(100_000)}\n}\n`;
        let tokens = 0;
        expect(cpuMsOf(() => { tokens = Lexer.tokenize(text).tokens.length; })).toBeLessThan(BOUND_MS);
        // Each " opens a text that never closes: no string token, as for one of them.
        expect(tokens).toBe(Lexer.tokenize(`contrat X "x" {\n"\\\n}\n`).tokens.length);
    });

    it('a failed scan teaches nothing about another text, nor the next run on the same text', () => {
        // A backslash before a line break ends the first scan; the quote after the line break opens a text.
        expect(Lexer.tokenize('"a\\\n"b"').tokens.map(t => t.image)).toContain('"b"');
        expect(Lexer.tokenize('"b"').tokens.map(t => t.image)).toEqual(['"b"']);
        const text = '“a “b” "c\\';
        expect(Lexer.tokenize(text).tokens.map(t => t.image)).toEqual(Lexer.tokenize(text).tokens.map(t => t.image));
        expect(Lexer.tokenize(text).tokens.map(t => t.image)).toContain('“a “b”');
    });
});
