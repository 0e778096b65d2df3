/**
 * The annexes of the contract document: fiche signalétique, fiches actions, tableau de bord, annexe financière and
 * the avenants concluded. Pure: no I/O; a broken contract shows placeholders (missing.ts).
 */
import {
    ast, capitalised, clausesOf, contractFundings, establishmentFacts, establishmentView, firstClause, firstProp, fundedEstablishments,
    fundingsOf, indicatorsOf, indicatorView, objectivesOf, parseCents, parseNumber, partiesOf, perimeterOf, propsOf, signatoriesOf,
} from '@cpom/language';
import { addTotals, capacityTotals, capacityTotalText } from './capacity-totals.js';
import { cnrTable, establishmentSheet, type EstablishmentSheetFacts, nameList, yearlyTotalLabel } from './fact-sheet.js';
import { amount, directionLabel, euros, frenchDate, indexationLabel, natureBesideTitle, sourceLabel, statusLabel, value } from './french.js';
import { MISSING, orMissing } from './missing.js';
import { amendmentSentences } from './amendment-clauses.js';
import { ficheHeadings } from './fiche-headings.js';
import { type Block, type Cell, paragraph, type Section, type SectionKind, type Table, text } from './model.js';
import { type ContractNumbering, partyName, payerName, titleOf } from './names.js';

/** What the parts of the document share: the contract, its avenants, the years of its period, its numbering. */
export interface DocumentContext {
    readonly contract: ast.Contrat;
    readonly avenants: readonly ast.Avenant[];
    readonly years: readonly number[];
    readonly numbering: ContractNumbering;
}

export function section(id: string, sectionKind: SectionKind, title: string, blocks: Block[]): Section {
    return { kind: 'section', id, sectionKind, title, blocks };
}

/** The establishments of a perimeter, one row each, with their capacities and tarification authorities. */
export function perimeterTable(perimeter: readonly ast.Etablissement[], caption = 'Établissements et services du périmètre'): Table {
    const total = new Map<string, number>();
    const rows: Cell[][] = perimeter.map(e => {
        const facts = establishmentFacts(e);
        const capacity = capacityTotals(facts.capacities);
        addTotals(total, capacity);
        return [
            orMissing(e.title, MISSING.title),
            facts.finess ?? '',
            facts.category ? `${facts.category.key} (${facts.category.finessCodes.join('/')})` : '',
            facts.department ?? '',
            capacityTotalText(capacity),
            nameList(facts.tarification.map(a => partyName(a))),
        ];
    });
    return {
        kind: 'table',
        caption,
        columns: [
            { label: 'Établissement ou service' }, { label: 'FINESS' }, { label: 'Catégorie' }, { label: 'Dép.', align: 'center' },
            { label: 'Capacité', align: 'right' }, { label: 'Tarification' },
        ],
        rows,
        footer: [[{ text: 'Total', strong: true }, '', '', '', { text: capacityTotalText(total), strong: true }, '']],
    };
}

export function factSheet(ctx: DocumentContext): Section {
    const gestionnaire = partiesOf(ctx.contract).gestionnaire;
    const blocks: Block[] = [];
    if (gestionnaire) {
        const rows: Cell[][] = [['Raison sociale', partyName(gestionnaire.node)]];
        if (gestionnaire.finess) rows.push(['FINESS entité juridique', gestionnaire.finess]);
        // The status as typed: its label is read from the wording layer.
        const status = firstProp(gestionnaire.node, ast.isStatut)?.value;
        if (status) rows.push(['Statut juridique', capitalised(statusLabel(status))]);
        if (gestionnaire.address) rows.push(['Siège', gestionnaire.address]);
        blocks.push({ kind: 'table', caption: 'Organisme gestionnaire', columns: [{ label: 'Rubrique' }, { label: 'Valeur' }], rows });
    }
    for (const e of perimeterOf(ctx.contract)) blocks.push(establishmentSheet(sheetFacts(e)));
    return section('fiche-signaletique', 'annex', 'Fiche signalétique du gestionnaire et des établissements', blocks);
}

/** The fact sheet of an establishment, from the model's view of it (the avenant's from the JSON export). */
function sheetFacts(e: ast.Etablissement): EstablishmentSheetFacts {
    const view = establishmentView(e);
    const habilitation = view.habilitation;
    const written = parseNumber(view.categoryClause?.code);
    return {
        title: view.title,
        finess: view.finess,
        // The code the contract writes (an alternative one included), else every code of the category.
        category: view.category ? { label: view.category.label, codes: written !== undefined && view.category.finessCodes.includes(written) ? [written] : view.category.finessCodes } : undefined,
        department: view.department,
        // The modality as typed: its label is read from the wording layer.
        capacities: view.capacityViews.map(c => ({ modality: c.node.modality, authorised: c.authorised, funded: c.funded, unit: c.unit })),
        tarification: view.tarification.map(a => partyName(a)),
        habilitation: habilitation ? { scope: habilitation.scope, places: parseNumber(habilitation.places) } : undefined,
        address: view.address,
        activeFile: view.activeFile?.count !== undefined ? { count: view.activeFile.count, year: view.activeFile.year } : undefined,
        publics: view.publics,
        activities: view.activities,
    };
}

