/**
 * The places of change records (packages/diff/src/change-path.ts), over every path the diff emits: the diff
 * fixtures both ways, the bundled contracts against each other and against an empty contract, and the bundled
 * contracts against random edits of their JSON export.
 *
 * - Every path parses to a known place (never `unknown`).
 * - Every path is a place of the export's schema (schemas/cpom-v2.schema.json, through properties, items, $ref).
 * - No substantive change falls outside the articles of the contract (no `other` group), and every avenant
 *   drafted from these diffs words each change (no "à formuler par les parties").
 * - A change of no known place is named in a visible French sentence of the avenant.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ast } from '@cpom/language';
import { type CpomJson, exportContract } from '@cpom/generator';
import { type ChangeRecord, diffContracts, draftAvenant, groupChanges, parseChangePath, type SemanticDiff } from '@cpom/diff';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/diff');
const CASES = readdirSync(FIXTURES).filter(name => existsSync(path.join(FIXTURES, name, 'old.cpom'))).sort();
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/cpom-v2.schema.json'), 'utf8')) as SchemaNode;

interface SchemaNode {
    readonly $ref?: string;
    readonly properties?: Record<string, SchemaNode>;
    readonly items?: SchemaNode;
    readonly oneOf?: SchemaNode[];
    readonly anyOf?: SchemaNode[];
    readonly $defs?: Record<string, SchemaNode>;
}

/** Whether a change path (keys, with an identity for each array item) is a place of the schema's contract. */
function inSchema(node: SchemaNode, keys: readonly string[]): boolean {
    if (node.$ref !== undefined) {
        const name = node.$ref.replace('#/$defs/', '');
        const target = SCHEMA.$defs?.[name];
        return target !== undefined && inSchema(target, keys);
    }
    if (keys.length === 0) return true;
    const alternatives = node.oneOf ?? node.anyOf;
    if (alternatives) return alternatives.some(a => inSchema(a, keys));
    const [key, ...rest] = keys;
    if (node.items) return inSchema(node.items, rest);
    const property = node.properties?.[key];
    return property !== undefined && inSchema(property, rest);
}

/** A random generator from a seed: the edits are the same at each run. */
function seeded(seed: number): () => number {
    let state = seed >>> 0;
    return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every container of a JSON value with its key, to pick an edit from. */
function places(value: Json, found: Array<{ parent: Json[] | { [key: string]: Json }; key: string | number }> = []) {
    if (Array.isArray(value)) value.forEach((v, i) => { found.push({ parent: value, key: i }); places(v, found); });
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) { found.push({ parent: value, key: k }); places(v, found); }
    return found;
}

/** A copy of a contract with a few random edits: an item or a value removed, a number or a text changed. */
function edited(json: CpomJson, random: () => number): CpomJson {
    const copy = JSON.parse(JSON.stringify(json)) as { contract: Json };
    for (let n = 0; n < 4; n++) {
        const all = places(copy.contract);
        const { parent, key } = all[Math.floor(random() * all.length)];
        const value = (parent as Record<string | number, Json>)[key];
        if (typeof value === 'number') (parent as Record<string | number, Json>)[key] = value + 1;
        else if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) (parent as Record<string | number, Json>)[key] = `${value}X`;
        else if (Array.isArray(parent)) parent.splice(key as number, 1);
        // The export's lists and parts stay (the schema requires them); an optional value may go.
        else if (typeof value !== 'object' || value === null) delete (parent as Record<string, Json>)[key as string];
    }
    return copy as unknown as CpomJson;
}

async function exportFile(file: string): Promise<CpomJson[]> {
    const services = createServices();
    const workspace = await loadWorkspace(services, [file]);
    const root = workspace.files[0].document.parseResult.value;
    const index = services.Cpom.cpom.WorkspaceIndex;
    return ast.isCpomFile(root) ? root.elements.filter(ast.isContrat).map(c => exportContract(c, index.avenantsOf(c))) : [];
}

const BUNDLED = [
    path.join(ROOT, 'tests/fixtures/clean/base.cpom'),
    ...filesUnder(path.join(ROOT, 'seeds'), '.cpom'),
    path.join(ROOT, 'examples/ehpad-ivter/cpom-ehpad-dordogne.cpom'),
    path.join(ROOT, 'examples/handicap-conjoint/cpom-estuaire-handicap.cpom'),
];

