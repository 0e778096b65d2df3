/** The annexes of an avenant: the fact sheets of the establishments entering the perimeter, the new financial annex. */
import {
    type Block, type Cell, type FundingLineJson, indexationLabel, MISSING, modalityLabel, orMissing, natureLabel, paragraph, type Section, sourceLabel, type Table,
} from '@cpom/generator';
import { lineTotal } from '@cpom/language';
import { jsonAmountFigures } from '../funding-totals.js';
import { amountText, capacityText, eurosText, numberText } from './context.js';
import { type DraftContext, section, FINANCIAL_ANNEX, FACT_SHEET_ANNEX } from './drafters/draft-context.js';

export function factSheetAnnex(ctx: DraftContext): Section {
    const blocks: Block[] = ctx.addedEstablishments.map(e => {
        const rows: Cell[][] = [['FINESS établissement', e.numFinessEge ?? '']];
        const category = e.categorieEntiteGeographique;
        if (category) rows.push(['Catégorie', `${category.label ?? category.key ?? ''} (${category.code})`]);
        if (e.department) rows.push(['Département', e.department]);
        for (const c of e.capacities ?? []) rows.push([`Capacité${c.modality ? ` — ${modalityLabel(c.modality)}` : ''}`, capacityText({ ...c, modality: undefined })]);
        rows.push(['Autorité(s) de tarification', (e.tarificationAuthorities ?? []).map(a => ctx.versions.partyName(a)).join(', ')]);
        const h = e.habilitationAideSociale;
        if (h) rows.push(['Habilitation à l\'aide sociale', 'scope' in h ? h.scope : `${numberText(h.places)} places`]);
        if (e.address) rows.push(['Adresse', e.address]);
        return { kind: 'table', caption: orMissing(e.nomEgeLong, MISSING.title), columns: [{ label: 'Rubrique' }, { label: 'Valeur' }], rows } satisfies Table;
    });
    return section(FACT_SHEET_ANNEX, 'annex', 'Fiche signalétique des établissements et services ajoutés au périmètre', blocks);
}

/** The financial annex of the new version, which replaces the contract's. */
export function financialAnnex(ctx: DraftContext): Section {
    const funding = ctx.after.funding;
    const lines = funding?.lines ?? [];
    const years = contractYears(ctx, lines);
    const blocks: Block[] = [];
    const totals = new Map<number, number>();
    for (const line of lines) {
        // Cents per year of the yearly lines (tariff lines have no total).
        const figures = jsonAmountFigures(line);
        if (lineTotal(figures).kind !== 'yearly') continue;
        for (const a of figures) totals.set(Number(a.year), (totals.get(Number(a.year)) ?? 0) + (a.cents ?? 0));
    }
    blocks.push({
        kind: 'table', caption: 'Financements par année',
        columns: [{ label: 'Financement' }, ...years.map(y => ({ label: String(y), align: 'right' as const }))],
        rows: lines.map(l => [orMissing(l.title, MISSING.title), ...years.map(y => amountText(l.amounts.find(a => a.year === y)))]),
        footer: [[{ text: 'Total (hors tarifs journaliers)', strong: true }, ...years.map(y => ({ text: eurosText((totals.get(y) ?? 0) / 100), strong: true }))]],
    });
    for (const line of lines) {
        const details: Block[] = [paragraph(
            `Nature : ${natureLabel(line.nature)}. Financeur : ${line.payer ? ctx.versions.partyName(line.payer) : '—'}`,
            line.fundingSource ? ` (financement : ${sourceLabel(line.fundingSource)})` : '',
            `. Établissements financés : ${line.establishments.map(e => ctx.versions.establishmentTitle(e)).join(', ') || '—'}.`,
        )];
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
        blocks.push(section(`avenant-financement-${line.id ?? ''}`, 'part', orMissing(line.title, MISSING.title), details));
    }
    const cnr = funding?.cnr ?? [];
    if (cnr.length > 0) {
        blocks.push({
            kind: 'table', caption: 'Crédits non reconductibles',
            columns: [{ label: 'Objet' }, { label: 'Année', align: 'center' }, { label: 'Établissement' }, { label: 'Financeur' }, { label: 'Montant', align: 'right' }],
            rows: cnr.map(c => [orMissing(c.title, MISSING.title), String(c.year), c.establishment ? ctx.versions.establishmentTitle(c.establishment) : '', c.payer ? ctx.versions.partyName(c.payer) : '', amountText(c)]),
            footer: [[{ text: 'Total', strong: true }, '', '', '', { text: eurosText(cnr.reduce((s, c) => s + (c.perDay ? 0 : c.amount), 0)), strong: true }]],
        });
    }
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
