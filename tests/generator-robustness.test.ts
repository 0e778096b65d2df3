/**
 * `generate --force`, `diff` and `avenant` on broken texts: every bundled contract (seeds/, examples/) cut at many
 * points, mangled (noise, lines deleted, every string, date or number taken out), parsed, and then every output
 * made of it — the contract document in HTML, Markdown and DOCX, the JSON export, the diff against the original both
 * ways and the avenant drafted each way. None may throw, and none may show "undefined", "NaN" or "[object Object]":
 * a value missing from the text reads as a French placeholder (« [titre manquant] »), and no text of the document
 * model is missing (`missingTexts`: the renderers would draw it as nothing). `CPOM_FUZZ_RUNS=400` runs the random
 * edits longer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContractDocument, type CpomJson, exportContract } from '@cpom/generator';
import { everyOutput, type Output, type ParsedContract, withContracts } from './every-output.js';
import { filesUnder, ROOT } from './helpers.js';

const FOLDERS = [path.join(ROOT, 'seeds'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom').map(f => path.dirname(f))]
    .filter((folder, i, all) => all.indexOf(folder) === i);

/** The `.cpom` files of a folder by name. */
function folderFiles(folder: string): Map<string, string> {
    return new Map(filesUnder(folder, '.cpom').map(f => [path.relative(folder, f), readFileSync(f, 'utf8')]));
}

/** Texts derived from a contract: prefixes, noise, deleted lines, and every value of one kind taken out. */
function variants(text: string): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const cuts = 12;
    for (let i = 1; i < cuts; i++) {
        const at = Math.floor((text.length * i) / cuts);
        out.push([`cut at ${at}`, text.slice(0, at)]);
        out.push([`noise at ${at}`, `${text.slice(0, at)} }{ ,: «»\u0000 ${text.slice(at + 7)}`]);
    }
    const lines = text.split('\n');
    for (const every of [2, 3, 5, 7]) {
        out.push([`every line ${every} deleted`, lines.filter((_, i) => i % every !== 1).join('\n')]);
    }
    out.push(['strings taken out', text.replace(/"(\\.|[^"\\])*"|“[^”]*”/g, '')]);
    out.push(['strings emptied', text.replace(/"(\\.|[^"\\])*"|“[^”]*”/g, '""')]);
    out.push(['dates taken out', text.replace(/\d{4}-\d{2}-\d{2}/g, '')]);
    out.push(['numbers taken out', text.replace(/\d+(?:[ \u00A0\u202F]\d{3})*(?:[.,]\d+)?/g, '')]);
    out.push(['braces taken out', text.replace(/[{}]/g, '')]);
    out.push(['names taken out', text.replace(/^(\s*[a-zéèêàù_]+) [A-Z][A-Z0-9_]*\b/gm, '$1')]);
    return out;
}

/** What a placeholder-less missing value looks like once printed. */
const LEAKS = /undefined|NaN|\[object Object\]/;

/**
 * The inputs every output is made of (everyOutput: the document model, the JSON export and the other version),
 * as a digest; undefined when the model or the export cannot be made (everyOutput then throws, and says so).
 * Renderers, diff and avenant are pure: the same inputs make the same outputs, already checked once.
 * (A mangled follow-up file leaves the contract's outputs as they were: a third of the variants.)
 */
function outputInputs(parsed: ParsedContract, original: CpomJson | undefined): string | undefined {
    // undefined, NaN and Infinity kept apart from a missing key and from null, which JSON would make them; anything
    // JSON does not show whole (a Map, a class instance, a function): no digest.
    const keep = (_key: string, value: unknown) => {
        if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return `\u0000${String(value)}`;
        if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new Error('not plain data');
        if (typeof value === 'object' && value !== null && !Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value))) throw new Error('not plain data');
        return value;
    };
    try {
        const document = buildContractDocument(parsed.contract, parsed.avenants);
        const json = exportContract(parsed.contract, parsed.avenants);
        return createHash('sha256').update(JSON.stringify([document, json, original ?? null], keep)).digest('hex');
    } catch {
        return undefined;
    }
}

/** Digests of the output inputs checked already (outputInputs). */
const checkedInputs = new Set<string>();

