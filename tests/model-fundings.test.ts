/**
 * The funding model (packages/language/src/model/fundings.ts): what a funding line's total is — yearly amounts
 * summed to the cent, no total for a tariff line (`€ par jour`), nothing for a line without amounts — its
 * distributions, the CNR, and a broken AST. Then the agreement it exists for: the generator's document, the JSON
 * export (read by the diff), the hover and inlay hint, the diff's description and the drafted avenant give the same total for every funding line of
 * every bundled contract.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GrammarUtils, type LangiumDocument } from 'langium';
import { clearDocuments, parseDocument } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { type AmountFigure, ast, contractFundings, formatEuros, fundingLine, type LineTotal, lineTotal } from '@cpom/language';
import { buildContractDocument, type Block, type CpomJson, exportContract, type Table } from '../packages/generator/src/index.js';
import { buildAvenantDocument, diffContracts } from '../packages/diff/src/index.js';
import { jsonAmountFigures } from '../packages/diff/src/funding-totals.js';
import { filesUnder, ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';
import { fundingHint } from '../packages/language/src/lsp/cpom-inlay-hints.js';
import { fundingTotals } from '../packages/language/src/lsp/cpom-facts.js';
import { compactEuros } from '../packages/language/src/lsp/cpom-french-labels.js';

const services = lspServices();

afterEach(async () => {
    await clearDocuments(services);
});

const yearly = (cents: number | undefined): AmountFigure => ({ cents, unit: 'year' });
const daily = (cents: number | undefined): AmountFigure => ({ cents, unit: 'day' });

describe('lineTotal', () => {
    const cases: Array<[string, AmountFigure[], LineTotal]> = [
        ['sums yearly amounts to the cent', [yearly(10), yearly(20), yearly(5_000_000_05)], { kind: 'yearly', cents: 5_000_000_35 }],
        ['a tariff line has no total', [daily(5840), daily(5905)], { kind: 'daily' }],
        ['a line mixing units is a tariff line, its yearly part not summed', [yearly(100_000_00), daily(5840)], { kind: 'daily' }],
        ['no amount is no total, not 0 €', [], { kind: 'none' }],
        ['an invalid amount counts for nothing (CPOM009 reports it)', [yearly(100), yearly(undefined), yearly(200)], { kind: 'yearly', cents: 300 }],
        ['a yearly line of zeros totals 0 €', [yearly(0), yearly(0)], { kind: 'yearly', cents: 0 }],
        ['no valid amount is no total', [yearly(undefined), daily(undefined)], { kind: 'none' }],
        ['an invalid amount counts for nothing, its unit included', [yearly(100), daily(undefined)], { kind: 'yearly', cents: 100 }],
    ];
    it.each(cases)('%s', (_, amounts, expected) => {
        expect(lineTotal(amounts)).toEqual(expected);
    });

    it('reads the JSON amounts in euros exactly (0,1 + 0,2 is 30 cents)', () => {
        expect(lineTotal(jsonAmountFigures({ amounts: [{ year: 2019, amount: 0.1 }, { year: 2020, amount: 0.2 }] }))).toEqual({ kind: 'yearly', cents: 30 });
        expect(lineTotal(jsonAmountFigures({ amounts: [{ year: 2019, amount: 58.4, perDay: true }] }))).toEqual({ kind: 'daily' });
        expect(lineTotal(jsonAmountFigures({}))).toEqual({ kind: 'none' });
        // A year exported twice (CPOM058): the first, as in the text.
        expect(lineTotal(jsonAmountFigures({ amounts: [{ year: 2019, amount: 1 }, { year: 2019, amount: 9 }, { year: 2020, amount: 2 }] }))).toEqual({ kind: 'yearly', cents: 300 });
    });
});

/** A contract 2019–2021 with the given `moyens` items. */
function contractWith(moyens: string): string {
    return `contrat C "Contrat" {
    effet 2019-01-01
    fin 2021-12-31
    périmètre {
        établissement A "Établissement A" { finess 210999025 }
        établissement B "Établissement B" { finess 210999033 }
    }
    moyens {
${moyens}
    }
}
`;
}

