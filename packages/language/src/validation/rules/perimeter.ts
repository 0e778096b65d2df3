/** Establishments of the perimeter: identification, category, capacity, departments (arrêté 2017 art. 1). */
import { AstUtils, type AstNode } from 'langium';
import * as ast from '../../generated/ast.js';
import { ESMS_CATEGORIES, findCategory, findCategoryByCode } from '../../model/categories.js';
import { clausesOf, establishmentFacts, firstClause, firstProp, gestionnaireOf, isIvTer, perimeterOf, propsOf } from '../../model/contract.js';
import { findDepartment } from '../../model/departments.js';
import { FinessLookalikes, finessDepartment, hasValidFinessKey, isWellFormedFiness, normaliseFiness } from '../../model/finess.js';
import { parseNumber } from '../../model/numbers.js';
import { errorWhereVerified } from '../law-support.js';
import type { RuleContext } from '../rule-context.js';
import type { ESTABLISHMENT_FACTS } from './perimeter.rules.js';
import { ownerIndex, targetOf } from '../owner-index.js';
import { labelled, labelledCategory, namedDepartment } from '../message-names.js';
import { capacityCount } from '../../wording/plurals.js';
import { keywordLabel } from '../../wording/keywords.js';

/** What an establishment leaves out, among what every ESMS of a perimeter states. */
export function missingEstablishmentFacts(e: ast.Etablissement): Array<keyof typeof ESTABLISHMENT_FACTS> {
    const missing: Array<keyof typeof ESTABLISHMENT_FACTS> = [];
    if (!e.props.some(ast.isFiness)) missing.push('finess');
    if (!e.props.some(ast.isCategorie)) missing.push('categorie');
    if (!e.props.some(ast.isCapacite)) missing.push('capacite');
    if (!e.props.some(ast.isTarification)) missing.push('tarification');
    return missing;
}

/**
 * CPOM030/032 rest on the arrêté of 3 March 2017, titre I, art. 1 (FINESS of the legal entity and of each ESMS): an error
 * for an IV ter contract under that arrêté, a warning for other contracts (and for an establishment outside a contract).
 */
function identificationSeverity(contract: ast.Contrat | undefined, ctx: RuleContext): 'warning' | undefined {
    return contract && isIvTer(contract) ? errorWhereVerified(contract, ctx, 'ARRETE:2017-03-03') : 'warning';
}

export function checkEstablishment(e: ast.Etablissement, ctx: RuleContext): void {
    const added = ast.isAjout(e.$container);
    const severity = added ? undefined : identificationSeverity(AstUtils.getContainerOfType(e, ast.isContrat), ctx);
    // Kept across edits: besides the establishment's own clauses, only the severity comes from the contract.
    ctx.keep(checkEstablishment, e, `${added} ${severity}`, kept => checkOwnFacts(e, added, severity, kept));
}

