/**
 * The contract's own visas and clauses of Titre 2, and the territory of authorities over several départements
 * (CPOM160–166); the visas and clauses an avenant adds, words anew or withdraws (CPOM160, 161, 163, 164, 190, 191).
 * Entries in clauses.rules.ts.
 */
import { labelled, namedDepartment } from '../message-names.js';
import * as ast from '../../generated/ast.js';
import { authorityKind, clausesOf, establishmentFacts, firstClause, isDepartmentalAuthority, legalFrames, perimeterOf } from '../../model/contract.js';
import { authorityDepartmentCodes, authorityDepartments, clauseKindKey, type VisaView, visasOf, visaWithdrawn, writtenClauses } from '../../model/contract-clauses.js';
import { earlierAvenants, perimeterForAvenant } from '../../model/avenants.js';
import { consolidate } from '../../model/consolidation.js';
import { plain } from '../../model/french.js';
import { parseIsoDate } from '../../model/dates.js';
import { departmentalAuthorityAt } from '../../law/territories.js';
import { keywordLabel } from '../../wording/keywords.js';
import { lawOf, type RuleContext } from '../rule-context.js';
import { establishmentDepartment, signsFor } from './parties.js';
import { establishmentSite } from './perimeter.js';

export function checkClauses(contract: ast.Contrat, ctx: RuleContext): void {
    checkVisas(visasOf(contract), new Set(perimeterOf(contract)), firstClause(contract, ast.isDateSignature)?.date, ctx);
    checkWrittenClauses(contract, clausesOf(contract, ast.isClausesRedigees).flatMap(c => c.items ?? []), ctx);
    checkAuthorityTerritories(contract, ctx);
}

/**
 * The visas and clauses of an avenant: those it adds and words as the contract's (CPOM160, 161, 163, 164; the date
 * of an act is compared with the contract's signature, not the avenant's: no CPOM162), and what it withdraws.
 */
export function checkAvenantClauses(avenant: ast.Avenant, ctx: RuleContext): void {
    const contract = avenant.contract?.ref;
    if (!contract) return;
    const visas = visasOf(avenant);
    if (visas.length > 0) checkVisas(visas, perimeterForAvenant(avenant, ctx.workspace), undefined, ctx);
    checkWrittenClauses(contract, clausesOf(avenant, ast.isClausesRedigees).flatMap(c => c.items ?? []), ctx);
    if (avenant.clauses.some(c => ast.isRetraitVisa(c) || ast.isRetraitClause(c))) checkWithdrawals(avenant, contract, ctx);
}

/**
 * CPOM190: `retire visa` that names no visa in force; CPOM191: `retire clause` of a clause no one words. In force:
 * the contract as amended by the earlier avenants, then this avenant's own clauses in the order written.
 */
function checkWithdrawals(avenant: ast.Avenant, contract: ast.Contrat, ctx: RuleContext): void {
    const before = consolidate(contract, earlierAvenants(avenant, ctx.workspace)).contract;
    let visas = visasOf(before).map(v => v.node);
    const worded = new Set(writtenClauses(before).keys());
    for (const clause of avenant.clauses) {
        if (ast.isVisas(clause)) {
            visas = [...visas, ...clause.items];
        } else if (ast.isRetraitVisa(clause) && clause.kind) {
            const kept = visas.filter(v => !visaWithdrawn(v, clause));
            if (kept.length === visas.length) {
                ctx.reporter.report('CPOM190', { number: avenant.number, visa: withdrawnVisaName(clause) }, { node: clause, property: 'kind' });
            }
            visas = kept;
        } else if (ast.isClausesRedigees(clause)) {
            clause.items.forEach(item => { const kind = clauseKindKey(item.kind); if (kind) worded.add(kind); });
        } else if (ast.isRetraitClause(clause)) {
            const kind = clauseKindKey(clause.kind);
            if (kind && !worded.has(kind)) {
                ctx.reporter.report('CPOM191', { number: avenant.number, clause: keywordLabel('ClauseKind', kind) ?? kind }, { node: clause, property: 'kind' });
            }
            if (kind) worded.delete(kind);
        }
    }
}