async function fundingsOf(text: string) {
    const document = await parseDocument(services, text);
    const contract = (document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
    return contractFundings(contract);
}

describe('contractFundings', () => {
    interface LineCase {
        readonly name: string;
        readonly moyens: string;
        readonly total: LineTotal;
        readonly amounts: ReadonlyArray<[number, number | undefined, 'year' | 'day']>;
        readonly distributions?: ReadonlyArray<{ year: number; sumCents: number | undefined; amountCents: number | undefined; comparable: boolean }>;
    }
    const cases: LineCase[] = [
        {
            name: 'yearly amounts',
            moyens: 'dotation D "D" { montants 2019: 1 000 000 €, 2020: 1 010 000,50 €, 2021: 1 020 000 € }',
            total: { kind: 'yearly', cents: 3_030_000_50 },
            amounts: [[2019, 1_000_000_00, 'year'], [2020, 1_010_000_50, 'year'], [2021, 1_020_000_00, 'year']],
        },
        {
            name: 'daily tariffs',
            moyens: 'tarif T "T" { montants 2019: 58,40 € par jour, 2020: 59,05 € par jour, 2021: 59,70 € par jour }',
            total: { kind: 'daily' },
            amounts: [[2019, 5840, 'day'], [2020, 5905, 'day'], [2021, 5970, 'day']],
        },
        {
            name: 'a missing year counts for nothing, years in order',
            moyens: 'dotation D "D" { montants 2021: 300 €, 2019: 100 € }',
            total: { kind: 'yearly', cents: 400_00 },
            amounts: [[2019, 100_00, 'year'], [2021, 300_00, 'year']],
        },
        {
            name: 'the first amount of a year typed twice',
            moyens: 'dotation D "D" { montants 2019: 100 €, 2019: 999 €, 2020: 200 € }',
            total: { kind: 'yearly', cents: 300_00 },
            amounts: [[2019, 100_00, 'year'], [2020, 200_00, 'year']],
        },
        {
            name: 'a tariff line with a tariff to the tenth of a cent',
            moyens: 'tarif T "T" { montants 2019: 58,405 € par jour, 2020: 59 € par jour }',
            total: { kind: 'daily' },
            amounts: [[2019, undefined, 'day'], [2020, 5900, 'day']],
        },
        {
            name: 'no valid amount',
            moyens: 'tarif T "T" { montants 2019: 58,405 € par jour }',
            total: { kind: 'none' },
            amounts: [[2019, undefined, 'day']],
        },
        {
            name: 'an amount not to the cent',
            moyens: 'dotation D "D" { montants 2019: 100,001 €, 2020: 200 € }',
            total: { kind: 'yearly', cents: 200_00 },
            amounts: [[2019, undefined, 'year'], [2020, 200_00, 'year']],
        },
        {
            name: 'distributions that sum, that do not, and of a year without amount',
            moyens: `dotation D "D" {
                montants 2019: 1 000 €, 2020: 2 000 €
                répartition 2019 { A: 600 €  B: 400 € }
                répartition 2020 { A: 600 €  B: 400 € }
                répartition 2021 { A: 1 € }
            }`,
            total: { kind: 'yearly', cents: 3000_00 },
            amounts: [[2019, 1000_00, 'year'], [2020, 2000_00, 'year']],
            distributions: [
                { year: 2019, sumCents: 1000_00, amountCents: 1000_00, comparable: true },
                { year: 2020, sumCents: 1000_00, amountCents: 2000_00, comparable: true },
                { year: 2021, sumCents: 1_00, amountCents: undefined, comparable: true },
            ],
        },
        {
            name: 'distributions of a tariff line and with an invalid share are not compared',
            moyens: `tarif T "T" {
                montants 2019: 58,40 € par jour
                répartition 2019 { A: 58,40 € par jour }
            }
            dotation D "D" {
                montants 2019: 1 000 €
                répartition 2019 { A: 999,999 € }
            }`,
            total: { kind: 'daily' },
            amounts: [[2019, 5840, 'day']],
            distributions: [{ year: 2019, sumCents: 5840, amountCents: 5840, comparable: false }],
        },
    ];

    it.each(cases)('$name', async ({ moyens, total, amounts, distributions }) => {
        const document = await parseDocument(services, contractWith(moyens));
        const contract = (document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
        const line = contractFundings(contract).lines[0];
        expect(line.total).toEqual(total);
        // The diff reads the JSON export: the same total from there.
        expect(lineTotal(jsonAmountFigures(exportContract(contract, []).contract.funding.lines[0]))).toEqual(total);
        expect(line.totalCents).toBe(total.kind === 'yearly' ? total.cents : undefined);
        expect(line.daily).toBe(total.kind === 'daily');
        expect(line.amounts.map(a => [a.year, a.cents, a.unit])).toEqual(amounts);
        if (distributions) {
            expect(line.distributions.map(d => ({ year: d.year, sumCents: d.sumCents, amountCents: d.amountCents, comparable: d.comparable }))).toEqual(distributions);
        }
    });

    it('reads the line: kind, nature, payer, source, establishments', async () => {
        const text = contractWith(`dotation D "Dotation" {
            nature dotation_globalisée_commune
            financeur ARS
            financement assurance_maladie
            établissements A, B, INCONNU
            montants 2019: 1 €
        }`).replace('    moyens {', '    autorité ARS ars "Agence régionale de santé"\n    moyens {');
        const document = await parseDocument(services, text);
        expect(document.parseResult.parserErrors).toEqual([]);
        const line = contractFundings((document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!).lines[0];
        expect([line.kind, line.name, line.title, line.nature, line.source, line.payer?.name]).toEqual(['dotation', 'D', 'Dotation', 'dotation_globalisee_commune', 'assurance_maladie', 'ARS']);
        expect(line.establishments.map(e => e.name)).toEqual(['A', 'B']);
    });

    it('totals yearly lines and yearly CNR by year, tariff lines and CNR per day left out', async () => {
        const fundings = await fundingsOf(contractWith(`
            dotation D "D" { montants 2019: 1 000 €, 2020: 2 000 € }
            tarif T "T" { montants 2019: 58,40 € par jour, 2020: 59 € par jour }
            dotation M "Mixte" { montants 2019: 500 €, 2020: 60 € par jour }
            cnr "Travaux" 2020: 300 €
            cnr "Tarif" 2020: 10 € par jour
            cnr "Faux" 2021: 1,001 €`));
        expect(fundings.lines.map(l => l.total.kind)).toEqual(['yearly', 'daily', 'daily']);
        expect([...fundings.linesByYear]).toEqual([[2019, 1000_00], [2020, 2000_00]]);
        expect([...fundings.byYear]).toEqual([[2019, 1000_00], [2020, 2300_00]]);
        expect(fundings.cnrTotalCents).toBe(300_00);
        expect(fundings.totalCents).toBe(3300_00);
        expect(fundings.cnr.map(c => [c.title, c.year, c.cents, c.unit])).toEqual([
            ['Travaux', 2020, 300_00, 'year'], ['Tarif', 2020, 10_00, 'day'], ['Faux', 2021, undefined, 'year'],
        ]);
    });

    it('is computed once per contract node', async () => {
        const document = await parseDocument(services, contractWith('dotation D "D" { montants 2019: 1 € }'));
        const contract = (document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
        expect(contractFundings(contract)).toBe(contractFundings(contract));
        expect(contractFundings(contract).lines[0]).toBe(fundingLine(contract.clauses.find(ast.isMoyens)!.items.find(ast.isFinancement)!));
    });

    it('never throws on a broken AST: the contract cut anywhere', async () => {
        const text = contractWith(`
            dotation D "D" { montants 2019: 1 000 €, 2020: 2 000 € répartition 2019 { A: 600 € B: 400 € } }
            tarif T "T" { montants 2019: 58,40 € par jour }
            cnr "Travaux" 2020: 300 € pour A`);
        for (let cut = 0; cut <= text.length; cut += 7) {
            const document = await parseDocument(services, text.slice(0, cut));
            for (const contract of (document.parseResult.value as ast.CpomFile).elements?.filter(ast.isContrat) ?? []) {
                const fundings = contractFundings(contract);
                expect(Number.isInteger(fundings.totalCents)).toBe(true);
            }
        }
    });
});

// --- Agreement over the bundled contracts ------------------------------------------------------------------

const BUNDLED = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];

function tables(blocks: readonly Block[]): Table[] {
    return blocks.flatMap(b => b.kind === 'table' ? [b] : b.kind === 'section' ? tables(b.blocks) : []);
}

function cellText(cell: Table['rows'][number][number] | undefined): string | undefined {
    return typeof cell === 'string' ? cell : cell?.text;
}

async function hoverOn(document: LangiumDocument, funding: ast.Financement): Promise<string> {
    const position = GrammarUtils.findNodeForProperty(funding.$cstNode, 'name')!.range.start;
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

/** The JSON without one funding line, to make the diff describe that line's removal. */
function withoutLine(json: CpomJson, id: string): CpomJson {
    const copy = JSON.parse(JSON.stringify(json)) as CpomJson;
    copy.contract.funding.lines = copy.contract.funding.lines.filter(l => l.id !== id);
    return copy;
}

describe('every output gives the same total for every funding line of every bundled contract', () => {
    it.each(BUNDLED.map(f => [path.relative(ROOT, f), f]))('%s', async (_, file) => {
        const document = await parseDocument(services, readFileSync(file, 'utf8'), { documentUri: `file:///bundled/${path.basename(file)}` });
        const contracts = (document.parseResult.value as ast.CpomFile).elements.filter(ast.isContrat);
        for (const contract of contracts) {
            const json = exportContract(contract, []);
            const contractDocument = buildContractDocument(contract);
            const allTables = [...tables(contractDocument.body), ...tables(contractDocument.annexes)];
            const moyensTable = allTables.find(t => t.caption === 'Financements')!;
            const annexTable = allTables.find(t => t.caption === 'Financements par année')!;
            const expectedByYear = new Map<number, number>();
            for (const funding of contract.clauses.filter(ast.isMoyens).flatMap(m => m.items.filter(ast.isFinancement))) {
                const model = fundingLine(funding).total;
                expect(model.kind).not.toBe('none');
                const jsonLine = json.contract.funding.lines.find(l => l.id === funding.name)!;
                // The JSON export, as the diff and the avenant read it.
                expect(lineTotal(jsonAmountFigures(jsonLine))).toEqual(model);
                if (model.kind === 'yearly') {
                    for (const a of jsonLine.amounts) expectedByYear.set(a.year, (expectedByYear.get(a.year) ?? 0) + Math.round(a.amount * 100));
                }
                const shown = model.kind === 'yearly' ? formatEuros(model.cents) : 'tarif journalier';
                // The generator: "Total sur la durée" of the Moyens article.
                expect(cellText(moyensTable.rows.find(r => cellText(r[0]) === funding.title)?.at(-1))).toBe(shown);
                // The hover of the line: a Total row for a yearly line only.
                const hover = await hoverOn(document, funding);
                expect(hover.match(/\| \*\*Total\*\* \| \*\*(.*)\*\* \|/)?.[1]).toBe(model.kind === 'yearly' ? shown : undefined);
                // The inlay hint at the end of `montants`: the total of a yearly line, the evolution of a tariff.
                const hint = fundingHint(funding, fundingTotals(contract));
                if (model.kind === 'yearly') expect(hint).toMatch(new RegExp(`^total ${compactEuros(model.cents)}( ·|$)`));
                else expect(hint).not.toMatch(/^total/);
                // The diff: the line's removal is described with its total.
                const removal = diffContracts(json, withoutLine(json, funding.name)).changes.find(c => c.kind === 'remove' && c.path.at(-2) === 'lines');
                expect(removal?.description).toContain(model.kind === 'yearly' ? `(${shown} sur la durée)` : '(tarif journalier)');
                // The avenant that adds the line states its total.
                const without = withoutLine(json, funding.name);
                const avenant = JSON.stringify(buildAvenantDocument(diffContracts(without, json), without, json, { number: 1 }));
                expect(avenant).toContain(model.kind === 'yearly' ? `pour un montant total de ${shown} sur la durée du contrat` : 'selon les tarifs journaliers');
            }
            // The financial annex: totals per year of the yearly lines.
            const years = annexTable.columns.slice(1).map(c => Number(c.label));
            expect(annexTable.footer![0].slice(1).map(cellText)).toEqual(years.map(y => formatEuros(expectedByYear.get(y) ?? 0)));
        }
    });
});

describe('outputs where the old computations disagreed', () => {
    const TEXT = contractWith(`
            dotation D "Yearly" { montants 2019: 1 000 €, 2020: 2 000 €, 2021: 3 000 € }
            dotation M "Mixed" { montants 2019: 500 €, 2020: 60 € par jour, 2021: 61 € par jour }
            dotation E "Empty" { nature dotation_globale }
            cnr "Travaux" 2020: 300 €
            cnr "Tarif" 2020: 10 € par jour`);

    async function outputs() {
        const document = await parseDocument(services, TEXT);
        const contract = (document.parseResult.value as ast.CpomFile).elements.find(ast.isContrat)!;
        const json = exportContract(contract, []);
        const contractDocument = buildContractDocument(contract);
        const allTables = [...tables(contractDocument.body), ...tables(contractDocument.annexes)];
        const removal = (id: string) => diffContracts(json, withoutLine(json, id)).changes.find(c => c.kind === 'remove' && c.path.at(-2) === 'lines')?.description;
        return { json, allTables, removal };
    }

    it('a line mixing yearly amounts and daily tariffs is a tariff line everywhere (the diff summed its yearly part)', async () => {
        const { json, allTables, removal } = await outputs();
        expect(cellText(allTables.find(t => t.caption === 'Financements')!.rows[1].at(-1))).toBe('tarif journalier');
        expect(removal('M')).toContain('(tarif journalier)');
        expect(diffContracts(json, withoutLine(json, 'E')).summary.fundingOld).toBe(6000);
        expect(allTables.find(t => t.caption === 'Financements par année')!.footer![0].slice(1).map(cellText))
            .toEqual([formatEuros(1000_00), formatEuros(2000_00), formatEuros(3000_00)]);
    });

    it('a line without amounts has no total (the generator and the diff said 0 €)', async () => {
        const { allTables, removal } = await outputs();
        expect(cellText(allTables.find(t => t.caption === 'Financements')!.rows[2].at(-1))).toBe('[montant manquant]');
        expect(removal('E')).toContain('(aucun montant)');
    });

    it('a CNR per day stays out of the CNR total (the generator and the avenant added it)', async () => {
        const { json, allTables } = await outputs();
        expect(cellText(allTables.find(t => t.caption === 'Crédits non reconductibles')!.footer![0].at(-1))).toBe(formatEuros(300_00));
        const without = withoutLine(json, 'D');
        const avenant = buildAvenantDocument(diffContracts(without, json), without, json, { number: 1 });
        const cnrTable = tables(avenant.annexes).find(t => t.caption === 'Crédits non reconductibles');
        expect(cellText(cnrTable?.footer![0].at(-1))).toBe(formatEuros(300_00));
    });
});
