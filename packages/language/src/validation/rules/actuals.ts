/**
 * The yearly follow-up files (`suivi_annuel du contrat X annee N`): the year against the contract and the calendar, the
 * indicators without a value, the indicators off track, activity under its modulation threshold, CNR spending,
 * establishments outside the perimeter of that year. Everything is read from the follow-up model
 * (model/follow-up.ts), which the editor and the JSON export read too. No error: no text makes any of it unlawful.
 */
import * as ast from '../../generated/ast.js';
import { followUpOf } from '../../model/follow-up.js';
import { formatEuros, formatNumber } from '../../model/numbers.js';
import type { RuleContext } from '../rule-context.js';
import { checkReceivedAgainstPlanned, checkSameYearFollowUps } from './actuals-consistency.js';

/** The current year, read once per check: a follow-up of this year or a later one is not closed (CPOM121). */
function currentYear(): number {
    return new Date().getUTCFullYear();
}

export function checkActuals(node: ast.SuiviAnnuel, ctx: RuleContext): void {
    const followUp = followUpOf(node, ctx.workspace);
    const { year, period } = followUp;
    if (year === undefined || !followUp.contract) return;
    const last = period ? Math.max(period.lastYear, period.prorogation?.year ?? period.lastYear) : undefined;
    if (period && last !== undefined && (year < period.firstYear || year > last)) {
        ctx.reporter.report('CPOM120', { year, first: period.firstYear, last }, { node, property: 'year' });
    }
    const closed = year < currentYear();
    if (!closed) {
        ctx.reporter.report('CPOM121', { year }, { node, property: 'year' });
    }
    const missing = followUp.indicators.filter(i => i.status === 'sans_valeur' && i.target?.origin === 'ecrite');
    if (closed && missing.length > 0) {
        ctx.reporter.report('CPOM122', { year, names: missing.map(i => i.title ?? i.name) }, { node, keyword: 'suivi_annuel' });
    }
    checkRepeated(node, ctx);
    checkSameYearFollowUps(followUp, ctx);
    checkReceivedAgainstPlanned(followUp, ctx);
    for (const indicator of followUp.indicators) {
        if ((indicator.status === 'en_retard' || indicator.status === 'en_ecart') && indicator.valueNode && indicator.target) {
            const unit = indicator.valueNode.value?.unit ? ` ${indicator.valueNode.value.unit}` : '';
            ctx.reporter.report('CPOM123', {
                name: indicator.title ?? indicator.name, value: `${indicator.valueNode.value?.number ?? ''}${unit}`,
                target: `${formatNumber(indicator.target.value)}${unit}`, year, status: indicator.status,
            }, { node: indicator.valueNode, property: 'value' });
        }
    }
    for (const activity of followUp.activities) {
        const name = activity.establishment?.title ?? activity.node.establishment?.$refText ?? '?';
        if (activity.establishment && !activity.inPerimeter) {
            ctx.reporter.report('CPOM127', { establishment: name, year }, { node: activity.node, property: 'establishment' });
        }
        if (activity.belowThreshold && activity.occupancy !== undefined && activity.threshold) {
            const rateNode = (activity.node.props ?? []).find(ast.isTauxOccupation) ?? (activity.node.props ?? []).find(ast.isJourneesRealisees);
            ctx.reporter.report('CPOM124', {
                establishment: name, rate: `${formatNumber(activity.occupancy)} %`, threshold: `${formatNumber(activity.threshold.value)} %`,
                origin: { variant: activity.threshold.origin },
            }, rateNode ? { node: rateNode, property: 'value' } : { node: activity.node, property: 'establishment' });
        }
    }
    for (const cnr of followUp.cnr) {
        if (!cnr.granted) {
            ctx.reporter.report('CPOM126', { title: cnr.title ?? '' }, { node: cnr.node, property: 'title' });
        } else if (cnr.overspent && cnr.spentCents !== undefined && cnr.grantedCents !== undefined) {
            ctx.reporter.report('CPOM125', { title: cnr.title ?? '', spent: formatEuros(cnr.spentCents), granted: formatEuros(cnr.grantedCents) }, { node: cnr.node, property: 'amount' });
        }
    }
}

/** CPOM128: one value per indicator, one activity per establishment. */
function checkRepeated(node: ast.SuiviAnnuel, ctx: RuleContext): void {
    const seen = new Set<unknown>();
    for (const item of node.items ?? []) {
        const reference = ast.isValeurRealisee(item) ? item.indicator : ast.isActiviteRealisee(item) ? item.establishment : undefined;
        const target = reference?.ref;
        if (!reference || !target) continue;
        if (seen.has(target)) {
            ctx.reporter.report('CPOM128', { name: reference.$refText }, { node: item, property: ast.isValeurRealisee(item) ? 'indicator' : 'establishment' });
        }
        seen.add(target);
    }
}