/** « schéma départemental » « de l'autonomie… » du 2022-06-27: the visa as the withdrawal names it. */
function withdrawnVisaName(withdrawal: ast.RetraitVisa): string {
    const kind = `« ${keywordLabel('VisaKind', plain(withdrawal.kind)) ?? withdrawal.kind} »`;
    const text = withdrawal.text !== undefined ? ` « ${withdrawal.text.trim()} »` : '';
    return `${kind}${text}${withdrawal.date ? ` du ${withdrawal.date}` : ''}`;
}

/** CPOM160–162: an act cited without its date, an authorisation without its establishment, an act after the signature. */
function checkVisas(visas: readonly VisaView[], perimeter: ReadonlySet<ast.Etablissement>, signature: string | undefined, ctx: RuleContext): void {
    for (const visa of visas) {
        if ((visa.kind === 'autorisation' || visa.kind === 'deliberation') && !visa.date) {
            ctx.reporter.report('CPOM160', { act: visa.kind }, { node: visa.node, property: 'kind' });
        }
        if (visa.kind === 'autorisation') {
            if ((visa.node.establishments ?? []).length === 0) {
                ctx.reporter.report('CPOM161', { detail: 'none' }, { node: visa.node, property: 'kind' });
            }
            visa.node.establishments.forEach((ref, index) => {
                if (ref.ref && !perimeter.has(ref.ref)) {
                    ctx.reporter.report('CPOM161', { detail: 'outside' }, { node: visa.node, property: 'establishments', index });
                }
            });
        }
        if (visa.date && signature && parseIsoDate(visa.date) && parseIsoDate(signature) && visa.date > signature) {
            ctx.reporter.report('CPOM162', { date: visa.date, signature }, { node: visa.node, property: 'date' });
        }
    }
}

/** CPOM163 (a clause written twice), CPOM164 (end of the tripartite agreements outside an EHPAD CPOM). */
function checkWrittenClauses(contract: ast.Contrat, clauses: readonly ast.ClauseRedigee[], ctx: RuleContext): void {
    const seen = new Set<string>();
    const ivTer = legalFrames(contract).has('L313-12-IVter');
    for (const clause of clauses) {
        if (!clause.kind) continue;
        const kind = plain(clause.kind);
        if (seen.has(kind)) {
            ctx.reporter.report('CPOM163', { clause: keywordLabel('ClauseKind', kind) ?? kind }, { node: clause, property: 'kind' });
        }
        seen.add(kind);
        if (kind === 'conventions_tripartites' && !ivTer && firstClause(contract, ast.isCadre)) {
            ctx.reporter.report('CPOM164', {}, { node: clause, property: 'kind' });
        }
    }
}

/**
 * CPOM165: a departmental authority over départements no one collectivité holds on the contract's date;
 * CPOM166: an establishment tarified by an authority whose declared départements leave its own out.
 */
function checkAuthorityTerritories(contract: ast.Contrat, ctx: RuleContext): void {
    const date = lawOf(contract, ctx)?.date;
    for (const authority of clausesOf(contract, ast.isAutorite)) {
        const codes = authorityDepartmentCodes(authority);
        if (!isDepartmentalAuthority(authority) || codes.length < 2 || !date) continue;
        const holders = departmentalAuthorityAt(codes[0], date);
        const together = holders.some(h => codes.every(code => departmentalAuthorityAt(code, date).includes(h)));
        if (!together) {
            ctx.reporter.report('CPOM165', { authority: labelled(authority), departments: authorityDepartments(authority) }, { node: authority, property: 'otherDepartments', index: 0 });
        }
    }
    for (const e of perimeterOf(contract)) {
        const department = establishmentDepartment(e);
        if (!department) continue;
        const ehpad = establishmentFacts(e).category?.frame === 'L313-12-IVter';
        for (const authority of new Set(establishmentFacts(e).tarification)) {
            const codes = authorityDepartmentCodes(authority);
            // The département of an EHPAD and its council: CPOM024 already says it (the council must sign).
            if (codes.length === 0 || (ehpad && isDepartmentalAuthority(authority))) continue;
            const covered = isDepartmentalAuthority(authority) ? signsFor(authority, department, date) : codes.includes(department);
            if (!covered && !(authorityKind(authority) === 'organisme')) {
                ctx.reporter.report('CPOM166', {
                    establishment: labelled(e), department: namedDepartment(department), authority: labelled(authority), departments: authorityDepartments(authority),
                }, establishmentSite(contract, e));
            }
        }
    }
}