/** Every output of a contract, checked: no exception, no leak of a missing value. */
async function expectSaneOutputs(parsed: ParsedContract, original: CpomJson | undefined, what: string): Promise<void> {
    const inputs = outputInputs(parsed, original);
    if (inputs !== undefined && checkedInputs.has(inputs)) return;
    let outputs: Output[];
    try {
        outputs = await everyOutput(parsed, original);
    } catch (error) {
        expect.fail(`${what}: ${(error as Error).stack ?? String(error)}`);
    }
    for (const output of outputs) {
        const leak = LEAKS.exec(output.text);
        if (leak) expect.fail(`${what}: ${output.name} shows "${leak[0]}" in …${output.text.slice(Math.max(0, leak.index - 200), leak.index + 60)}…`);
    }
    if (inputs !== undefined) checkedInputs.add(inputs);
}

describe('every output of a broken contract', () => {
    it.each(FOLDERS.map(f => [path.relative(ROOT, f), f]))('%s: cut and mangled, never a crash nor "undefined"', async (_name, folder) => {
        const files = folderFiles(folder);
        let checked = 0;
        for (const [name, text] of files) {
            // The original's export, to diff each variant against.
            const originals = await withContracts(files, name, async contracts => new Map(contracts.map(c => [c.contract.name, exportContract(c.contract, c.avenants)])));
            for (const [variant, mangled] of variants(text)) {
                const what = `${path.relative(ROOT, path.join(folder, name))}, ${variant}`;
                await withContracts(new Map([...files, [name, mangled]]), name, async contracts => {
                    for (const parsed of contracts) {
                        await expectSaneOutputs(parsed, originals.get(parsed.contract.name) ?? [...originals.values()][0], what);
                        checked++;
                    }
                });
            }
        }
        expect(checked).toBeGreaterThan(20);
    }, 180_000);
});

describe('every output of a randomly edited contract', () => {
    const GRAMMAR = readFileSync(path.join(ROOT, 'grammar/cpom.langium'), 'utf8');
    const KEYWORDS = [...new Set([...GRAMMAR.matchAll(/'([^'\s]+)'/g)].map(m => m[1]))];
    const token = fc.oneof(
        fc.constantFrom(...KEYWORDS),
        fc.constantFrom('{', '}', ':', ',', '€', '%', '"', '""', 'par jour', '2013-01-01', '12', '4 150 000', 'ESAT_LYON', 'ARS_RA'),
    );
    const edit = fc.oneof(
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 120 }) }),
        fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: token }),
    );
    const sources = [path.join(ROOT, 'tests/fixtures/clean/base.cpom'), ...filesUnder(path.join(ROOT, 'seeds'), '.cpom')];

    it.each(sources.map(f => [path.relative(ROOT, f), f]))('%s: deletions, duplications and insertions', async (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const original = await withContracts(new Map([['c.cpom', text]]), 'c.cpom', async ([c]) => exportContract(c.contract, c.avenants));
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async edits => {
            let mangled = text;
            for (const e of edits) {
                const at = e.at % (mangled.length + 1);
                if (e.kind === 'delete') mangled = mangled.slice(0, at) + mangled.slice(at + e.length);
                else if (e.kind === 'duplicate') mangled = mangled.slice(0, at) + mangled.slice(at, at + e.length) + mangled.slice(at);
                else mangled = `${mangled.slice(0, at)} ${e.text} ${mangled.slice(at)}`;
            }
            await withContracts(new Map([['c.cpom', mangled]]), 'c.cpom', async contracts => {
                for (const parsed of contracts) await expectSaneOutputs(parsed, original, 'random edits');
            });
        }), { numRuns: Number(process.env.CPOM_FUZZ_RUNS ?? 25) });
    }, 180_000);
});

describe('placeholders for what a broken text lacks', () => {
    it('a contract with a name only (printf \'contrat X\\n\'): every output, the title shown as missing', async () => {
        await withContracts(new Map([['c.cpom', 'contrat X\n']]), 'c.cpom', async ([parsed]) => {
            await expectSaneOutputs(parsed, undefined, 'contrat X');
            const html = (await everyOutput(parsed)).find(o => o.name === 'HTML')!.text;
            expect(html).toContain('[titre manquant]');
        });
    });
});