export function actionSheets(ctx: DocumentContext): Section {
    const blocks: Block[] = [];
    for (const objective of objectivesOf(ctx.contract)) {
        const parts: Block[] = [];
        // The axis the objective serves, by its number and title ("Axe 1 — …"): the heading says what it is.
        parts.push(paragraph(text(ctx.numbering.objectiveAxisHeading(objective), { strong: true })));
        for (const d of objective.items.filter(ast.isDescription)) parts.push(paragraph(orMissing(d.text, MISSING.text)));
        const concerned = objective.items.filter(ast.isConcernes).flatMap(c => (c.establishments ?? []).map(titleOf));
        if (concerned.length > 0) parts.push(paragraph(text('Établissements concernés : ', { strong: true }), nameList(concerned)));
        parts.push(...ficheHeadings(objective));
        const actions = objective.items.filter(ast.isAction);
        if (actions.length > 0) {
            // No empty Établissements column when no action names one: the fiche's "Établissements concernés" says it.
            const named = actions.some(a => (a.establishments ?? []).length > 0);
            parts.push({
                kind: 'table', caption: 'Actions',
                columns: [{ label: 'Action' }, { label: 'Échéance' }, { label: 'Pilote' }, ...(named ? [{ label: 'Établissements' }] : [])],
                rows: actions.map(a => [
                    orMissing(a.title, MISSING.title), a.deadline ? frenchDate(a.deadline) : '', a.lead ?? '',
                    ...(named ? [nameList((a.establishments ?? []).map(titleOf))] : []),
                ]),
            });
        }
        const indicators = indicatorsOf(objective);
        if (indicators.length > 0) parts.push(indicatorTable(ctx, indicators));
        blocks.push(section(`fiche-${ctx.numbering.objective(objective)}`, 'part', ctx.numbering.sheetHeading(objective), parts));
    }
    return section('fiches-actions', 'annex', 'Fiches actions', blocks);
}

function indicatorTable(ctx: DocumentContext, indicators: ast.Indicateur[]): Table {
    return {
        kind: 'table', caption: 'Indicateurs',
        columns: [
            { label: 'Indicateur' }, { label: 'Unité' }, { label: 'Source' }, { label: 'Sens' }, { label: 'Référence', align: 'right' },
            ...ctx.years.map(y => ({ label: `Cible ${y}`, align: 'right' as const })),
        ],
        rows: indicators.map(i => indicatorRow(ctx, i, true)),
    };
}

function indicatorRow(ctx: DocumentContext, indicator: ast.Indicateur, details: boolean): Cell[] {
    const view = indicatorView(indicator);
    const baseline = view.baseline;
    // The first target of a year (CPOM rules report a year given twice).
    const targets = new Map<number, string>();
    for (const t of view.targets) {
        const year = Number(parseNumber(t.year));
        if (!targets.has(year)) targets.set(year, value(t.value));
    }
    const head: Cell[] = [view.title ?? MISSING.title];
    if (details) head.push(view.unit ?? '', view.source ?? '', directionLabel(view.direction));
    return [
        ...head,
        baseline ? `${value(baseline.value)} (${orMissing(baseline.year, MISSING.year)})` : '',
        ...ctx.years.map(y => targets.get(y) ?? '—'),
    ];
}

export function dashboard(ctx: DocumentContext): Section {
    const rows: Cell[][] = [];
    for (const objective of objectivesOf(ctx.contract)) {
        for (const indicator of indicatorsOf(objective)) {
            rows.push([`n°\u00A0${ctx.numbering.objective(objective)}`, ...indicatorRow(ctx, indicator, false)]);
        }
    }
    return section('tableau-de-bord', 'annex', 'Tableau de bord des indicateurs', [{
        kind: 'table', caption: 'Valeurs de référence et cibles annuelles',
        columns: [{ label: 'Fiche action', align: 'center' }, { label: 'Indicateur' }, { label: 'Référence', align: 'right' }, ...ctx.years.map(y => ({ label: String(y), align: 'right' as const }))],
        rows,
    }]);
}

/**
 * `Nature : dotation globale. Financeur : … (financement : assurance maladie). Établissements financés : …`; without
 * the nature when the line's title, its heading, already says it (natureBesideTitle).
 */
export function fundingSummary(nature: string | undefined, payer: string, source: string | undefined, establishments: readonly string[]): string {
    // "autre" says nothing a reader can use, and "département" only repeats the payer (a département funds from its
    // own budget): the source of funding is shown when it tells the reader something.
    const shownSource = source && !['autre', 'departement', 'département'].includes(source) ? ` (financement : ${sourceLabel(source)})` : '';
    const shownNature = nature === undefined ? '' : `Nature : ${nature}. `;
    return `${shownNature}Financeur : ${payer || '—'}${shownSource}. Établissements financés : ${nameList(establishments) || '—'}.`;
}

