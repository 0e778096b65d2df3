/**
 * The semantic diff (@cpom/diff).
 *
 * - Fixtures: each folder of tests/fixtures/diff/ holds `old.cpom`, `new.cpom` and `expected.json` (the headline,
 *   whether an avenant is needed, and the exact change records); a case without expected.json fails.
 *   `UPDATE_GOLDEN=1 npx vitest run tests/diff.test.ts` writes the expected files: review their diff by hand.
 * - Properties (fast-check): a contract against itself, against a copy whose JSON arrays and keys are shuffled, and
 *   against a randomly reformatted text (clauses shuffled in every block, indentation, blank lines, comments, line
 *   breaks, number spacing, accents in keywords, typographic quotes) has no change.
 * - The JSON output of `cpom diff --format json` validates against schemas/cpom-diff-v1.schema.json.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { ast, createCpomServices } from '@cpom/language';
import { type CpomJson, exportContract } from '@cpom/generator';
import { type ChangeRecord, diffContracts, formatDiffMarkdown, formatDiffText, type SemanticDiff } from '@cpom/diff';
import { renderFileDiffs } from '../packages/cli/src/file-diff.js';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';
import { parseClauses, reformatted } from './reformat.js';
import { runCpom } from './cli-run.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/diff');
/** UPDATE_GOLDEN=1 (as for the other golden files; UPDATE_DIFF=1 still works) rewrites the expected.json files. */
const UPDATE = process.env.UPDATE_GOLDEN === '1' || process.env.UPDATE_DIFF === '1';
const CASES = readdirSync(FIXTURES).filter(name => existsSync(path.join(FIXTURES, name, 'old.cpom'))).sort();
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/cpom-diff-v1.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);

