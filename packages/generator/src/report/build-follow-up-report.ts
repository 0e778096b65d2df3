/**
 * Builds the "Rapport de suivi annuel" (`model.ts`) from the follow-up model (`followUpOf` in @cpom/language):
 * headline, indicators by axis and objective with their charts, activity, funding planned against received,
 * modulation with its calculation, CNR, points for the comité de suivi and, in year 3, the revue à mi-parcours.
 * Pure: the caller loads the files and gives the follow-ups. Amounts are read from the `ModulationRecord`s, never
 * recomputed. Labels and numbers only: an element without a title gets a placeholder, never its identifier.
 */
import { type FollowUp, formatNumber, joinFr, type ModulationRecord } from '@cpom/language';
import type { Table } from '../document/model.js';
import type { FollowUpReport, ReportBlock, ReportSection } from './model.js';
import { indicatorSections, midTermSection } from './report-indicators.js';
import { achievedSentence, eurosText, indicatorLabel, namedLabel, plural, STATUS_LABELS, valueText } from './wording.js';

export interface FollowUpReportOptions {
    /** Other follow-ups of the same contract (any years, this one may be among them): the values of the charts and the mid-term review. */
    readonly history?: readonly FollowUp[];
}

/** The year of the contract a follow-up year is (1 for the first budget year). */
function contractYear(followUp: FollowUp): number | undefined {
    return followUp.period && followUp.year !== undefined ? followUp.year - followUp.period.firstYear + 1 : undefined;
}

export function buildFollowUpReport(followUp: FollowUp, options: FollowUpReportOptions = {}): FollowUpReport {
    const history = [followUp, ...(options.history ?? []).filter(h => h !== followUp)];
    const year = followUp.year;
    const period = followUp.period;
    const rank = contractYear(followUp);
    const last = period ? Math.max(period.lastYear, period.prorogation?.year ?? period.lastYear) : undefined;
    const subtitle = [
        period ? `Période du contrat : ${period.firstYear}-${last}` : undefined,
        rank !== undefined && last !== undefined && period ? `année ${rank} sur ${last - period.firstYear + 1}` : undefined,
    ].filter(Boolean).join(' · ');
    const sections: ReportSection[] = [
        headlineSection(followUp),
        { kind: 'section', title: 'Objectifs et indicateurs', blocks: indicatorSections(followUp, history) },
        activitySection(followUp),
        fundingSection(followUp),
        modulationSection(followUp),
        cnrSection(followUp),
        pointsSection(followUp),
    ];
    if (rank === 3) sections.push(midTermSection(followUp, history));
    return {
        lang: 'fr',
        heading: `Rapport de suivi annuel ${year ?? ''}`.trim(),
        title: followUp.contract?.title ?? 'Contrat sans intitulé',
        subtitle,
        sections,
    };
}

/** "aucun indicateur", "1 indicateur", "2 indicateurs" (masculine nouns): French writes no "0 indicateur". */
function count(n: number, noun: string): string {
    return n === 0 ? `aucun ${noun}` : plural(n, noun);
}

function headlineSection(followUp: FollowUp): ReportSection {
    const s = followUp.summary;
    const next = followUp.year !== undefined ? ` sur les financements de ${followUp.year + 1}` : '';
    const modulation = s.modulationCents > 0 ? `modulation de ${eurosText(s.modulationCents)}${next}` : 'aucune modulation';
    const items = [
        `${count(s.enRetard, 'indicateur')} en retard, ${count(s.enEcart, 'indicateur')} en écart, ${count(s.sansValeur, 'indicateur')} sans valeur`,
        `${count(s.establishmentsBelowThreshold, 'établissement')} sous le seuil d'activité`,
    ];
    return {
        kind: 'section', title: 'Synthèse',
        blocks: [{ kind: 'paragraph', style: 'headline', text: `${achievedSentence(followUp)} ; ${modulation}.` }, { kind: 'list', items }],
    };
}