export function financialAnnex(ctx: DocumentContext): Section {
    const blocks: Block[] = [];
    const model = contractFundings(ctx.contract);
    const fundings = model.lines.map(line => line.node);
    const totals = model.linesByYear;
    const yearlyRows: Cell[][] = model.lines.map(line => {
        const byYear = new Map(line.amounts.map(a => [a.year, a.amount]));
        return [orMissing(line.title, MISSING.title), ...ctx.years.map(y => (byYear.has(y) ? amount(byYear.get(y)) : '—'))];
    });
    blocks.push({
        kind: 'table', caption: 'Financements par année',
        columns: [{ label: 'Financement' }, ...ctx.years.map(y => ({ label: String(y), align: 'right' as const }))],
        rows: yearlyRows,
        footer: [[{ text: yearlyTotalLabel(model.lines.some(line => line.daily)), strong: true }, ...ctx.years.map(y => ({ text: euros(totals.get(y) ?? 0), strong: true }))]],
    });
    // The CNR beside the yearly amounts, before the details of each line: after the last line, they read as its own.
    const cnr = model.cnr.map(c => c.node);
    if (cnr.length > 0) {
        blocks.push(cnrTable(cnr.map(c => ({
            title: c.title, year: c.year, establishment: c.establishment ? titleOf(c.establishment) : undefined,
            payer: c.payer ? titleOf(c.payer) : undefined, amount: amount(c.amount),
        })), model.cnrTotalCents));
    }
    fundings.forEach((f, i) => {
        const details: Block[] = [paragraph(fundingSummary(
            natureBesideTitle(f.title, firstProp(f, ast.isNature)?.value), payerName(f), firstProp(f, ast.isSourceFinancement)?.value,
            fundedEstablishments(f).map(e => orMissing(e.title, MISSING.title)),
        ))];
        const actualisation = firstProp(f, ast.isActualisation);
        if (actualisation) details.push(paragraph(`Actualisation annuelle : ${actualisation.method ? indexationLabel(actualisation.method) : MISSING.kind}${actualisation.formula ? ` — ${actualisation.formula}` : ''}.`));
        for (const repartition of propsOf(f, ast.isRepartition)) {
            let sum = 0;
            const rows: Cell[][] = (repartition.shares ?? []).map(p => {
                sum += parseCents(p.amount?.value) ?? 0;
                return [titleOf(p.establishment), amount(p.amount)];
            });
            details.push({
                kind: 'table', caption: `Répartition ${orMissing(repartition.year, MISSING.year)} par établissement`,
                columns: [{ label: 'Établissement' }, { label: 'Montant', align: 'right' }],
                rows, footer: [[{ text: 'Total', strong: true }, { text: euros(sum), strong: true }]],
            });
        }
        blocks.push(section(`financement-${i + 1}`, 'part', orMissing(f.title, MISSING.title), details));
    });
    return section('annexe-financiere', 'annex', 'Annexe financière', blocks);
}

export function avenantsAnnex(ctx: DocumentContext): Section {
    const blocks: Block[] = ctx.avenants.map(a => {
        const parts: Block[] = [];
        parts.push(paragraph(text('Objet : ', { strong: true }), firstClause(a, ast.isObjet)?.text ?? MISSING.text));
        const effect = firstClause(a, ast.isEffet)?.date;
        const signature = firstClause(a, ast.isDateSignature)?.date;
        parts.push(paragraph(`Effet : ${frenchDate(effect)}${signature ? ` ; signé le ${frenchDate(signature)}` : ''}.`));
        const added = clausesOf(a, ast.isAjout).map(x => x.establishment).filter((e): e is ast.Etablissement => e !== undefined);
        if (added.length > 0) parts.push(perimeterTable(added, 'Établissements et services ajoutés au périmètre'));
        const retired = clausesOf(a, ast.isRetrait).flatMap(r => (r.establishments ?? []).map(titleOf));
        if (retired.length > 0) parts.push(paragraph(`Établissements retirés du périmètre : ${nameList(retired)}.`));
        const prorogation = firstClause(a, ast.isProrogation)?.date;
        if (prorogation) parts.push(paragraph(`Le contrat est prorogé jusqu'au ${frenchDate(prorogation)}.`));
        const changes = amendmentSentences(a);
        if (changes.length > 0) parts.push({ kind: 'list', items: changes.map(c => [text(c)]) });
        const fundings = fundingsOf(a);
        if (fundings.length > 0) {
            parts.push({
                kind: 'table', caption: 'Financements de l\'avenant',
                columns: [{ label: 'Financement' }, { label: 'Financeur' }, { label: 'Montants' }],
                rows: fundings.map(f => [orMissing(f.title, MISSING.title), payerName(f), propsOf(f, ast.isMontants).flatMap(m => m.amounts ?? []).map(x => `${orMissing(x.year, MISSING.year)} : ${amount(x.amount)}`).join(' ; ')]),
            });
        }
        parts.push(paragraph(`Signataires : ${nameList(signatoriesOf(a).map(s => titleOf(s.party)))}.`));
        return section(`avenant-${a.number ?? ''}`, 'part', `Avenant n° ${orMissing(a.number, MISSING.number)}`, parts);
    });
    return section('annexe-avenants', 'annex', 'Avenants', blocks);
}