/** Each diff with the versions it compares. */
const compared: Array<{ name: string; before: CpomJson; after: CpomJson; diff: SemanticDiff }> = [];

beforeAll(async () => {
    const compare = (name: string, before: CpomJson, after: CpomJson) => {
        compared.push({ name, before, after, diff: diffContracts(before, after) });
        compared.push({ name: `${name} (reverse)`, before: after, after: before, diff: diffContracts(after, before) });
    };
    for (const name of CASES) {
        const [before] = await exportFile(path.join(FIXTURES, name, 'old.cpom'));
        const [after] = await exportFile(path.join(FIXTURES, name, 'new.cpom'));
        compare(name, before, after);
    }
    const services = createServices();
    const workspace = await loadWorkspace(services, filesUnder(path.join(ROOT, 'examples/avenant-catalogue'), '.cpom'));
    const bundled: CpomJson[] = [];
    for (const file of workspace.files) {
        const root = file.document.parseResult.value;
        if (ast.isCpomFile(root)) bundled.push(...root.elements.filter(ast.isContrat).map(c => exportContract(c, services.Cpom.cpom.WorkspaceIndex.avenantsOf(c))));
    }
    for (const file of BUNDLED) bundled.push(...await exportFile(file));
    const empty = (j: CpomJson) => ({ ...j, contract: { id: j.contract.id, title: j.contract.title } }) as CpomJson;
    bundled.forEach((a, i) => {
        bundled.forEach((b, j) => { if (i < j) compare(`${a.contract.id} / ${b.contract.id}`, a, b); });
        compare(`${a.contract.id} / empty`, a, empty(a));
        const random = seeded(i + 1);
        for (let n = 0; n < 40; n++) compare(`${a.contract.id} / random edit ${n}`, a, edited(a, random));
    });
}, 120_000);

const records = (): Array<{ name: string; change: ChangeRecord }> => compared.flatMap(c => c.diff.changes.map(change => ({ name: c.name, change })));

describe('change paths', () => {
    it('every path the diff emits parses to a known place', () => {
        expect(records().length).toBeGreaterThan(3000);
        const unknown = records().filter(r => parseChangePath(r.change.path).kind === 'unknown').map(r => `${r.name}: ${r.change.path.join(' › ')}`);
        expect([...new Set(unknown)]).toEqual([]);
    });

    it('every path the diff emits is a place of schemas/cpom-v2.schema.json', () => {
        const contract = SCHEMA.properties!.contract;
        const outside = records().filter(r => !inSchema(contract, r.change.path)).map(r => `${r.name}: ${r.change.path.join(' › ')}`);
        expect([...new Set(outside)]).toEqual([]);
        // The walk can fail: a key the schema lacks, and a path that goes on past a value.
        expect(inSchema(contract, ['perimeter', 'establishments', 'E', 'capacity'])).toBe(false);
        expect(inSchema(contract, ['title', 'x'])).toBe(false);
        expect(inSchema(contract, ['avenants', '2', 'addedEstablishments', 'E', 'capacities', 'total', 'funded'])).toBe(true);
    });

    it('parses the places of the contract and of its avenants', () => {
        expect(parseChangePath(['axes', 'A1', 'objectives', 'O1', 'indicators', 'OCC', 'targets', '2017']))
            .toEqual({ kind: 'indicator-target', axis: 'A1', objective: 'O1', indicator: 'OCC', year: '2017' });
        expect(parseChangePath(['avenants', '1', 'funding', 'lines', 'DGC', 'amounts', '2015']))
            .toEqual({ kind: 'funding-amount', line: 'DGC', year: '2015', avenant: '1' });
        expect(parseChangePath(['perimeter', 'establishments', 'E', 'capacities', 'total', 'authorised']))
            .toEqual({ kind: 'capacity', establishment: 'E', modality: 'total', field: 'authorised' });
        expect(parseChangePath(['perimeter', 'establishments', 'E', 'colour'])).toEqual({ kind: 'unknown', path: ['perimeter', 'establishments', 'E', 'colour'] });
        expect(parseChangePath(['engagement', 'nomEngagement']).kind).toBe('unknown');
    });
});

