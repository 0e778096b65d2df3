/**
 * The indicator part of the follow-up report: one section per axis, one table per objective (target, value,
 * status, source), then per indicator its chart with the same data as a table; and, in year 3, the synthesis of
 * the revue à mi-parcours over the years available.
 */
import { type FollowUp, type IndicatorFollowUp, joinFr } from '@cpom/language';
import type { Cell, Table } from '../document/model.js';
import { lineChart } from './chart-svg.js';
import type { ReportBlock, ReportFigure, ReportSection } from './model.js';
import { achievedSentence, eurosText, indicatorLabel, namedLabel, STATUS_LABELS, valueText } from './wording.js';

/** The value of the same indicator in another follow-up of the contract (same node when loaded together, else same name). */
function sameIndicator(other: FollowUp, i: IndicatorFollowUp): IndicatorFollowUp | undefined {
    return other.indicators.find(o => o.node === i.node) ?? other.indicators.find(o => o.name === i.name);
}

/** The values achieved so far: this follow-up's and those of earlier years. */
function valuesSoFar(i: IndicatorFollowUp, followUp: FollowUp, history: readonly FollowUp[]): Array<{ year: number; value: number }> {
    const byYear = new Map<number, number>();
    for (const other of history) {
        if (other.year === undefined || followUp.year === undefined || other.year > followUp.year) continue;
        const value = sameIndicator(other, i)?.value;
        if (value !== undefined && !byYear.has(other.year)) byYear.set(other.year, value);
    }
    if (followUp.year !== undefined && i.value !== undefined) byYear.set(followUp.year, i.value);
    return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

function targetText(i: IndicatorFollowUp): string {
    if (!i.target) return '—';
    const origin = i.target.origin === 'interpolee' ? ' (interpolée)' : i.target.origin === 'prolongee' ? ' (dernière cible)' : '';
    return `${valueText(i.target.value, i.unit)}${origin}`;
}

function objectiveTable(title: string, indicators: readonly IndicatorFollowUp[], year: number | undefined): Table {
    return {
        kind: 'table', caption: title,
        columns: [
            { label: 'Indicateur' }, { label: `Cible ${year ?? ''}`.trim(), align: 'right' }, { label: `Valeur ${year ?? ''}`.trim(), align: 'right' },
            { label: 'Statut' }, { label: 'Source et commentaire' },
        ],
        rows: indicators.map(i => [
            indicatorLabel(i), targetText(i), valueText(i.value, i.unit),
            { text: STATUS_LABELS[i.status], strong: i.status === 'en_ecart' },
            [i.source, i.comment].filter(Boolean).join(' — ') || '—',
        ]),
    };
}

function chartOf(i: IndicatorFollowUp, followUp: FollowUp, history: readonly FollowUp[]): ReportFigure | undefined {
    const targets = [...(i.trajectory.baseline ? [i.trajectory.baseline] : []), ...i.trajectory.targets];
    const values = valuesSoFar(i, followUp, history);
    if (targets.length + values.length === 0) return undefined;
    const label = indicatorLabel(i);
    const chart = lineChart({ targets, values, unit: i.unit, year: followUp.year, title: `${label} : trajectoire et valeurs réalisées` });
    const years = [...new Set([...targets, ...values].map(p => p.year))].sort((a, b) => a - b);
    const baselineYear = i.trajectory.baseline?.year;
    const rows: Cell[][] = years.map(year => {
        const target = i.trajectory.targets.find(t => t.year === year)?.value ?? (year === baselineYear ? i.trajectory.baseline?.value : undefined);
        const kind = i.trajectory.targets.some(t => t.year === year) ? 'cible' : year === baselineYear ? 'référence' : '';
        return [String(year), target === undefined ? '—' : `${valueText(target, i.unit)}${kind === 'référence' ? ' (référence)' : ''}`,
            valueText(values.find(v => v.year === year)?.value, i.unit)];
    });
    return {
        kind: 'figure', caption: label, svg: chart.svg, width: chart.width, height: chart.height,
        alt: `Graphique : ${label}, cibles du contrat et valeurs réalisées par année (données dans le tableau qui suit).`,
        data: {
            kind: 'table', caption: `Données du graphique : ${label}`,
            columns: [{ label: 'Année' }, { label: 'Cible du contrat', align: 'right' }, { label: 'Valeur réalisée', align: 'right' }], rows,
        },
    };
}

/** One section per axis, one table per objective, each followed by the charts of its indicators. */
export function indicatorSections(followUp: FollowUp, history: readonly FollowUp[]): ReportSection[] {
    const axes: Array<{ key: unknown; title: string; objectives: Array<{ key: unknown; title: string; indicators: IndicatorFollowUp[] }> }> = [];
    for (const i of followUp.indicators) {
        const axisKey = i.axis?.name ?? '';
        let axis = axes.find(a => a.key === axisKey);
        if (!axis) axes.push(axis = { key: axisKey, title: namedLabel(i.axis, i.axis ? 'Axe sans intitulé' : 'Objectifs hors axe'), objectives: [] });
        const objectiveKey = i.objective?.name ?? '';
        let objective = axis.objectives.find(o => o.key === objectiveKey);
        if (!objective) axis.objectives.push(objective = { key: objectiveKey, title: namedLabel(i.objective, 'Objectif sans intitulé'), indicators: [] });
        objective.indicators.push(i);
    }
    return axes.map(axis => ({
        kind: 'section', title: axis.title,
        blocks: axis.objectives.flatMap((o): ReportBlock[] => [
            objectiveTable(o.title, o.indicators, followUp.year),
            ...o.indicators.map(i => chartOf(i, followUp, history)).filter((f): f is ReportFigure => f !== undefined),
        ]),
    }));
}

/** Year 3: every indicator's status over the years available, and each year's headline. */
export function midTermSection(followUp: FollowUp, history: readonly FollowUp[]): ReportSection {
    const years = [...history].filter(h => h.year !== undefined && followUp.year !== undefined && h.year <= followUp.year)
        .sort((a, b) => a.year! - b.year!)
        .filter((h, index, all) => index === 0 || h.year !== all[index - 1].year);
    const statusTable: Table = {
        kind: 'table', caption: 'Indicateurs par année',
        columns: [{ label: 'Indicateur' }, ...years.map(h => ({ label: String(h.year), align: 'right' as const }))],
        rows: followUp.indicators.map(i => [indicatorLabel(i), ...years.map(h => {
            const other = sameIndicator(h, i);
            return other ? `${valueText(other.value, other.unit)} · ${STATUS_LABELS[other.status].toLowerCase()}` : '—';
        })]),
    };
    const headlines: Table = {
        kind: 'table', caption: 'Synthèse par année',
        columns: [{ label: 'Année' }, { label: 'Indicateurs atteints' }, { label: 'Établissements sous le seuil', align: 'right' }, { label: 'Modulation de l\'année suivante', align: 'right' }],
        rows: years.map(h => [String(h.year), achievedSentence(h), String(h.summary.establishmentsBelowThreshold), eurosText(h.summary.modulationCents)]),
    };
    return {
        kind: 'section', title: 'Revue à mi-parcours',
        blocks: [
            { kind: 'paragraph', text: `Troisième année du contrat : synthèse ${years.length > 1 ? 'des années' : 'de l\'année'} ${joinFr(years.map(h => String(h.year)))} pour la revue à mi-parcours du comité de suivi, qui peut conduire à un avenant.` },
            headlines, statusTable,
        ],
    };
}
