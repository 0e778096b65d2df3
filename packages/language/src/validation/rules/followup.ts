/** Follow-up: comité de suivi, reviews in years 3 and 5, GMP/PMP, budget deadlines (arrêté du 3 mars 2017). */
import { labelled } from '../message-names.js';
import * as ast from '../../generated/ast.js';
import { contractPeriod, firstClause, isIvTer, signingParties, suiviItems } from '../../model/contract.js';
import { monthNumber } from '../../model/dates.js';
import { parseNumber } from '../../model/numbers.js';
import { errorWhereVerified } from '../law-support.js';
import type { RuleContext } from '../rule-context.js';

/** The last day to send each budget document; the catalogue words them (CPOM084). */
const DEADLINES = {
    eprd: { month: 6, day: 30 },
    errd: { month: 4, day: 30 },
} as const;

export function checkFollowUp(contract: ast.Contrat, ctx: RuleContext): void {
    const suivi = firstClause(contract, ast.isSuivi);
    const items = suiviItems(contract);
    const period = contractPeriod(contract);
    const comites = items.filter(ast.isComite);

    for (const item of items) {
        if ((ast.isRevue(item) || ast.isEvaluationGmpPmp(item)) && period) {
            const year = Number(parseNumber(item.year));
            const last = Math.max(period.lastYear, period.prorogation?.year ?? 0);
            // GMP and PMP are assessed before the contract is concluded, too (arrêté du 3 mars 2017).
            const first = ast.isEvaluationGmpPmp(item) ? period.firstYear - 1 : period.firstYear;
            if (year < first || year > last) {
                ctx.reporter.report('CPOM083', { year: item.year, first, last }, { node: item, property: 'year' });
            }
        }
        if (ast.isTransmission(item)) {
            const document = Object.hasOwn(DEADLINES, item.document) ? item.document as keyof typeof DEADLINES : undefined;
            const deadline = document ? DEADLINES[document] : undefined;
            const month = monthNumber(item.month);
            const day = Number(parseNumber(item.day));
            if (document && deadline && month !== undefined && (month > deadline.month || (month === deadline.month && day > deadline.day))) {
                ctx.reporter.report('CPOM084', {
                    document: item.document.toUpperCase(), date: `${item.day} ${item.month}`, deadline: document,
                }, { node: item, property: 'month' });
            }
        }
    }

    // CPOM085: the parties sit on the comité de suivi.
    if (comites.length > 0) {
        const members = new Set(comites.flatMap(c => c.members.map(m => m.ref)));
        for (const party of signingParties(contract)) {
            if (!members.has(party)) {
                ctx.reporter.report('CPOM085', { party: party.name, label: labelled(party) }, { node: comites[0], keyword: comites[0].$cstNode?.text.startsWith('comité') ? 'comité' : 'comite' });
            }
        }
    }

    if (!isIvTer(contract) || !suivi) {
        return;
    }
    if (comites.length === 0) {
        ctx.reporter.report('CPOM080', {}, { node: suivi, keyword: 'suivi' }, errorWhereVerified(contract, ctx, 'ARRETE:2017-03-03'));
    }
    if (!period) {
        return;
    }
    const mid = period.firstYear + 2;
    // A contract shorter than five years (CPOM013, a warning) holds its final review in its last year:
    // asking for year 5 would contradict CPOM083 (review outside the period).
    const final = Math.min(period.firstYear + 4, period.lastYear);
    const hasYear3 = mid <= period.lastYear;
    const reviews = items.filter(ast.isRevue);
    const hasReview = (kind: string, year: number) => reviews.some(r => r.kind === kind && Number(parseNumber(r.year)) === year);
    const missing: string[] = [];
    if (hasYear3 && !hasReview('mi_parcours', mid)) missing.push(`\`revue mi_parcours ${mid}\``);
    if (!hasReview('finale', final)) missing.push(`\`revue finale ${final}\``);
    if (missing.length > 0) {
        ctx.reporter.report('CPOM081', { mid, final, missing }, { node: suivi, keyword: 'suivi' }, errorWhereVerified(contract, ctx, 'ARRETE:2017-03-03'));
    }
    const evaluations = items.filter(ast.isEvaluationGmpPmp);
    const years = evaluations.map(e => Number(parseNumber(e.year)));
    if (hasYear3 && !years.includes(mid)) {
        const target = evaluations[0] ?? suivi;
        ctx.reporter.report('CPOM082', {
            expected: mid,
            actual: years.length > 0
                ? { variant: 'years', years: years.map(String), clause: `evaluation_gmp_pmp ${mid}` }
                : { variant: 'none', clause: `evaluation_gmp_pmp ${mid}` },
        }, evaluations[0] ? { node: target, property: 'year' } : { node: suivi, keyword: 'suivi' });
    }
}