describe('avenants drafted from these diffs', () => {
    it('put every substantive change in an article of the contract and word it', () => {
        const unworded: string[] = [];
        for (const { name, before, after, diff } of compared) {
            // Edits of signed avenants alone need an avenant, but give no article to amend.
            if (diff.summary.substantive === 0) continue;
            expect(groupChanges(diff).filter(g => g.kind === 'other').flatMap(g => g.changes.map(c => c.path.join(' › '))), name).toEqual([]);
            const text = JSON.stringify(draftAvenant(diff, before, after, { number: 9 }).document);
            if (text.includes('à formuler par les parties')) unworded.push(name);
        }
        expect(unworded).toEqual([]);
    });

    it('names a change of no known place in a visible sentence', () => {
        const { before, after, diff } = compared.find(c => c.diff.summary.needsAvenant)!;
        const stray: ChangeRecord = { kind: 'change', path: ['perimeter', 'establishments', 'E', 'colour'], area: 'perimeter', substantive: true, old: 'bleu', new: 'vert', description: 'couleur de E : bleu → vert' };
        const draft = draftAvenant({ ...diff, changes: [...diff.changes, stray] }, before, after, { number: 9 });
        const article = draft.metadata.articles.find(a => a.group === 'other');
        expect(article?.title).toBe('Autres modifications');
        expect(JSON.stringify(draft.document)).toContain('la modification suivante, que le présent avenant ne sait pas rédiger, est à formuler par les parties : couleur de E : bleu → vert');
    });

    /** Changes the drafter used to word by the diff's description, or wrongly ("supprimée" for a review moved). */
    type Contract = { followUp: { managementDialogues: Array<{ frequency: string }> }; funding: { modulations: Array<Record<string, unknown>> }; axes: Array<{ objectives: Array<{ indicators: Array<Record<string, unknown>> }> }>; engagement: Record<string, unknown> };
    const EDITS: Array<{ name: string; edit: (c: Contract) => void; expected: string }> = [
        { name: 'the frequency of the management dialogue', edit: c => { c.followUp.managementDialogues[0].frequency = 'semestriel'; }, expected: 'le dialogue de gestion entre les parties est désormais semestriel' },
        { name: 'the criterion of a modulation', edit: c => { c.funding.modulations[0].criterion = 'prestations'; }, expected: 'porte désormais sur le critère du' },
        { name: 'the formula of an indicator', edit: c => { c.axes[0].objectives[0].indicators[0].formula = 'journées / places'; }, expected: 'le mode de calcul de l\'indicateur' },
        { name: 'the payer of a CNR', edit: c => { delete (c.funding as unknown as { cnr: Array<Record<string, unknown>> }).cnr[0].payer; }, expected: 'le crédit non reconductible « Équipement de télémédecine » prévu en 2020 n\'est plus à la charge d\'un financeur désigné' },
        { name: 'the end date removed', edit: c => { delete c.engagement.dateFinEngagement; }, expected: 'la date de fin du contrat n\'est plus fixée (elle était le 31 décembre 2023)' },
    ];
    it.each(EDITS)('words $name in legal French', ({ edit, expected }) => {
        const before = compared.find(c => c.before.contract.id === 'CPOM_EHPAD_JARDINS_PERIGORD_2019')!.before;
        const after = JSON.parse(JSON.stringify(before)) as { contract: Contract };
        edit(after.contract);
        // Names are quoted with no-break spaces inside « »: compared as plain spaces.
        const text = JSON.stringify(draftAvenant(diffContracts(before, after as unknown as CpomJson), before, after as unknown as CpomJson, { number: 9 }).document).replace(/\u00a0/g, ' ');
        expect(text).toContain(expected);
        expect(text).not.toContain('est supprimé');
    });

    it.each([
        ['cnr-and-follow-up', 'la revue à mi-parcours est prévue en 2016, au lieu de 2015'],
        ['indicator-moved', 'l\'indicateur « Sorties vers le milieu ordinaire » est rattaché à l\'objectif « Multiplier les mises à disposition en entreprise », au lieu de l\'objectif « Garantir la continuité des parcours »'],
    ])('words the fixture %s (one way or the other): %s', (name, expected) => {
        const drafts = compared.filter(c => c.name === name || c.name === `${name} (reverse)`)
            .map(({ before, after, diff }) => JSON.stringify(draftAvenant(diff, before, after, { number: 9 }).document).replace(/\u00a0/g, ' '));
        expect(drafts).toHaveLength(2);
        expect(drafts.some(d => d.includes(expected)), expected).toBe(true);
    });
});