function emptyOr(table: Table, empty: string): ReportBlock {
    return table.rows.length > 0 ? table : { kind: 'paragraph', style: 'note', text: empty };
}

function activitySection(followUp: FollowUp): ReportSection {
    const table: Table = {
        kind: 'table', caption: `Activité ${followUp.year ?? ''}`.trim(),
        columns: [
            { label: 'Établissement' }, { label: 'Journées réalisées', align: 'right' }, { label: 'Taux d\'occupation', align: 'right' },
            { label: 'Seuil', align: 'right' }, { label: 'Sous le seuil', align: 'center' }, { label: 'File active', align: 'right' },
        ],
        rows: followUp.activities.map(a => [
            namedLabel(a.establishment, 'Établissement sans nom'),
            a.days === undefined ? '—' : formatNumber(a.days),
            a.occupancy === undefined ? '—' : `${valueText(a.occupancy, '%')}${a.occupancyOrigin === 'calcule' ? ' (calculé)' : ''}`,
            a.threshold ? valueText(a.threshold.value, '%') : '—',
            a.belowThreshold ? { text: 'oui', strong: true } : 'non',
            a.activePatients === undefined ? '—' : formatNumber(a.activePatients),
        ]),
    };
    return { kind: 'section', title: 'Activité des établissements', blocks: [emptyOr(table, 'Le suivi ne donne pas d\'activité par établissement.')] };
}

function fundingSection(followUp: FollowUp): ReportSection {
    const table: Table = {
        kind: 'table', caption: `Financements ${followUp.year ?? ''} : prévus et reçus`.trim(),
        columns: [{ label: 'Financement' }, { label: 'Prévu', align: 'right' }, { label: 'Reçu', align: 'right' }, { label: 'Écart', align: 'right' }],
        rows: followUp.received.map(r => [
            namedLabel(r.funding, 'Financement sans intitulé'), eurosText(r.plannedCents), eurosText(r.receivedCents), eurosText(r.differenceCents),
        ]),
    };
    return { kind: 'section', title: 'Financements prévus et reçus', blocks: [emptyOr(table, 'Le suivi ne donne pas de montants reçus.')] };
}

function modulationSection(followUp: FollowUp): ReportSection {
    const records = followUp.modulations;
    const table: Table = {
        kind: 'table', caption: 'Modulation sur l\'activité',
        columns: [
            { label: 'Établissement' }, { label: 'Financement' }, { label: 'Article du code de l\'action sociale et des familles' }, { label: 'Année appliquée', align: 'right' },
            { label: 'Taux', align: 'right' }, { label: 'Montant', align: 'right' },
        ],
        rows: records.map(m => [
            namedLabel(m.establishment, 'Ensemble du financement'), namedLabel(m.funding, 'Financement sans intitulé'),
            // Written out as in a signed text (« R. 314-43-2 »), its hyphens non-breaking: never cut in a narrow column.
            m.article.replace('.', '. ').replace(/-/g, '\u2011'), String(m.appliedYear), m.calculation.applies ? valueText(m.calculation.ratePercent, '%') : '—',
            { text: eurosText(m.calculation.amountCents), strong: m.calculation.amountCents > 0 },
        ]),
        footer: records.length > 1 ? [['Total', '', '', '', '', { text: eurosText(followUp.summary.modulationCents), strong: true }]] : undefined,
    };
    // A dash between the establishment and the line: their names may hold commas ("IME Les Goélands, Rezé").
    const where = (m: ModulationRecord) => `${namedLabel(m.establishment, 'Ensemble du financement')} — ${namedLabel(m.funding, 'financement sans intitulé')}`;
    const steps: ReportSection[] = records.filter(m => m.calculation.applies).map(m => ({
        kind: 'section', title: `Calcul : ${where(m)}`,
        blocks: [{ kind: 'list', items: m.calculation.steps.map(step => `${step.label} : ${step.expression}`) }],
    }));
    const without = records.filter(m => !m.calculation.applies);
    const notApplied: ReportBlock[] = without.length === 0 ? [] : [
        { kind: 'paragraph', text: 'Sans minoration :' },
        { kind: 'list', items: without.map(m => `${where(m)} : ${m.calculation.steps[m.calculation.steps.length - 1]?.expression ?? 'pas de minoration'}`) },
    ];
    return {
        kind: 'section', title: 'Modulation des financements',
        blocks: records.length === 0 ? [{ kind: 'paragraph', style: 'note', text: 'Aucune modulation ne résulte de l\'activité de l\'année.' }] : [table, ...steps, ...notApplied],
    };
}