function checkOwnFacts(e: ast.Etablissement, added: boolean, severity: 'warning' | undefined, ctx: RuleContext): void {
    const missing = missingEstablishmentFacts(e);
    if (!added) {
        if (missing.includes('finess')) {
            ctx.reporter.report('CPOM030', { what: { variant: 'establishment', name: labelled(e) } }, { node: e, property: 'name' }, severity);
        }
        const rest = missing.filter(m => m !== 'finess');
        if (rest.length > 0) {
            ctx.reporter.report('CPOM032', { name: labelled(e), missing: rest }, { node: e, property: 'name' }, severity);
        }
    }
    const categoryProp = firstProp(e, ast.isCategorie);
    if (categoryProp) {
        checkCategory(categoryProp, ctx);
    }
    for (const capacity of propsOf(e, ast.isCapacite)) {
        const authorised = parseNumber(capacity.authorised);
        const funded = parseNumber(capacity.funded);
        if (authorised !== undefined && funded !== undefined && funded > authorised) {
            const modality = capacity.modality ? { variant: 'some' as const, modality: keywordLabel('Modality', capacity.modality) ?? capacity.modality } : { variant: 'none' as const };
            ctx.reporter.report('CPOM038', {
                name: labelled(e), funded: capacityCount(funded, capacity.unit), authorised: capacityCount(authorised, capacity.unit), modality,
            }, { node: capacity, property: 'funded' });
        }
    }
    // Places habilitated to the aide sociale are places of the establishment: more than it is authorised for is a slip.
    const habilitation = firstProp(e, ast.isHabilitationAideSociale);
    const habilitated = parseNumber(habilitation?.places);
    const authorisedPlaces = establishmentFacts(e).authorisedPlaces;
    if (habilitation && habilitated !== undefined && authorisedPlaces > 0 && habilitated > authorisedPlaces) {
        ctx.reporter.report('CPOM039', {
            name: labelled(e), habilitated: capacityCount(habilitated, 'places'), authorised: capacityCount(authorisedPlaces, 'places'),
        }, { node: habilitation, property: 'places' });
    }
    const departmentProp = firstProp(e, ast.isDepartementEtab);
    const finessText = firstProp(e, ast.isFiness)?.value;
    if (departmentProp && finessText) {
        const finess = normaliseFiness(finessText).value;
        const declared = findDepartment(departmentProp.code);
        // A prefix that is no département (20, 96, 99) is CPOM042's concern, not a mismatch.
        if (declared && isWellFormedFiness(finess) && findDepartment(finessDepartment(finess)) && finessDepartment(finess) !== declared.code) {
            ctx.reporter.report('CPOM036', {
                finess, finessDepartment: namedDepartment(finessDepartment(finess)), name: labelled(e), department: namedDepartment(declared.code),
            }, { node: departmentProp, property: 'code' });
        }
    }
}

function checkCategory(prop: ast.Categorie, ctx: RuleContext): void {
    const known = () => ESMS_CATEGORIES.map(c => c.key).join(', ');
    if (prop.category !== undefined) {
        const category = findCategory(prop.category);
        if (!category) {
            ctx.reporter.report('CPOM033', { category: prop.category, known: known() }, { node: prop, property: 'category' });
            return;
        }
        if (prop.code !== undefined) {
            const code = Number(parseNumber(prop.code));
            if (!category.finessCodes.includes(code)) {
                const expected = category.finessCodes.length === 1
                    ? { variant: 'one' as const, code: category.finessCodes[0] }
                    : { variant: 'several' as const, codes: category.finessCodes.map(String) };
                ctx.reporter.report('CPOM034', { code: prop.code, category: labelledCategory(category), expected }, { node: prop, property: 'code' });
            }
        }
    } else if (prop.code !== undefined && !findCategoryByCode(Number(parseNumber(prop.code)))) {
        ctx.reporter.report('CPOM033', { category: prop.code, known: known() }, { node: prop, property: 'code' });
    }
}

export function checkDepartmentCode(node: ast.Departements | ast.DepartementEtab | ast.Autorite, ctx: RuleContext): void {
    const codes = ast.isDepartements(node) ? node.codes : ast.isDepartementEtab(node) ? [node.code] : node.department ? [node.department] : [];
    codes.forEach((code, index) => {
        if (code && !findDepartment(code)) {
            ctx.reporter.report('CPOM027', { code }, {
                node,
                property: ast.isDepartements(node) ? 'codes' : ast.isDepartementEtab(node) ? 'code' : 'department',
                index: ast.isDepartements(node) ? index : undefined,
            });
        }
    });
    // An authority over several départements: `autorité X ars 69, 38 "…"`.
    if (ast.isAutorite(node)) {
        (node.otherDepartments ?? []).forEach((code, index) => {
            if (code && !findDepartment(code)) ctx.reporter.report('CPOM027', { code }, { node, property: 'otherDepartments', index });
        });
    }
}

