/**
 * Any text, however broken, gets diagnostics and never a crash or a hang: random text, random token
 * soup from the language's own vocabulary, and random mutations of a real contract.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { checkText, filesUnder, ROOT, type SimpleDiagnostic } from './helpers.js';

const GRAMMAR = readFileSync(path.join(ROOT, 'grammar/cpom.langium'), 'utf8');
const KEYWORDS = [...new Set([...GRAMMAR.matchAll(/'([^'\s]+)'/g)].map(m => m[1]))];
const CONTRACTS = [
    path.join(ROOT, 'tests/fixtures/clean/base.cpom'),
    ...filesUnder(path.join(ROOT, 'seeds'), '.cpom'),
].map(f => readFileSync(f, 'utf8'));

let consoleErrors: unknown[][] = [];
beforeEach(() => {
    consoleErrors = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { consoleErrors.push(args); });
});
afterEach(() => vi.restoreAllMocks());

function expectSane(diagnostics: SimpleDiagnostic[], text: string): void {
    const lines = text.split(/\r?\n|\r/).length;
    for (const d of diagnostics) {
        expect(d.code, d.message).toMatch(/^CPOM\d{3}$/);
        expect(d.message).not.toMatch(/error occurred during validation/i);
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(lines + 1);
    }
    expect(consoleErrors).toEqual([]);
}

const token = fc.oneof(
    fc.constantFrom(...KEYWORDS),
    fc.constantFrom('{', '}', ':', ',', '.', '€', '%', '"', '“', '//', '/*', '*/'),
    fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/),
    fc.stringMatching(/^\d{1,3}( \d{3}){0,3}(,\d{1,3})?$/),
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    fc.stringMatching(/^2[ABab]\d{7}$/),
    fc.string({ maxLength: 12 }).map(s => `"${s.replace(/["\\]/g, '')}"`),
);
const separator = fc.constantFrom(' ', '\n', '\t', '\u00A0', '\u202F', '');

describe('the parser and the validator survive any text', () => {
    it('random unicode text', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400, unit: 'binary' }), async text => {
            expectSane(await checkText(text), text);
        }), { numRuns: 150 });
    });

    it('token soup from the grammar vocabulary', async () => {
        await fc.assert(fc.asyncProperty(fc.array(fc.tuple(token, separator), { maxLength: 250 }), async parts => {
            const text = parts.map(([t, s]) => t + s).join(' ');
            expectSane(await checkText(text), text);
        }), { numRuns: 200 });
    });

    it('random edits of real contracts: deletions, duplications, insertions, truncations', async () => {
        const edit = fc.oneof(
            fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
            fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
            fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: token }),
            fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        );
        await fc.assert(fc.asyncProperty(fc.nat({ max: CONTRACTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), async (which, edits) => {
            let text = CONTRACTS[which];
            for (const e of edits) {
                const at = e.at % (text.length + 1);
                if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
                else if (e.kind === 'duplicate') text = text.slice(0, at) + text.slice(at, at + e.length) + text.slice(at);
                else if (e.kind === 'insert') text = text.slice(0, at) + ' ' + e.text + ' ' + text.slice(at);
                else text = text.slice(0, at);
            }
            expectSane(await checkText(text), text);
        }), { numRuns: 150 });
    });

    it('edits that keep the text parseable: renamed names, changed numbers and dates, removed lines', async () => {
        const edit = fc.oneof(
            fc.record({ kind: fc.constant('rename' as const), nth: fc.nat(), name: fc.constantFrom('X', 'ESAT_LYON', 'ARS_RA', 'MESSIDOR', 'DGC', 'A1', 'SORTIES', 'CPOM_MESSIDOR_2013') }),
            fc.record({ kind: fc.constant('number' as const), nth: fc.nat(), value: fc.constantFrom('0', '1', '2012', '2013', '2099', '101', '4 150 000', '0,005', '9999999999999999') }),
            fc.record({ kind: fc.constant('date' as const), nth: fc.nat(), value: fc.constantFrom('2013-02-30', '1900-01-01', '2099-12-31', '2013-01-01', '2017-12-31') }),
            fc.record({ kind: fc.constant('dropLine' as const), nth: fc.nat() }),
        );
        const replaceNth = (text: string, pattern: RegExp, nth: number, by: string) => {
            const matches = [...text.matchAll(pattern)];
            if (matches.length === 0) return text;
            const m = matches[nth % matches.length];
            return text.slice(0, m.index) + by + text.slice(m.index! + m[0].length);
        };
        await fc.assert(fc.asyncProperty(fc.nat({ max: CONTRACTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), async (which, edits) => {
            let text = CONTRACTS[which];
            for (const e of edits) {
                if (e.kind === 'rename') text = replaceNth(text, /\b[A-Z][A-Z0-9_]{1,}\b/g, e.nth, e.name);
                else if (e.kind === 'number') text = replaceNth(text, /(?<![\d-])\d+(?![\d-])/g, e.nth, e.value);
                else if (e.kind === 'date') text = replaceNth(text, /\d{4}-\d{2}-\d{2}/g, e.nth, e.value);
                else {
                    const lines = text.split('\n');
                    lines.splice(e.nth % lines.length, 1);
                    text = lines.join('\n');
                }
            }
            expectSane(await checkText(text), text);
        }), { numRuns: 200 });
    });

    it('every prefix of a contract (what an editor sees while typing)', async () => {
        const text = CONTRACTS[0];
        for (let end = 0; end <= text.length; end += 37) {
            const prefix = text.slice(0, end);
            expectSane(await checkText(prefix), prefix);
        }
    });

    it('pathological inputs: huge numbers, deep nesting, long lines, lone quotes', async () => {
        const inputs = [
            'contrat X "x" { effet 9999-99-99 fin 0000-00-00 }',
            `contrat X "x" { moyens { dotation D "d" { montants 2013: ${'9'.repeat(400)} € } } }`,
            '{'.repeat(5000),
            'contrat X "' + 'a'.repeat(100_000),
            `contrat X "x" { departements ${Array.from({ length: 2000 }, (_, i) => i).join(', ')} }`,
            'avenant 1 au X { } avenant 1 au X { }',
            'importe "../../../../etc/passwd" importe "" importe "x.cpom"',
            '\uFEFFcontrat X "x" {}',
        ];
        for (const text of inputs) {
            expectSane(await checkText(text), text);
        }
    });
});