function cnrSection(followUp: FollowUp): ReportSection {
    const table: Table = {
        kind: 'table', caption: 'Crédits non reconductibles : accordés et dépensés',
        columns: [{ label: 'Crédit' }, { label: 'Accordé', align: 'right' }, { label: 'Dépensé', align: 'right' }, { label: 'Dépassement', align: 'center' }],
        rows: followUp.cnr.map(c => [
            c.title ?? 'Crédit sans intitulé', eurosText(c.grantedCents), eurosText(c.spentCents), c.overspent ? { text: 'oui', strong: true } : 'non',
        ]),
    };
    return { kind: 'section', title: 'Crédits non reconductibles', blocks: [emptyOr(table, 'Le suivi ne donne pas de dépense de crédits non reconductibles.')] };
}

/** What the comité de suivi should discuss: what is off track, under its threshold, overspent or missing. */
function pointsSection(followUp: FollowUp): ReportSection {
    const points: string[] = [];
    for (const i of followUp.indicators) {
        if (i.status === 'en_ecart' || i.status === 'en_retard') {
            const target = i.target ? ` pour une cible de ${valueText(i.target.value, i.unit)}` : '';
            const comment = i.comment ? ` (${i.comment})` : '';
            points.push(`${indicatorLabel(i)} : ${STATUS_LABELS[i.status].toLowerCase()}, ${valueText(i.value, i.unit)}${target}${comment}.`);
        }
    }
    const missing = followUp.indicators.filter(i => i.status === 'sans_valeur').map(indicatorLabel);
    if (missing.length > 0) points.push(`Valeurs à fournir : ${joinFr(missing)}.`);
    for (const a of followUp.activities.filter(x => x.belowThreshold)) {
        const comment = a.comment ? ` (${a.comment})` : '';
        points.push(`${namedLabel(a.establishment, 'Un établissement')} : taux d'occupation de ${valueText(a.occupancy, '%')} sous le seuil de ${valueText(a.threshold?.value, '%')}${comment}.`);
    }
    for (const c of followUp.cnr.filter(x => x.overspent)) {
        points.push(`${c.title ?? 'Crédit non reconductible'} : ${eurosText(c.spentCents)} dépensés pour ${eurosText(c.grantedCents)} accordés.`);
    }
    for (const r of followUp.received.filter(x => x.differenceCents !== undefined && x.differenceCents < 0)) {
        points.push(`${namedLabel(r.funding, 'Un financement')} : ${eurosText(r.receivedCents)} reçus pour ${eurosText(r.plannedCents)} prévus.`);
    }
    if (followUp.summary.modulationCents > 0) {
        points.push(`Modulation de ${eurosText(followUp.summary.modulationCents)} à notifier avant la tarification ${(followUp.year ?? 0) + 1} (projet communiqué au gestionnaire, circonstances particulières à examiner).`);
    }
    return {
        kind: 'section', title: 'Points pour le comité de suivi',
        blocks: [points.length > 0 ? { kind: 'list', items: points } : { kind: 'paragraph', text: 'Aucun point d\'attention : objectifs atteints, activité au-dessus des seuils.' }],
    };
}
