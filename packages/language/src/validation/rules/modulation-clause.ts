/**
 * The `modulation` clause as the contract writes it (CPOM170–174): establishments the line funds, formula and
 * abattement that agree, the regulatory formula of the EHPAD forfaits, reference measures already known at
 * signature, a threshold in the unit of its criterion. Read through the clause's view (model/modulation-clause.ts).
 */
import type { AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { clausesOf, firstClause, firstProp, fundedEstablishments } from '../../model/contract.js';
import { parseIsoDate } from '../../model/dates.js';
import { effectiveFormula, measureText, modulationClauseView, type ModulationClauseView, regulatoryArticle } from '../../model/modulation-clause.js';
import type { RuleContext } from '../rule-context.js';

export function checkModulationClause(node: ast.Modulation, ctx: RuleContext): void {
    const view = modulationClauseView(node);
    const name = view.funding?.title ?? node.funding?.$refText ?? '';
    checkEstablishments(node, view, name, ctx);
    checkFormula(node, view, name, ctx);
    checkReferenceYears(node, view, ctx);
    checkThresholdUnit(node, view, ctx);
}

function checkEstablishments(node: ast.Modulation, view: ModulationClauseView, name: string, ctx: RuleContext): void {
    if (!view.funding) return;
    const funded = new Set(fundedEstablishments(view.funding));
    if (funded.size === 0) return;
    for (const clause of node.props.filter(ast.isConcernes)) {
        clause.establishments.forEach((ref, index) => {
            const e = ref?.ref;
            if (e && !funded.has(e)) ctx.reporter.report('CPOM170', { establishment: e.title ?? e.name, name }, { node: clause, property: 'establishments', index });
        });
    }
    for (const m of view.referenceMeasures) {
        if (m.establishment && !funded.has(m.establishment)) {
            ctx.reporter.report('CPOM170', { establishment: m.establishment.title ?? m.establishment.name, name }, { node: m.node, property: 'establishment' });
        }
    }
}

function checkFormula(node: ast.Modulation, view: ModulationClauseView, name: string, ctx: RuleContext): void {
    const formulaNode = firstProp(node, ast.isFormuleModulation);
    const abattementNode = firstProp(node, ast.isAbattement);
    const formula = effectiveFormula(view);
    if (regulatoryArticle(view) && formulaNode && view.formula !== 'demi_ecart') {
        ctx.reporter.report('CPOM172', { name }, { node: formulaNode, property: 'value' });
        return;
    }
    if (!formulaNode) return;
    if (formula === 'demi_ecart' && view.abattement && !(view.abattement.unit === '%' && view.abattement.value === 50)) {
        ctx.reporter.report('CPOM171', { name, problem: { variant: 'ignored' } }, { node: abattementNode!, property: 'value' });
    } else if (formula !== 'demi_ecart' && !view.abattement) {
        ctx.reporter.report('CPOM171', { name, problem: { variant: 'missing' } }, { node: formulaNode, property: 'value' });
    } else if (formula === 'proportionnelle' && view.abattement?.unit === '€') {
        ctx.reporter.report('CPOM171', { name, problem: { variant: 'euros' } }, { node: abattementNode!, property: 'value' });
    }
}

/** The year of the contract's (or avenant's) signature, else of its date d'effet. */
function signingYear(node: AstNode): number | undefined {
    for (let n: AstNode | undefined = node.$container; n; n = n.$container) {
        if (ast.isContrat(n) || ast.isAvenant(n)) {
            const owner = n as ast.Contrat | ast.Avenant;
            const signed = parseIsoDate(firstClause(owner, ast.isDateSignature)?.date) ?? parseIsoDate(clausesOf(owner, ast.isEffet)[0]?.date);
            return signed?.year;
        }
    }
    return undefined;
}

function checkReferenceYears(node: ast.Modulation, view: ModulationClauseView, ctx: RuleContext): void {
    const signed = signingYear(node);
    if (signed === undefined) return;
    for (const m of view.referenceMeasures) {
        if (m.year !== undefined && m.year >= signed) ctx.reporter.report('CPOM173', { year: m.year, signed }, { node: m.node, property: 'year' });
    }
}

function checkThresholdUnit(node: ast.Modulation, view: ModulationClauseView, ctx: RuleContext): void {
    const threshold = view.threshold;
    const thresholdNode = firstProp(node, ast.isSeuilModulation);
    if (!threshold || !thresholdNode) return;
    const target = { node: thresholdNode, property: 'value' };
    const params = (expected: 'rate' | 'count' | 'euros') => ({ threshold: measureText(threshold), expected: { variant: expected } }) as const;
    if (threshold.unit === '€') {
        ctx.reporter.report('CPOM174', params('euros'), target);
    } else if (view.criterion === 'taux_occupation' && threshold.unit !== '%') {
        ctx.reporter.report('CPOM174', params('rate'), target);
    } else if ((view.criterion === 'personnes_accompagnees' || view.criterion === 'prestations') && threshold.unit === '%') {
        ctx.reporter.report('CPOM174', params('count'), target);
    }
}
