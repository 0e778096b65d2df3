/** The annexes of an avenant: the fact sheets of the establishments entering the perimeter, the new financial annex. */
import {
    type Block, cnrTable, establishmentSheet, yearlyTotalLabel, fundingSummary, type FundingLineJson, indexationLabel, MISSING, orMissing, natureBesideTitle, paragraph, type Section,
} from '@cpom/generator';
import { cnrTotal, lineTotal, yearlyLineTotals } from '@cpom/language';
import { jsonAmountFigures, jsonCnrFigure } from '../funding-totals.js';
import { amountText, eurosText } from './context.js';
import { type DraftContext, section, FINANCIAL_ANNEX, FACT_SHEET_ANNEX } from './drafters/draft-context.js';

export function factSheetAnnex(ctx: DraftContext): Section {
    const blocks: Block[] = ctx.addedEstablishments.map(e => {
        const category = e.categorieEntiteGeographique;
        const h = e.habilitationAideSociale;
        return establishmentSheet({
            title: e.nomEgeLong,
            finess: e.numFinessEge,
            category: category ? { label: category.label ?? category.key ?? '', codes: [category.code] } : undefined,
            department: e.department,
            capacities: e.capacities ?? [],
            tarification: (e.tarificationAuthorities ?? []).map(a => ctx.versions.partyName(a)),
            habilitation: h ? ('scope' in h ? { scope: h.scope } : { places: h.places }) : undefined,
            address: e.address,
            activeFile: e.activeFile,
            publics: e.publics,
            activities: e.activities,
        });
    });
    return section(FACT_SHEET_ANNEX, 'annex', 'Fiche signalétique des établissements et services ajoutés au périmètre', blocks);
}

/** The financial annex of the new version, which replaces the contract's. */
export function financialAnnex(ctx: DraftContext): Section {
    const funding = ctx.after.funding;
    const lines = funding?.lines ?? [];
    const years = contractYears(ctx, lines);
    const blocks: Block[] = [];
    // Cents per year of the yearly lines (tariff lines have no total), as the contract's annex sums them.
    const totals = yearlyLineTotals(lines.map(line => ({ amounts: jsonAmountFigures(line).map(a => ({ ...a, year: Number(a.year) })) })));
    blocks.push({
        kind: 'table', caption: 'Financements par année',
        columns: [{ label: 'Financement' }, ...years.map(y => ({ label: String(y), align: 'right' as const }))],
        rows: lines.map(l => [orMissing(l.title, MISSING.title), ...years.map(y => amountText(l.amounts.find(a => a.year === y)))]),
        footer: [[{ text: yearlyTotalLabel(lines.some(l => lineTotal(jsonAmountFigures(l)).kind === 'daily')), strong: true }, ...years.map(y => ({ text: eurosText((totals.get(y) ?? 0) / 100), strong: true }))]],
    });
    // The CNR beside the yearly amounts, before the details of each line (as in the contract's annex).
    const cnr = funding?.cnr ?? [];
    if (cnr.length > 0) {
        blocks.push(cnrTable(cnr.map(c => ({
            title: c.title, year: c.year, establishment: c.establishment ? ctx.versions.establishmentTitle(c.establishment) : undefined,
            payer: c.payer ? ctx.versions.partyName(c.payer) : undefined, amount: amountText(c),
        })), cnrTotal(cnr.map(jsonCnrFigure))));
    }
    lines.forEach((line, index) => {
        const details: Block[] = [paragraph(fundingSummary(
            natureBesideTitle(line.title, line.nature), line.payer ? ctx.versions.partyName(line.payer) : '', line.fundingSource,
            line.establishments.map(e => ctx.versions.establishmentTitle(e)),
        ))];
        if (line.actualisation) {
            details.push(paragraph(`Actualisation annuelle : ${indexationLabel(line.actualisation.method)}${line.actualisation.formula ? ` — ${line.actualisation.formula}` : ''}.`));
        }
        for (const distribution of line.distributions) {
            const sum = distribution.shares.reduce((s, x) => s + x.amount, 0);
            details.push({
                kind: 'table', caption: `Répartition ${distribution.year} par établissement`,
                columns: [{ label: 'Établissement' }, { label: 'Montant', align: 'right' }],
                rows: distribution.shares.map(s => [ctx.versions.establishmentTitle(s.establishment), amountText(s)]),
                footer: [[{ text: 'Total', strong: true }, { text: eurosText(sum), strong: true }]],
            });
        }
        blocks.push(section(`avenant-financement-${index + 1}`, 'part', orMissing(line.title, MISSING.title), details));
    });
    return section(FINANCIAL_ANNEX, 'annex', 'Annexe financière', blocks);
}

/** The years of the contract (prorogation included) and any year with an amount. */
export function contractYears(ctx: DraftContext, lines: readonly FundingLineJson[]): number[] {
    const years = new Set(lines.flatMap(l => l.amounts.map(a => a.year)));
    const start = Number(ctx.after.engagement?.dateEffetEngagement?.slice(0, 4));
    const end = Number((ctx.after.prorogationEndDate ?? ctx.after.engagement?.dateFinEngagement)?.slice(0, 4));
    if (Number.isInteger(start) && Number.isInteger(end) && end >= start && end - start < 20) {
        for (let y = start; y <= end; y++) years.add(y);
    }
    return [...years].sort((a, b) => a - b);
}