/** Inputs that once crashed or froze the core (fuzz campaign); each bounded by a timeout far above its cost. */
describe('the core survives huge and malformed texts', () => {
    const CONTRACT = CONTRACTS[0];
    /** The contract with `extra` written after the frame of its `cadre` clause (which must be there: no silent no-op). */
    const afterCadre = (extra: string) => {
        const changed = CONTRACT.replace(/cadre L[\w-]+/, cadre => `${cadre}${extra}`);
        expect(changed).not.toBe(CONTRACT);
        return changed;
    };
    const withPreamble = (text: string) => afterCadre(`\n    preambule ${text}`);

    it('a text of 5 MB in quotes (the lexer overflowed its stack)', async () => {
        for (const body of ['a'.repeat(5_000_000), 'ligne\\n'.repeat(700_000)]) {
            const text = withPreamble(`"${body}"`);
            const diagnostics = await checkText(text);
            expectSane(diagnostics, text);
            expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        }
    }, 20_000);

    it('a comment of 5 MB', async () => {
        const text = `/*${'commentaire\n'.repeat(400_000)}*/\n${CONTRACT}`;
        const diagnostics = await checkText(text);
        expectSane(diagnostics, text);
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    }, 20_000);

    it('an unterminated text of 700 KB, alone or in a contract', async () => {
        for (const text of [`contrat X "${'a'.repeat(700_000)}`, withPreamble(`"${'texte du préambule, '.repeat(35_000)}`)]) {
            const diagnostics = await checkText(text);
            expectSane(diagnostics, text);
            expect(diagnostics[0].code).toBe('CPOM001');
            // The message quotes the start of the text, not the whole of it.
            expect(Math.max(...diagnostics.map(d => d.message.length))).toBeLessThan(300);
        }
    }, 30_000);

    it('lone surrogates in every quoted text and in import paths', async () => {
        for (const surrogate of ['\uD800', '\uDFFF']) {
            const text = CONTRACT.replace(/"([^"]*)"/g, (_, body: string) => `"${body.slice(0, 3)}${surrogate}${body.slice(3)}"`);
            expectSane(await checkText(text), text);
            for (const path of [`${surrogate}.cpom`, `a${surrogate}b.cpom`, `../${surrogate}/x.cpom`, surrogate]) {
                const imported = `importe "${path}"\n${CONTRACT}`;
                const diagnostics = await checkText(imported);
                expectSane(diagnostics, imported);
                expect(diagnostics.map(d => d.code)).toEqual(['CPOM004']);
            }
        }
    });

    it('a list of 300,000 items (the CST was built in quadratic time: three minutes)', async () => {
        for (const text of [
            afterCadre(`, ${'L313-11, '.repeat(300_000)}L313-11`),
            afterCadre(`\n    departements ${'69, '.repeat(300_000)}69`),
        ]) {
            expectSane(await checkText(text), text);
        }
    }, 60_000);

    it('10,000 levels of nesting, opened or closed', async () => {
        const inputs = [
            `contrat X "x" { ${'moyens { '.repeat(10_000)}${'}'.repeat(10_001)}`,
            `contrat X "x" { ${'contrat X "x" { '.repeat(10_000)}`,
            `catalogue C { ${'indicateur I { '.repeat(10_000)}`,
            `contrat X "x" ${'{'.repeat(10_000)}${'}'.repeat(10_000)}`,
            '{'.repeat(10_000) + '('.repeat(10_000),
        ];
        for (const text of inputs) {
            expectSane(await checkText(text), text);
        }
    }, 60_000);
});
