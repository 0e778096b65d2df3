/** Who signs: tarification authorities, payers, the gestionnaire, EHPAD tripartite contracts (L.313-11, L.313-12 IV ter). */
import { labelled, labelledCategory, namedDepartment } from '../message-names.js';
import { AstUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import type { AuthorityRole } from '../../model/categories.js';
import {
    authorityKind, clausesOf, establishmentFacts, firstClause, fundingsOf, gestionnaireOf,
    isDepartmentalAuthority, isIvTer, legalFrames, perimeterOf, signatoriesOf, signingParties,
} from '../../model/contract.js';
import { authorityDepartments } from '../../model/contract-clauses.js';
import { findDepartment, partOfRhone } from '../../model/departments.js';
import { finessDepartment, isWellFormedFiness } from '../../model/finess.js';
import { regionAt } from '../../law/regions.js';
import { coversTerritory } from '../../law/territories.js';
import { errorWhereVerified } from '../law-support.js';
import { lawOf, type RuleContext } from '../rule-context.js';
import { establishmentSite } from './perimeter.js';

function roleOf(authority: ast.Autorite): AuthorityRole | undefined {
    const kind = authorityKind(authority);
    if (kind === 'ars' || kind === 'prefet') return kind;
    if (kind === 'departement' || kind === 'metropole') return 'departement';
    return undefined;
}

/** The département of an establishment: declared, or read from its FINESS number. */
export function establishmentDepartment(e: ast.Etablissement): string | undefined {
    const facts = establishmentFacts(e);
    const declared = facts.department ? findDepartment(facts.department)?.code : undefined;
    if (declared) return declared;
    return facts.finess && isWellFormedFiness(facts.finess) ? findDepartment(finessDepartment(facts.finess))?.code : undefined;
}

export function checkParties(contract: ast.Contrat, ctx: RuleContext): void {
    const signers = signingParties(contract);
    const hasSignatories = contract.clauses.some(ast.isSignataires);
    const perimeter = perimeterOf(contract);
    const fundings = fundingsOf(contract);

    // CPOM020: every tarification authority signs; reported once per authority, where it is first named.
    if (hasSignatories) {
        const reported = new Set<ast.Autorite>();
        for (const e of perimeter) {
            for (const tarification of e.props.filter(ast.isTarification)) {
                tarification.authorities.forEach((ref, index) => {
                    const authority = ref.ref;
                    if (!authority || signers.has(authority) || reported.has(authority)) return;
                    reported.add(authority);
                    // Every establishment it tarifies, named: the reader checks the list, not a count.
                    const establishments = [e, ...perimeter.filter(o => o !== e && establishmentFacts(o).tarification.includes(authority))].map(labelled);
                    const site = AstUtils.getContainerOfType(tarification, ast.isContrat) === contract ? { node: tarification, property: 'authorities', index } : establishmentSite(contract, e);
                    // The text says "autorités chargées de la tarification" only in the versions of L.313-11 that were read.
                    ctx.reporter.report('CPOM020', { authority: authority.name, label: labelled(authority), establishments }, site, errorWhereVerified(contract, ctx, 'CASF:L313-11'));
                });
            }
        }
    }

    // CPOM022: the gestionnaire signs.
    const gestionnaire = gestionnaireOf(contract);
    const signatoriesClause = firstClause(contract, ast.isSignataires);
    if (gestionnaire && signatoriesClause && !signers.has(gestionnaire)) {
        ctx.reporter.report('CPOM022', { gestionnaire: gestionnaire.name, label: labelled(gestionnaire) }, { node: signatoriesClause, keyword: 'signataires' });
    }

    // CPOM021: a signing authority that neither tarifies nor funds.
    for (const signatory of signatoriesOf(contract)) {
        const party = signatory.party?.ref;
        if (!ast.isAutorite(party) || authorityKind(party) === 'organisme') continue;
        const tarifies = perimeter.some(e => establishmentFacts(e).tarification.includes(party));
        const pays = fundings.some(f => f.props.some(p => ast.isFinanceur(p) && p.payer.ref === party))
            || clausesOf(contract, ast.isMoyens).some(m => m.items.some(i => ast.isCnr(i) && i.payer?.ref === party));
        if (!tarifies && !pays) {
            ctx.reporter.report('CPOM021', { authority: labelled(party) }, { node: signatory, property: 'party' });
        }
    }

    const cadre = firstClause(contract, ast.isCadre);
    if (isIvTer(contract) && cadre && hasSignatories) {
        // CPOM023: ARS and département sign an EHPAD CPOM.
        const authorities = [...signers].filter(ast.isAutorite);
        const missing: Array<'ars' | 'departement'> = [];
        if (!authorities.some(a => authorityKind(a) === 'ars')) missing.push('ars');
        if (!authorities.some(isDepartmentalAuthority)) missing.push('departement');
        if (missing.length > 0) {
            ctx.reporter.report('CPOM023', { missing }, { node: cadre, keyword: 'cadre' }, errorWhereVerified(contract, ctx, 'ARRETE:2017-03-03'));
        } else {
            checkDepartmentsSign(contract, authorities.filter(isDepartmentalAuthority), perimeter, ctx);
        }
    }

    // CPOM025: one region, as the regions were on the contract's date (22 regions before 2016).
    const regionDate = lawOf(contract, ctx)?.date;
    const regions = new Set(perimeter.map(establishmentDepartment).filter((d): d is string => d !== undefined)
        .map(d => (regionDate ? regionAt(d, regionDate)?.name : undefined) ?? findDepartment(d)!.region));
    const perimetre = firstClause(contract, ast.isPerimetre);
    if (regions.size > 1 && perimetre) {
        ctx.reporter.report('CPOM025', { regions: [...regions].sort().join(', ') }, { node: perimetre, keyword: perimetre.$cstNode?.text.startsWith('périmètre') ? 'périmètre' : 'perimetre' });
    }
}

/**
 * CPOM024: each département of an EHPAD of the perimeter signs (when authorities state their département), read through
 * the territorial registry at the contract's date: one collectivité may hold several départements.
 */
function checkDepartmentsSign(contract: ast.Contrat, departmental: readonly ast.Autorite[], perimeter: readonly ast.Etablissement[], ctx: RuleContext): void {
    if (!departmental.every(a => a.department !== undefined && findDepartment(a.department) !== undefined)) return;
    const date = lawOf(contract, ctx)?.date;
    const reported = new Set<string>();
    for (const e of perimeter) {
        const category = establishmentFacts(e).category;
        const department = establishmentDepartment(e);
        if (category?.frame === 'L313-12-IVter' && department && !departmental.some(a => signsFor(a, department, date)) && !reported.has(department)) {
            reported.add(department);
            // The authority to add: one the contract declares for that département, the establishment's own first.
            const candidates = [...establishmentFacts(e).tarification, ...clausesOf(contract, ast.isAutorite)];
            const authority = candidates.find(a => isDepartmentalAuthority(a) && signsFor(a, department, date));
            const hint = authority ? { variant: 'declared' as const, authority: authority.name } : { variant: 'undeclared' as const, code: department };
            ctx.reporter.report('CPOM024', { establishment: labelled(e), department: namedDepartment(department), hint }, establishmentSite(contract, e));
        }
    }
}

/**
 * Whether a departmental authority of the contract answers for an establishment's département on `date`: the same code,
 * or (territorial registry) one collectivité holding both, such as the Collectivité de Corse for 2A and 2B.
 */
export function signsFor(authority: ast.Autorite, department: string, date: string | undefined): boolean {
    return authorityDepartments(authority).some(code => codeCovers(authority, code, department, date));
}

/** Whether one département code an authority declares answers for `department` on `date`. */
function codeCovers(authority: ast.Autorite, code: string, department: string, date: string | undefined): boolean {
    const declared = partOfRhone(code) ?? findDepartment(code)?.code;
    if (!declared) return false;
    if (declared === department) return true;
    const as = authorityKind(authority) === 'metropole' ? 'metropole' : 'departement';
    return date !== undefined && coversTerritory(declared, as, department, date) === true;
}

/** CPOM026: the category's usual tarification authorities. */
export function checkTarificationKinds(e: ast.Etablissement, ctx: RuleContext): void {
    const facts = establishmentFacts(e);
    const tarification = e.props.find(ast.isTarification);
    if (!facts.category || !tarification || facts.tarification.length === 0) return;
    const actual = new Set(facts.tarification.map(roleOf).filter((r): r is AuthorityRole => r !== undefined));
    const declared = actual.size > 0 ? [...actual] : ['other' as const];
    const expected = new Set(facts.category.tarification);
    const same = actual.size === expected.size && [...actual].every(r => expected.has(r));
    if (!same) {
        ctx.reporter.report('CPOM026', {
            category: labelledCategory(facts.category), expected: [...expected], establishment: labelled(e), actual: declared,
        }, { node: tarification, keyword: 'tarification' });
    }
}

/** CPOM097: the legal frame follows from the categories of the perimeter. */
export function checkFrameCategories(contract: ast.Contrat, ctx: RuleContext): void {
    const cadre = firstClause(contract, ast.isCadre);
    if (!cadre) return;
    const frames = legalFrames(contract);
    const categories = perimeterOf(contract).map(e => ({ e, category: establishmentFacts(e).category })).filter(x => x.category);
    const ehpad = categories.filter(x => x.category!.frame === 'L313-12-IVter');
    if (frames.has('L313-12-IVter') && ehpad.length === 0 && categories.length > 0) {
        ctx.reporter.report('CPOM097', { detail: { variant: 'ivterWithoutEhpad' } }, { node: cadre, keyword: 'cadre' });
    }
    // Before IV ter existed (1 January 2017), an EHPAD contract was an L.313-11 CPOM.
    const ivTerNotYet = lawOf(contract, ctx)?.frame('L313-12-IVter').status === 'not-yet';
    if (ehpad.length > 0 && !frames.has('L313-12-IVter') && !ivTerNotYet) {
        ctx.reporter.report('CPOM097', { detail: { variant: 'ehpadWithoutIvter', name: labelled(ehpad[0].e) } }, { node: cadre, keyword: 'cadre' });
    }
    if (frames.size === 1 && frames.has('L313-12-2')) {
        const outside = categories.filter(x => x.category!.key === 'CAMSP' || (x.category!.tarification.length === 1 && x.category!.tarification[0] === 'departement'));
        for (const x of outside) {
            ctx.reporter.report('CPOM097', { detail: { variant: 'outsideL313122', name: labelled(x.e), category: labelledCategory(x.category!) } }, establishmentSite(contract, x.e));
        }
    }
    const chrs = categories.find(x => x.category!.frame === 'L313-11-2');
    if (chrs && !frames.has('L313-11-2')) {
        ctx.reporter.report('CPOM097', { detail: { variant: 'chrsWithoutFrame', name: labelled(chrs.e) } }, { node: cadre, keyword: 'cadre' });
    }
}


