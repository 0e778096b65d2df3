/**
 * What an avenant modifies (`modifie X { … }`, `fin`), dates typed the French way, and the duration clause
 * `prorogeable par avenant pour N ans`. The semantics of a modification are in model/consolidation.ts.
 */
import { labelled } from '../message-names.js';
import { type AstNode, GrammarUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import { contractPeriod, firstClause, isIvTer } from '../../model/contract.js';
import { avenantNumber, perimeterForAvenant } from '../../model/avenants.js';
import { modificationPropApplies, modificationTargetKind } from '../../model/consolidation.js';
import { addYears, compareDates, endOfTerm, parseIsoDate, toIsoDate } from '../../model/dates.js';
import { parseNumber } from '../../model/numbers.js';
import { supportsError } from '../../law/law-view.js';
import { lawOf, type RuleContext } from '../rule-context.js';

/** CPOM130 and CPOM132 on each `modifie` of an avenant; CPOM010, CPOM011 and CPOM013 on its `fin`. */
export function checkModifications(avenant: ast.Avenant, ctx: RuleContext): void {
    const contract = avenant.contract?.ref;
    if (!contract) return;
    const number = avenant.number;
    let perimeter: Set<ast.Etablissement> | undefined;
    for (const modification of avenant.clauses.filter(ast.isModification)) {
        const target = modification.target?.ref;
        const kind = modificationTargetKind(target);
        if (!target || !kind) continue;
        modification.props.forEach(prop => {
            if (!modificationPropApplies(kind, prop)) {
                ctx.reporter.report('CPOM130', { clause: keywordOf(prop), target: labelled(target), kind }, { node: prop });
            }
        });
        if (ast.isEtablissement(target)) {
            perimeter ??= perimeterForAvenant(avenant, ctx.workspace);
            if (!perimeter.has(target)) {
                ctx.reporter.report('CPOM132', { name: labelled(target), number }, { node: modification, property: 'target' });
            }
        }
    }
    const end = firstClause(avenant, ast.isFin);
    if (end) checkAmendedEnd(end, contract, avenant, ctx);
}

/** The first keyword of a clause, as typed (`capacité`, `cibles`…). */
function keywordOf(prop: AstNode): string {
    return prop.$cstNode?.text.split(/\s/, 1)[0] ?? prop.$type;
}

/** The end date an avenant sets: after the date of effect, within five years (L.313-11); five years under IV ter. */
function checkAmendedEnd(endClause: ast.Fin, contract: ast.Contrat, avenant: ast.Avenant, ctx: RuleContext): void {
    const effect = parseIsoDate(firstClause(contract, ast.isEffet)?.date);
    const end = parseIsoDate(endClause.date);
    if (!effect || !end) return;
    const target = { node: endClause, property: 'date' };
    if (compareDates(end, effect) < 0) {
        ctx.reporter.report('CPOM010', { end: toIsoDate(end), effect: toIsoDate(effect) }, target);
        return;
    }
    const maxEnd = endOfTerm(effect, 5);
    if (compareDates(end, maxEnd) > 0) {
        const version = lawOf(avenant, ctx)?.inForce('CASF:L313-11');
        const verified = version !== undefined && supportsError(version.confidence);
        ctx.reporter.report('CPOM011', { effect: toIsoDate(effect), end: toIsoDate(end), max: toIsoDate(maxEnd) }, target, verified ? undefined : 'warning');
    } else if (isIvTer(contract) && compareDates(end, maxEnd) !== 0 && isLastEnd(avenant, ctx)) {
        ctx.reporter.report('CPOM013', { effect: toIsoDate(effect), end: toIsoDate(end) }, target);
    }
}

/** Whether no later avenant of the contract sets the end date again. */
function isLastEnd(avenant: ast.Avenant, ctx: RuleContext): boolean {
    const contract = avenant.contract?.ref;
    if (!contract) return true;
    const number = avenantNumber(avenant);
    return !ctx.workspace.avenantsOf(contract).some(a => a !== avenant && avenantNumber(a) > number && a.clauses.some(ast.isFin));
}

/** Whether an avenant of the contract sets its end date (then CPOM013 looks at the avenant's, not the contract's). */
export function endAmendedByAvenant(contract: ast.Contrat, ctx: RuleContext): boolean {
    return ctx.workspace.avenantsOf(contract).some(a => a.clauses.some(ast.isFin));
}

/** CPOM133: a duration clause that would take the contract beyond its sixth year. */
export function checkProrogeable(contract: ast.Contrat, ctx: RuleContext): void {
    const clause = firstClause(contract, ast.isProrogeable);
    const period = contractPeriod(contract);
    const years = parseNumber(clause?.years);
    if (!clause || !period || years === undefined || !Number.isInteger(years)) return;
    const latest = addYears(period.end, years);
    const max = endOfTerm(period.effect, 6);
    if (compareDates(latest, max) > 0) {
        const version = lawOf(contract, ctx)?.inForce('CASF:L313-11');
        const verified = version !== undefined && supportsError(version.confidence) && (version.quote?.includes('sixième année') ?? false);
        const duration = years === 1 ? { variant: 'one' as const } : { variant: 'several' as const, count: years };
        ctx.reporter.report('CPOM133', { years: duration, end: toIsoDate(period.end), max: toIsoDate(max) }, { node: clause, property: 'years' }, verified ? undefined : 'warning');
    }
}

/** CPOM131 on a date typed the French way (`15/12/2023`): how it was read; the quick fix writes it in ISO. */
export function checkFrenchDate(node: ast.Effet | ast.Fin | ast.DateSignature | ast.Prorogation | ast.Action | ast.FraisDeSiege | ast.Visa, ctx: RuleContext): void {
    // A date typed the French way has a slash: a node without one is done without searching its CST (every action).
    if (!node.$cstNode?.text.includes('/')) return;
    const property = ast.isAction(node) ? 'deadline' : ast.isFraisDeSiege(node) ? 'authorisation' : 'date';
    const typed = GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text;
    const iso = (node as unknown as Record<string, string | undefined>)[property];
    if (typed && iso && typed.includes('/') && parseIsoDate(iso)) {
        ctx.reporter.report('CPOM131', { typed, iso, written: iso }, { node, property });
    }
}
