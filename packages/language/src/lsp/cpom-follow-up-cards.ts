/**
 * What the editor shows in a yearly follow-up (`suivi_annuel du contrat X annee N`), in French, from the follow-up model
 * (model/follow-up.ts): on a value achieved, the target of that year and the status; on an establishment's activity,
 * its occupancy against the threshold and the modulation it implies, calculated step by step; as an inlay hint after
 * a value, `cible 2022 : 96,5 % · en écart`. Every function takes a possibly broken AST and returns undefined rather
 * than throw.
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import type { AvenantLookup } from '../model/avenants.js';
import { type FollowUp, type IndicatorFollowUp, followUpOf, trajectoryOf } from '../model/follow-up.js';
import { indicatorStatus, type IndicatorStatus } from '../model/indicator-status.js';
import { formatEuros, formatNumber, parseNumber } from '../model/numbers.js';
import { yearOf } from '../model/fundings.js';
import { md } from './cpom-french-labels.js';

export const STATUS_LABELS: Readonly<Record<IndicatorStatus | 'sans_valeur', string>> = {
    atteint: 'atteint', en_retard: 'en retard', en_ecart: 'en écart', sans_cible: 'sans cible cette année', sans_valeur: 'sans valeur',
};

const STATUS_MARKS: Readonly<Record<IndicatorStatus, string>> = { atteint: '✓', en_retard: '◔', en_ecart: '⚠', sans_cible: '·' };

const ORIGIN_LABELS = { ecrite: 'cible du contrat', interpolee: 'interpolée entre deux cibles', prolongee: 'dernière cible du contrat' } as const;

/** The follow-up block a node belongs to. */
export function followUpNodeOf(node: AstNode | undefined): ast.SuiviAnnuel | undefined {
    for (let n = node; n; n = n.$container) {
        if (ast.isSuiviAnnuel(n)) return n;
    }
    return undefined;
}

function unitOf(value: ast.Valeur | undefined): string {
    return value?.unit ? `${'\u202F'}${value.unit}` : '';
}

/** `cible 2022 : 96,5 % · en écart` after a value achieved. */
export function valueHint(v: ast.ValeurRealisee): string | undefined {
    const indicator = v.indicator?.ref;
    const suivi = followUpNodeOf(v);
    const year = yearOf(suivi?.year);
    const value = parseNumber(v.value?.number);
    if (!indicator || year === undefined || value === undefined) return undefined;
    const result = indicatorStatus(trajectoryOf(indicator), year, value);
    if (!result.target) return undefined;
    return `cible ${year} : ${formatNumber(result.target.value)}${unitOf(v.value)} · ${STATUS_MARKS[result.status]} ${STATUS_LABELS[result.status]}`;
}

/** The card of a value achieved: target of the year, status, where the trajectory stood, source and comment. */
export function valueCard(v: ast.ValeurRealisee, lookup: AvenantLookup): string | undefined {
    const suivi = followUpNodeOf(v);
    if (!suivi) return undefined;
    const followUp = followUpOf(suivi, lookup);
    const indicator = followUp.indicators.find(i => i.valueNode === v);
    if (!indicator || followUp.year === undefined) return undefined;
    const unit = unitOf(v.value);
    const lines = [`**${md(indicator.title ?? indicator.name)}** — suivi ${followUp.year}`, ''];
    lines.push(`- Valeur réalisée : ${formatNumber(indicator.value ?? 0)}${unit}`);
    if (indicator.target) {
        lines.push(`- Cible ${followUp.year} : ${formatNumber(indicator.target.value)}${unit} (${ORIGIN_LABELS[indicator.target.origin]})`);
    }
    lines.push(`- Statut : **${STATUS_LABELS[indicator.status]}** (sens ${indicator.direction})`);
    if (indicator.source) lines.push(`- Source : ${md(indicator.source)}`);
    if (indicator.comment) lines.push(`- Commentaire : ${md(indicator.comment)}`);
    lines.push('', trajectoryTable(indicator, unit));
    return modulationSection(followUp, v, lines);
}

function trajectoryTable(indicator: IndicatorFollowUp, unit: string): string {
    const rows = ['| Année | Cible |', '|---|---|'];
    const { baseline, targets } = indicator.trajectory;
    if (baseline) rows.push(`| ${baseline.year} (référence) | ${formatNumber(baseline.value)}${unit} |`);
    for (const t of [...targets].sort((a, b) => a.year - b.year)) rows.push(`| ${t.year} | ${formatNumber(t.value)}${unit} |`);
    return rows.join('\n');
}

/** The card of an establishment's activity: occupancy, threshold, and the modulation it implies. */
export function activityCard(a: ast.ActiviteRealisee, lookup: AvenantLookup): string | undefined {
    const suivi = followUpNodeOf(a);
    if (!suivi) return undefined;
    const followUp = followUpOf(suivi, lookup);
    const activity = followUp.activities.find(x => x.node === a);
    if (!activity || followUp.year === undefined) return undefined;
    const lines = [`**${md(activity.establishment?.title ?? a.establishment?.$refText)}** — activité ${followUp.year}`, ''];
    if (activity.days !== undefined) lines.push(`- Journées réalisées : ${formatNumber(activity.days)}`);
    if (activity.occupancy !== undefined) {
        const how = activity.occupancyOrigin === 'calcule' && activity.places && activity.daysInYear && activity.days !== undefined
            ? ` (${formatNumber(activity.days)} / (${formatNumber(activity.places)} places × ${activity.daysInYear} jours))` : '';
        lines.push(`- Taux d'occupation : ${formatNumber(activity.occupancy)}${'\u202F'}%${how}`);
    }
    if (activity.activePatients !== undefined) lines.push(`- File active : ${formatNumber(activity.activePatients)}`);
    if (activity.threshold) {
        const origin = { ecrit: 'indiqué dans le suivi', contrat: 'fixé par le contrat', arrete: "arrêté du 4 septembre 2017", objectif: "objectif d'activité du contrat" }[activity.threshold.origin];
        lines.push(`- Seuil de modulation : ${formatNumber(activity.threshold.value)}${'\u202F'}% (${origin})${activity.belowThreshold ? ' — **sous le seuil**' : ''}`);
    }
    return modulationSection(followUp, a, lines);
}

function modulationSection(followUp: FollowUp, node: AstNode, lines: string[]): string {
    for (const m of followUp.modulations.filter(x => x.node === node)) {
        const who = m.establishment ? ` — ${md(m.establishment.title ?? m.establishment.name)}` : '';
        lines.push('', `**Modulation ${m.appliedYear} de « ${md(m.funding.title ?? m.funding.name)} »${who}** (article ${m.article}, confiance ${m.confidence})`, '');
        lines.push('| Étape | Calcul |', '|---|---|');
        for (const step of m.calculation.steps) lines.push(`| ${md(step.label)} | ${md(step.expression)} |`);
        if (m.calculation.applies && m.calculation.amountCents > 0) lines.push('', `Minoration : **${formatEuros(m.calculation.amountCents)}**`);
    }
    return lines.join('\n');
}
