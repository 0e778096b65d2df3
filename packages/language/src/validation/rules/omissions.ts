/**
 * What a contract leaves out without anything saying so: a year missing in the middle of an indicator's trajectory
 * (CPOM180), a forfait shared by several establishments with no distribution (CPOM181).
 */
import * as ast from '../../generated/ast.js';
import { AstUtils } from 'langium';
import { contractPeriod, firstProp, propsOf } from '../../model/contract.js';
import { parseNumber } from '../../model/numbers.js';
import { labelled } from '../message-names.js';
import type { RuleContext } from '../rule-context.js';

/**
 * CPOM180: the years with no target inside a year-by-year trajectory. A trajectory is year by year when it steps a
 * year at a time more often than it jumps (2013, 2014, 2016, 2017); targets set only some years (2015 and 2017, or
 * every other year) are a choice of the parties, not a slip.
 */
export function checkTrajectoryGaps(indicator: ast.Indicateur, ctx: RuleContext): void {
    const cibles = firstProp(indicator, ast.isCibles);
    const years = [...new Set((cibles?.targets ?? [])
        .map(t => Number(parseNumber(t.year)))
        .filter(y => Number.isInteger(y) && y > 0))].sort((a, b) => a - b);
    if (!cibles || years.length < 2) return;
    const first = years[0];
    const last = years[years.length - 1];
    // A typing slip (2203 for 2023) would make thousands of years "missing": a trajectory spans a contract at most.
    if (last - first > 10) return;
    const steps = years.slice(1).map((year, i) => year - years[i]);
    const jumps = steps.filter(step => step > 1).length;
    if (jumps === 0 || jumps >= steps.length - jumps) return;
    const written = new Set(years);
    const missing: number[] = [];
    for (let year = first + 1; year < last; year++) {
        if (!written.has(year)) missing.push(year);
    }
    const title = indicator.title ?? indicator.base?.ref?.title;
    ctx.reporter.report('CPOM180', { name: labelled({ name: indicator.name, title }), years: missing, first, last }, { node: cibles, keyword: 'cibles' });
}

const FORFAIT_NATURES = new Set(['forfait_global_soins', 'forfait_global_dependance', 'forfait_global_dépendance', 'forfait_soins', 'forfait_autonomie']);

/** CPOM181: a forfait that funds several establishments says how it is split between them, for one year at least. */
export function checkForfaitDistribution(funding: ast.Financement, ctx: RuleContext): void {
    const nature = firstProp(funding, ast.isNature)?.value;
    if (funding.kind !== 'forfait' && !(nature && FORFAIT_NATURES.has(nature))) return;
    if (propsOf(funding, ast.isRepartition).length > 0) return;
    const establishments = [...new Set(propsOf(funding, ast.isConcernes).flatMap(c => c.establishments.map(r => r.ref)))]
        .filter((e): e is ast.Etablissement => e !== undefined);
    if (establishments.length < 2) return;
    const years = propsOf(funding, ast.isMontants).flatMap(m => m.amounts.map(a => Number(parseNumber(a.year))))
        .filter(y => Number.isInteger(y) && y > 0).sort((a, b) => a - b);
    // The first year funded, else the contract's first year: the usual year of a first distribution.
    const contract = AstUtils.getContainerOfType(funding, ast.isContrat);
    const first = years[0] ?? (contract ? contractPeriod(contract)?.firstYear : undefined);
    const year = first !== undefined ? String(first) : 'ANNÉE';
    ctx.reporter.report('CPOM181', {
        name: labelled(funding), count: establishments.length, establishments: establishments.map(labelled), year,
    }, { node: funding, property: 'name' });
}
