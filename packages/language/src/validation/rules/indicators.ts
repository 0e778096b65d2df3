/** Objectives and indicators: baseline, targets per year, direction, percentages (arrêté du 25 octobre 2019). */
import { labelledIndicator, labelled } from '../message-names.js';
import * as ast from '../../generated/ast.js';
import { contractPeriod, firstProp, indicatorsOf, inheritedIndicatorProp, objectivesOf } from '../../model/contract.js';
import { plain } from '../../model/french.js';
import { formatNumber, parseNumber } from '../../model/numbers.js';
import type { MessageParams } from '../../diagnostics/rules.js';
import type { RuleContext } from '../rule-context.js';

export function checkObjectives(contract: ast.Contrat, ctx: RuleContext): void {
    const objectives = objectivesOf(contract);
    const max = ctx.reporter.option('CPOM056', 'max');
    if (objectives.length > max) {
        ctx.reporter.report('CPOM056', { count: objectives.length, max }, { node: objectives[max], property: 'name' });
    }
    const period = contractPeriod(contract);
    // Targets may be set up to the end of the prorogation (CPOM053), as amounts and reviews are; the final target (CPOM059) is for the initial term.
    const bounds = period ? { first: period.firstYear, last: period.lastYear, end: Math.max(period.lastYear, period.prorogation?.year ?? period.lastYear) } : undefined;
    for (const objective of objectives) {
        const indicators = indicatorsOf(objective);
        if (indicators.length === 0) {
            ctx.reporter.report('CPOM050', { name: labelled(objective) }, { node: objective, property: 'name' });
        }
        for (const indicator of indicators) {
            if (indicator.base) {
                checkIndicator(indicator, bounds, ctx);
            } else {
                // Without `selon`, an indicator's diagnostics depend on its own clauses and the contract's years only.
                ctx.keep(checkIndicator, indicator, bounds ? `${bounds.first} ${bounds.last} ${bounds.end}` : '', kept => checkIndicator(indicator, bounds, kept));
            }
        }
    }
}

type Direction = MessageParams<'CPOM054'>['direction'];

/** The indicator's `sens`: the grammar allows hausse, baisse and maintien only. */
function direction(indicator: ast.Indicateur): Direction | undefined {
    const sens = inheritedIndicatorProp(indicator, ast.isSens)?.value;
    return sens ? plain(sens) as Direction : undefined;
}

function checkIndicator(indicator: ast.Indicateur, period: { first: number; last: number; end: number } | undefined, ctx: RuleContext): void {
    const baseline = firstProp(indicator, ast.isReference);
    const cibles = firstProp(indicator, ast.isCibles);
    if (!baseline) {
        ctx.reporter.report('CPOM051', { name: labelledIndicator(indicator) }, { node: indicator, property: 'name' });
    }
    if (!cibles || cibles.targets.length === 0) {
        ctx.reporter.report('CPOM052', { name: labelledIndicator(indicator) }, { node: indicator, property: 'name' });
        return;
    }
    const seen = new Set<number>();
    const points: Array<{ year: number; value: number; unit?: string; node: ast.Cible | ast.Reference }> = [];
    cibles.targets.forEach((target) => {
        const year = Number(parseNumber(target.year));
        if (seen.has(year)) {
            ctx.reporter.report('CPOM058', { year: target.year }, { node: target, property: 'year' });
            return;
        }
        seen.add(year);
        if (period && (year < period.first || year > period.end)) {
            ctx.reporter.report('CPOM053', { year: target.year, first: period.first, last: period.end }, { node: target, property: 'year' });
        }
        const value = parseNumber(target.value?.number);
        if (value !== undefined) points.push({ year, value, unit: target.value?.unit, node: target });
    });
    if (period && !seen.has(period.last)) {
        ctx.reporter.report('CPOM059', { name: labelledIndicator(indicator), year: period.last }, { node: cibles, keyword: 'cibles' });
    }
    points.sort((a, b) => a.year - b.year);
    if (baseline) {
        const year = Number(parseNumber(baseline.year));
        const value = parseNumber(baseline.value?.number);
        if (points.length > 0 && year >= points[0].year) {
            ctx.reporter.report('CPOM057', { year: baseline.year, name: labelledIndicator(indicator), first: points[0].year }, { node: baseline, property: 'year' });
        } else if (value !== undefined) {
            points.unshift({ year, value, unit: baseline.value?.unit, node: baseline });
        }
    }
    const sens = direction(indicator);
    if (!sens) return;
    for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1], points[i]];
        const wrong = sens === 'hausse' ? b.value < a.value : sens === 'baisse' ? b.value > a.value : b.value !== a.value;
        if (wrong) {
            ctx.reporter.report('CPOM054', {
                name: labelledIndicator(indicator), direction: sens,
                from: valueText(a), fromYear: a.year, to: valueText(b), toYear: b.year,
            }, { node: b.node, property: 'value' });
            return;
        }
    }
}

/** A value as written, with its sign and unit: `96 %`, `−2,5 %`, `12`. */
function valueText(point: { value: number; unit?: string }): string {
    return point.unit ? `${formatNumber(point.value)} ${point.unit}` : formatNumber(point.value);
}

/** CPOM055: any value written with % lies between 0 and 100. */
export function checkPercentage(value: ast.Valeur, ctx: RuleContext): void {
    if (value.unit !== '%') return;
    const n = parseNumber(value.number);
    if (n !== undefined && (n < 0 || n > 100)) {
        ctx.reporter.report('CPOM055', { value: value.number }, { node: value });
    }
}