/** Where to report a problem of a perimeter establishment: on it, or on its `inclut` when it comes from a catalogue. */
export function establishmentSite(contract: ast.Contrat, e: ast.Etablissement): { node: AstNode; property?: string; index?: number } {
    if (AstUtils.getDocument(e) === AstUtils.getDocument(contract) && AstUtils.hasContainerOfType(e, n => n === contract)) {
        return { node: e, property: 'name' };
    }
    for (const perimeter of clausesOf(contract, ast.isPerimetre)) {
        for (const item of perimeter.items) {
            if (ast.isInclusion(item)) {
                const index = item.establishments.findIndex(r => r.ref === e);
                if (index >= 0) {
                    return { node: item, property: 'establishments', index };
                }
            }
        }
    }
    return { node: contract, property: 'name' };
}

export function checkPerimeter(contract: ast.Contrat, ctx: RuleContext): void {
    const perimeter = perimeterOf(contract);
    const gestionnaire = gestionnaireOf(contract);
    if (gestionnaire && !gestionnaire.props.some(ast.isFiness)) {
        ctx.reporter.report('CPOM030', { what: { variant: 'gestionnaire', name: labelled(gestionnaire) } }, { node: gestionnaire, property: 'name' },
            identificationSeverity(contract, ctx));
    }
    const ej = gestionnaire ? firstProp(gestionnaire, ast.isFiness)?.value : undefined;
    const ejFiness = ej ? normaliseFiness(ej).value : undefined;
    const seen = new Map<string, ast.Etablissement>();
    const withRightKey = new FinessLookalikes();
    for (const e of perimeter) {
        const finess = establishmentFacts(e).finess;
        if (!finess) {
            continue;
        }
        const other = seen.get(finess);
        if (other && other !== e) {
            ctx.reporter.report('CPOM031', { finess, name: labelled(e), other: labelled(other) }, establishmentSite(contract, e));
        } else {
            // A wrong key is CPOM041's; with both keys right, only the slips the Luhn key cannot see remain (09 ↔ 90).
            const rightKey = hasValidFinessKey(finess);
            const lookalike = rightKey ? withRightKey.firstLike(finess) : undefined;
            if (lookalike) {
                ctx.reporter.report('CPOM045', { finess, name: labelled(e), other: lookalike, otherName: labelled(seen.get(lookalike)!) }, establishmentSite(contract, e));
            }
            seen.set(finess, e);
            if (rightKey) withRightKey.add(finess);
        }
        if (finess === ejFiness) {
            ctx.reporter.report('CPOM044', { finess, name: labelled(e), gestionnaire: labelled(gestionnaire!) }, establishmentSite(contract, e));
        }
    }
    const declared = firstClause(contract, ast.isDepartements);
    if (declared) {
        const codes = new Set(declared.codes.map(c => findDepartment(c)?.code ?? c));
        for (const e of perimeter) {
            // Declared, or else read from the FINESS number: the header covers every establishment.
            const facts = establishmentFacts(e);
            const department = facts.department !== undefined
                ? findDepartment(facts.department)?.code
                : facts.finess && isWellFormedFiness(facts.finess) ? findDepartment(finessDepartment(facts.finess))?.code : undefined;
            if (department && !codes.has(department)) {
                ctx.reporter.report('CPOM035', { name: labelled(e), department: namedDepartment(department), declared: declared.codes, code: department }, establishmentSite(contract, e));
            }
        }
    }
}

/** CPOM037: objectives, actions, funding lines and distributions name establishments of the perimeter. */
export function checkReferencesInPerimeter(owner: ast.Contrat | ast.Avenant, allowed: ReadonlySet<ast.Etablissement>, ctx: RuleContext): void {
    for (const info of ownerIndex(owner).references) {
        if (ast.isInclusion(info.container) || ast.isRetrait(info.container)) {
            continue;
        }
        const target = targetOf(info);
        if (ast.isEtablissement(target) && !allowed.has(target)) {
            ctx.reporter.report('CPOM037', { name: labelled(target) }, { node: info.container, property: info.property, index: info.index });
        }
    }
}