function schemaErrors(value: unknown): string[] {
    return validate(value) ? [] : (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Loads a file as `cpom diff` does (with what it imports) and exports its contracts with their avenants. */
async function exportFile(file: string): Promise<CpomJson[]> {
    // One parser for every file (building one costs a fraction of a second), emptied after each, as `cpom diff` does.
    const services = fileServices ??= createServices();
    const workspace = await loadWorkspace(services, [file]);
    try {
        const root = workspace.files[0].document.parseResult.value;
        expect(workspace.files[0].document.parseResult.parserErrors, file).toEqual([]);
        const index = services.Cpom.cpom.WorkspaceIndex;
        return ast.isCpomFile(root) ? root.elements.filter(ast.isContrat).map(c => exportContract(c, index.avenantsOf(c))) : [];
    } finally {
        await services.shared.workspace.DocumentBuilder.update([], workspace.files.map(f => f.uri));
    }
}
let fileServices: ReturnType<typeof createServices> | undefined;

const memory = createCpomServices(EmptyFileSystem);
let counter = 0;

/** Parses a text in memory (no imports) and exports its first contract; undefined if it does not parse. */
async function exportText(text: string): Promise<CpomJson | { errors: string[] }> {
    const { shared } = memory;
    const uri = URI.parse(`memory:///diff-${counter++}.cpom`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const errors = [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
        if (errors.length > 0) return { errors };
        const root = document.parseResult.value as ast.CpomFile;
        const contract = root.elements.find(ast.isContrat)!;
        return exportContract(contract, root.elements.filter(ast.isAvenant));
    } finally {
        await shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/** What expected.json holds: plain JSON (no undefined fields). */
interface Expected {
    readonly headline: string;
    readonly needsAvenant: boolean;
    readonly changes: ChangeRecord[];
}

function expectedOf(diff: SemanticDiff): Expected {
    return JSON.parse(JSON.stringify({ headline: diff.summary.headline, needsAvenant: diff.summary.needsAvenant, changes: diff.changes })) as Expected;
}

const diffs = new Map<string, SemanticDiff>();
const versions = new Map<string, [CpomJson, CpomJson]>();

beforeAll(async () => {
    for (const name of CASES) {
        const [before] = await exportFile(path.join(FIXTURES, name, 'old.cpom'));
        const [after] = await exportFile(path.join(FIXTURES, name, 'new.cpom'));
        versions.set(name, [before, after]);
        diffs.set(name, diffContracts(before, after));
    }
}, 180_000);

describe('diff fixtures (tests/fixtures/diff/<case>/old.cpom, new.cpom, expected.json)', () => {
    it('has the cases the issue asks for', () => {
        expect(CASES).toEqual(expect.arrayContaining([
            'reorder-only', 'format-only', 'comment-only', 'establishment-added', 'establishment-removed',
            'establishment-renamed', 'objective-moved', 'target-changed', 'funding-changed', 'duration-end-date',
            'duration-prorogation', 'signatory-added', 'editorial-only', 'avenant-added',
        ]));
    });

    it.each(CASES)('%s gives the expected change records (UPDATE_GOLDEN=1 rewrites them)', (name) => {
        const file = path.join(FIXTURES, name, 'expected.json');
        const actual = expectedOf(diffs.get(name)!);
        if (UPDATE) {
            writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
        }
        // A missing expectation is a failure, not a pass: writing it would accept whatever the diff says today.
        expect(existsSync(file), `${path.relative(ROOT, file)} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/diff.test.ts and review it`).toBe(true);
        expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')) as Expected);
    });

    it.each(CASES)('%s: the reverse diff mirrors it (add ↔ remove, same areas and classification)', (name) => {
        const [before, after] = versions.get(name)!;
        const forward = diffs.get(name)!.changes;
        const backward = diffContracts(after, before).changes;
        const mirror = { add: 'remove', remove: 'add', change: 'change', rename: 'rename', move: 'move' } as const;
        const signature = (c: ChangeRecord, kind: string) => `${kind} ${c.area} ${String(c.substantive)}`;
        expect(backward.map(c => signature(c, c.kind)).sort()).toEqual(forward.map(c => signature(c, mirror[c.kind])).sort());
    });

    it.each(CASES)('%s validates against schemas/cpom-diff-v1.schema.json', (name) => {
        expect(schemaErrors(JSON.parse(JSON.stringify(diffs.get(name))))).toEqual([]);
    });

    it('counts the summary from the records', () => {
        for (const diff of diffs.values()) {
            const s = diff.summary;
            expect(s.changes).toBe(diff.changes.length);
            expect(s.substantive + s.editorial + s.avenantChanges).toBe(s.changes);
            expect(s.needsAvenant).toBe(s.substantive > 0 || (s.signedAvenantsEdited?.length ?? 0) > 0);
            expect(s.avenantChanges).toBe(diff.changes.filter(c => c.area === 'avenants').length);
            expect(diff.changes.filter(c => c.area === 'avenants' && c.substantive)).toEqual([]);
        }
    });
});

describe('what the records say', () => {
    const only = (name: string) => {
        const changes = diffs.get(name)!.changes;
        expect(changes).toHaveLength(1);
        return changes[0];
    };

    it('reordering, reformatting and comments change nothing', () => {
        for (const name of ['reorder-only', 'format-only', 'comment-only']) {
            expect(diffs.get(name)!.changes, name).toEqual([]);
            expect(diffs.get(name)!.summary.headline).toBe('aucun changement');
        }
    });

    it('a renamed establishment (same FINESS) is one rename, and the references to it follow', () => {
        const change = only('establishment-renamed');
        expect(change).toMatchObject({ kind: 'rename', from: 'ESAT_LYON', to: 'ESAT_LYON_GERLAND', substantive: false });
    });

    it('an objective that changes axis is one move', () => {
        expect(only('objective-moved')).toMatchObject({ kind: 'move', from: 'A2', to: 'A1', path: ['axes', 'A1', 'objectives', 'O2_1'] });
    });

    it('says a target change in the contract\'s units, and a funding change with its delta', () => {
        expect(only('target-changed').description).toBe('cible 2017 de «\u00A0Taux d\'occupation des places\u00A0» : 97\u202F% → 98\u202F%');
        expect(only('funding-changed').description).toBe('dotation «\u00A0Dotation globalisée commune des ESAT\u00A0» 2015 : +41\u202F915\u202F€ (4\u202F233\u202F415\u202F€ → 4\u202F275\u202F330\u202F€)');
        expect(only('funding-changed')).toMatchObject({ before: '4\u202F233\u202F415\u202F€', after: '4\u202F275\u202F330\u202F€ (+41\u202F915\u202F€)' });
        expect(diffs.get('funding-changed')!.summary.headline).toBe('financement +0,2\u202F%');
    });

    it('an avenant added to the file is an avenant record, and needs no other avenant', () => {
        const diff = diffs.get('avenant-added')!;
        expect(only('avenant-added')).toMatchObject({ kind: 'add', area: 'avenants', substantive: false, path: ['avenants', '2'] });
        expect(diff.summary).toMatchObject({ needsAvenant: false, avenantsAdded: 1, editorial: 0, headline: '1 avenant ajouté' });
    });

    it('editorial changes need no avenant', () => {
        const diff = diffs.get('editorial-only')!;
        expect(diff.changes.length).toBeGreaterThan(3);
        expect(diff.changes.every(c => !c.substantive)).toBe(true);
        expect(diff.summary.needsAvenant).toBe(false);
    });

    it('writes the headline in the issue\'s style: establishments, targets, funding rate, then the rest', async () => {
        const seed = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
        const establishments = ['ESAT_ROMANS', 'ESAT_VIENNE', 'ESAT_THONON'].map((id, i) => `        établissement ${id} "ESAT MESSIDOR ${id}" {
            finess ${['260999024', '380999045', '740999024'][i]}
            catégorie ESAT 246
            département ${['26', '38', '74'][i]}
            capacité 30 places
            tarification ARS_RA
        }\n`).join('');
        let text = seed.replace('    périmètre {\n', `    périmètre {\n${establishments}`);
        // Twelve targets one point higher; 444 553 € more in 2017 (+2,1 % over the five years).
        let raised = 0;
        text = text.replace(/2016: (\d+)( %)?, 2017: (\d+)/g, (line: string, a: string, unit: string | undefined, b: string) => (raised++ < 6
            ? `2016: ${Number(a) + 1}${unit ?? ''}, 2017: ${Number(b) + 1}`
            : line));
        text = text.replace('2017: 4 318 506,64 €', '2017: 4 763 059,64 €');
        const before = await exportText(seed);
        const after = await exportText(text);
        const diff = diffContracts(before as CpomJson, after as CpomJson);
        expect(diff.summary.headline).toBe('3 établissements ajoutés, 12 cibles modifiées, financement +2,1\u202F%');
    });

    it('formats: text lists substantive changes, then the avenants, then wording; Markdown shows the values', () => {
        const text = formatDiffText(diffs.get('target-changed')!);
        expect(text).toContain('Changements de fond (avenant nécessaire) :\n  ~ cible 2017 de «\u00A0Taux d\'occupation des places\u00A0» : 97\u202F% → 98\u202F%');
        const markdown = formatDiffMarkdown(diffs.get('target-changed')!);
        // The values are in their columns, not repeated in the change's wording.
        expect(markdown).toContain('| ✏️ | cible 2017 de «\u00A0Taux d\'occupation des places\u00A0» | 97\u202F% | 98\u202F% |');
        expect(markdown.startsWith('**CPOM MESSIDOR')).toBe(true);
        // A long text changed: its words removed and added.
        const preamble = formatDiffMarkdown(diffs.get('editorial-only')!);
        expect(preamble).toMatch(/> .*(~~|\*\*)/);
        expect(formatDiffText(diffs.get('editorial-only')!)).toMatch(/\[-.*-\]|\{\+.*\+\}/);
        expect(formatDiffText(diffs.get('avenant-added')!)).toContain('Avenants :\n  + avenant n°\u00A02 ajouté');
        expect(formatDiffMarkdown(diffs.get('editorial-only')!)).toContain('Pas de changement de fond : pas d\'avenant nécessaire.');
    });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Single-file contracts (no imports): the clean base, the seed, two examples. */
const CONTRACTS = [
    path.join(ROOT, 'tests/fixtures/clean/base.cpom'),
    ...filesUnder(path.join(ROOT, 'seeds'), '.cpom'),
    path.join(ROOT, 'examples/ehpad-ivter/cpom-ehpad-dordogne.cpom'),
    path.join(ROOT, 'examples/handicap-conjoint/cpom-estuaire-handicap.cpom'),
];

/** Every array shuffled, every object's keys in another order: the same contract for the diff. */
function shuffledJson(value: unknown, random: () => number): unknown {
    if (Array.isArray(value)) {
        const items = value.map(v => shuffledJson(v, random));
        for (let i = items.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [items[i], items[j]] = [items[j], items[i]];
        }
        return items;
    }
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value).map(([k, v]) => [k, shuffledJson(v, random)] as const);
        entries.sort(() => random() - 0.5);
        return Object.fromEntries(entries);
    }
    return value;
}

describe('properties', () => {
    const exported = new Map<string, CpomJson>();
    beforeAll(async () => {
        for (const file of CONTRACTS) {
            for (const json of await exportFile(file)) exported.set(`${path.basename(file)} ${json.contract.id}`, json);
        }
        // The contract of the avenant example with its two avenants: the whole folder in one workspace.
        const services = createServices();
        const workspace = await loadWorkspace(services, filesUnder(path.join(ROOT, 'examples/avenant-catalogue'), '.cpom'));
        for (const file of workspace.files) {
            const root = file.document.parseResult.value;
            if (!ast.isCpomFile(root)) continue;
            for (const c of root.elements.filter(ast.isContrat)) {
                exported.set(`${path.basename(file.path)} ${c.name}`, exportContract(c, services.Cpom.cpom.WorkspaceIndex.avenantsOf(c)));
            }
        }
        exported.set('avenant-added ', versions.get('avenant-added')![1]);
    }, 180_000);

    it('between any two bundled contracts, or one and an empty contract: worded records, valid JSON, mirrored reverse', () => {
        const all = [...exported.values()];
        expect(all.some(j => j.contract.avenants.length === 2)).toBe(true);
        const empty = (j: CpomJson) => ({ ...j, contract: { id: j.contract.id, title: j.contract.title } }) as CpomJson;
        const mirror = { add: 'remove', remove: 'add', change: 'change', rename: 'rename', move: 'move' } as const;
        let records = 0;
        for (const a of all) {
            for (const b of [...all, empty(a)]) {
                const forward = diffContracts(a, b);
                const backward = diffContracts(b, a);
                records += forward.changes.length;
                for (const c of [...forward.changes, ...backward.changes]) {
                    // Every record is worded by its own rule, never by the generic fallback ("perimeter › …").
                    expect(c.description, c.path.join('.')).not.toMatch(/›|undefined|\[object|NaN|null|"/);
                }
                expect(schemaErrors(JSON.parse(JSON.stringify(forward)))).toEqual([]);
                const signature = (c: ChangeRecord, kind: string) => `${kind} ${c.area} ${String(c.substantive)}`;
                expect(backward.changes.map(c => signature(c, c.kind)).sort()).toEqual(forward.changes.map(c => signature(c, mirror[c.kind])).sort());
            }
        }
        expect(records).toBeGreaterThan(1000);
    });

    it('a contract against itself has no change', () => {
        expect(exported.size).toBeGreaterThanOrEqual(5);
        for (const [name, json] of exported) {
            const diff = diffContracts(json, JSON.parse(JSON.stringify(json)) as CpomJson);
            expect(diff.changes, name).toEqual([]);
            expect(diff.summary.headline).toBe('aucun changement');
        }
    });

    it('a contract against its JSON with every array and key order shuffled has no change', () => {
        const names = [...exported.keys()];
        fc.assert(fc.property(fc.constantFrom(...names), fc.integer(), (name, seed) => {
            let state = seed >>> 0;
            const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
            const json = exported.get(name)!;
            expect(diffContracts(json, shuffledJson(json, random) as CpomJson).changes).toEqual([]);
        }), { numRuns: 200 });
    });

    it.each(CONTRACTS.map(f => path.relative(ROOT, f)))('%s against random reformattings of its text has no change', async (file) => {
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        expect(parseClauses(text).length).toBeGreaterThan(0);
        const original = await exportText(text);
        expect('errors' in original ? original.errors : []).toEqual([]);
        await fc.assert(fc.asyncProperty(reformatted(text), async (variant) => {
            const json = await exportText(variant);
            if ('errors' in json) expect.fail(`the reformatted text does not parse: ${json.errors.join('; ')}\n${variant}`);
            const changes = diffContracts(original as CpomJson, json).changes;
            if (changes.length > 0) expect.fail(`${changes.map(c => c.description).join('\n')}\n--- text:\n${variant}`);
        }), { numRuns: file.includes('base') ? 40 : 15 });
    });
});

// ---------------------------------------------------------------------------------------------
// The command's JSON output

describe('cpom diff --format json validates against schemas/cpom-diff-v1.schema.json', () => {
    async function cpom(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
        return runCpom(args, cwd);
    }

    it('one contract: a SemanticDiff, with the files as labels', async () => {
        for (const name of ['establishment-added', 'avenant-added', 'reorder-only']) {
            const dir = path.join('tests/fixtures/diff', name);
            const run = await cpom(['diff', path.join(dir, 'old.cpom'), path.join(dir, 'new.cpom'), '--format', 'json']);
            expect(run.stderr).toBe('');
            const output = JSON.parse(run.stdout) as SemanticDiff;
            expect(schemaErrors(output)).toEqual([]);
            expect(output.old.label).toBe(path.join(dir, 'old.cpom'));
            expect(output.changes).toEqual(JSON.parse(JSON.stringify(diffs.get(name)!.changes)));
        }
    });

    it('several contracts in a file: { formatVersion, diffs }', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'cpom-diff-'));
        const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
        const two = (text: string) => `${text}\n${text.replace(/CPOM_MESSIDOR_2013/g, 'CPOM_BIS')}`;
        writeFileSync(path.join(dir, 'old.cpom'), two(base));
        writeFileSync(path.join(dir, 'new.cpom'), two(base.replace('capacite 120 places', 'capacite 125 places')));
        const run = await cpom(['diff', 'old.cpom', 'new.cpom', '--format', 'json'], dir);
        const output = JSON.parse(run.stdout) as { formatVersion: number; diffs: SemanticDiff[] };
        expect(schemaErrors(output)).toEqual([]);
        expect(output.diffs.map(d => d.summary.headline)).toEqual(['1 changement de fond', '1 changement de fond']);
    });

    it('revisions (cpom diff REV): { formatVersion, old, new, files }', () => {
        const text = renderFileDiffs({
            old: 'HEAD',
            files: [
                { status: 'modified', path: 'seeds/a.cpom', diffs: [diffs.get('target-changed')!, diffs.get('avenant-added')!] },
                { status: 'renamed', path: 'b.cpom', oldPath: 'old/b.cpom', diffs: [] },
                { status: 'modified', path: 'catalogue.cpom', importers: ['seeds/a.cpom'], diffs: [diffs.get('funding-changed')!] },
                { status: 'modified', path: 'broken.cpom', error: 'syntax error', diffs: [] },
            ],
        }, 'json', false);
        expect(schemaErrors(JSON.parse(text))).toEqual([]);
    });

    it('the schema rejects what is not a diff', () => {
        const diff = JSON.parse(JSON.stringify(diffs.get('target-changed'))) as Record<string, unknown>;
        expect(schemaErrors({ ...diff, formatVersion: 2 })).not.toEqual([]);
        expect(schemaErrors({ ...diff, extra: true })).not.toEqual([]);
        const change = (diff.changes as Array<Record<string, unknown>>)[0];
        expect(schemaErrors({ ...diff, changes: [{ ...change, kind: 'change', old: undefined }] })).not.toEqual([]);
        expect(schemaErrors({ ...diff, changes: [{ ...change, area: 'elsewhere' }] })).not.toEqual([]);
        expect(schemaErrors({ formatVersion: 1, diffs: [diff] })).toEqual([]);
        expect(schemaErrors({ formatVersion: 1, old: 'HEAD', new: null, files: [{ path: 'a.cpom', status: 'modified', diffs: [diff] }] })).toEqual([]);
    });
});
