/** Mandatory and repeated clauses, duplicate names, unused declarations. */
import { type AstNode, AstUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import { plain } from '../../model/french.js';
import { clausesOf, perimeterOf } from '../../model/contract.js';
import type { Localized } from '../../diagnostics/rules.js';
import type { RuleContext } from '../rule-context.js';
import { ownerIndex, targetOf } from '../owner-index.js';
import { earlierAvenants } from '../../model/avenants.js';

interface ClauseSpec {
    readonly keyword: string;
    readonly guard: (n: unknown) => boolean;
    readonly why: Localized;
}

const CONTRACT_REQUIRED: readonly ClauseSpec[] = [
    { keyword: 'cadre', guard: ast.isCadre, why: { fr: 'cadre juridique : L313-11, L313-12-IVter, L313-12-2…', en: 'legal frame: L313-11, L313-12-IVter, L313-12-2…' } },
    { keyword: 'effet', guard: ast.isEffet, why: { fr: "date d'entrée en vigueur", en: 'date of effect' } },
    { keyword: 'fin', guard: ast.isFin, why: { fr: 'date de fin, cinq ans au plus', en: 'end date, five years at most' } },
    { keyword: 'gestionnaire', guard: ast.isGestionnaire, why: { fr: 'organisme gestionnaire et son FINESS EJ', en: 'organisme gestionnaire and its EJ FINESS' } },
    { keyword: 'signataires', guard: ast.isSignataires, why: { fr: 'parties qui signent', en: 'signing parties' } },
    { keyword: 'perimetre', guard: ast.isPerimetre, why: { fr: 'établissements et services couverts', en: 'establishments and services covered' } },
    { keyword: 'axe', guard: ast.isAxe, why: { fr: 'objectifs stratégiques', en: 'strategic objectives' } },
    { keyword: 'moyens', guard: ast.isMoyens, why: { fr: 'volet financier', en: 'financial volet' } },
    { keyword: 'suivi', guard: ast.isSuivi, why: { fr: 'suivi et évaluation', en: 'follow-up and evaluation' } },
];

const CONTRACT_SINGLE: ReadonlyArray<[string, (n: unknown) => boolean]> = [
    ['cadre', ast.isCadre], ['effet', ast.isEffet], ['fin', ast.isFin], ['signature', ast.isDateSignature],
    ['prorogation', ast.isProrogation], ['departements', ast.isDepartements], ['gestionnaire', ast.isGestionnaire],
    ['diagnostic', ast.isDiagnostic], ['suivi', ast.isSuivi], ['preambule', ast.isPreambule], ['perimetre', ast.isPerimetre],
];

const AVENANT_REQUIRED: readonly ClauseSpec[] = [
    { keyword: 'effet', guard: ast.isEffet, why: { fr: "date d'entrée en vigueur", en: 'date of effect' } },
    { keyword: 'signataires', guard: ast.isSignataires, why: { fr: 'parties qui signent', en: 'signing parties' } },
    { keyword: 'objet', guard: ast.isObjet, why: { fr: "objet de l'avenant", en: 'purpose of the amendment' } },
];

const AVENANT_SINGLE: ReadonlyArray<[string, (n: unknown) => boolean]> = [
    ['effet', ast.isEffet], ['signature', ast.isDateSignature], ['objet', ast.isObjet], ['prorogation', ast.isProrogation],
];

/** Clauses of properties blocks that take one value. */
const SINGLE_PROPS: ReadonlyArray<[string, (n: unknown) => boolean]> = [
    ['finess', ast.isFiness], ['categorie', ast.isCategorie], ['departement', ast.isDepartementEtab], ['statut', ast.isStatut],
    ['adresse', ast.isAdresse], ['habilitation_aide_sociale', ast.isHabilitationAideSociale], ['region', ast.isRegion],
    ['unite', ast.isUnite], ['source', ast.isSource], ['sens', ast.isSens], ['formule', ast.isFormule],
    ['reference', ast.isReference], ['cibles', ast.isCibles],
    ['nature', ast.isNature], ['financeur', ast.isFinanceur], ['financement', ast.isSourceFinancement],
    ['montants', ast.isMontants], ['actualisation', ast.isActualisation],
    ['critere', ast.isCritere], ['indicateur', ast.isModulationIndicateur], ['abattement', ast.isAbattement], ['justification', ast.isJustification],
];

function checkRequired(ctx: RuleContext, node: ast.Contrat | ast.Avenant, specs: readonly ClauseSpec[], element: Localized): void {
    for (const spec of specs) {
        if (!node.clauses.some(spec.guard)) {
            ctx.reporter.report('CPOM005', {
                element: ctx.reporter.t(element), clause: spec.keyword, why: ctx.reporter.t(spec.why),
            }, { node, property: ast.isContrat(node) ? 'name' : 'number' });
        }
    }
}

function checkSingle(ctx: RuleContext, items: readonly AstNode[], specs: ReadonlyArray<[string, (n: unknown) => boolean]>): void {
    for (const [keyword, guard] of specs) {
        const found = items.filter(guard);
        for (const extra of found.slice(1)) {
            ctx.reporter.report('CPOM006', { clause: keyword }, { node: extra });
        }
    }
}

export function checkContractStructure(contract: ast.Contrat, ctx: RuleContext): void {
    checkRequired(ctx, contract, CONTRACT_REQUIRED, { fr: `Le contrat « ${contract.name} »`, en: `The contract '${contract.name}'` });
    checkSingle(ctx, contract.clauses, CONTRACT_SINGLE);
}

export function checkAvenantStructure(avenant: ast.Avenant, ctx: RuleContext): void {
    checkRequired(ctx, avenant, AVENANT_REQUIRED, { fr: `L'avenant n° ${avenant.number}`, en: `Amendment no. ${avenant.number}` });
    checkSingle(ctx, avenant.clauses, AVENANT_SINGLE);
}

export function checkSingleProps(node: { props: readonly AstNode[] }, ctx: RuleContext): void {
    checkSingle(ctx, node.props, SINGLE_PROPS);
}

export function checkDiagnosticSections(diagnostic: ast.Diagnostic, ctx: RuleContext): void {
    const seen = new Set<string>();
    for (const section of diagnostic.sections) {
        const axis = plain(section.axis);
        if (seen.has(axis)) {
            ctx.reporter.report('CPOM006', { clause: section.axis }, { node: section });
        }
        seen.add(axis);
    }
    const all: Array<[string, Localized]> = [
        ['activite', { fr: 'activité', en: 'activity' }],
        ['organisation', { fr: 'organisation et fonctionnement', en: 'organisation and functioning' }],
        ['ressources', { fr: 'ressources', en: 'resources' }],
        ['qualite', { fr: 'qualité', en: 'quality' }],
    ];
    const missing = all.filter(([key]) => !seen.has(key)).map(([, label]) => ctx.reporter.t(label));
    if (missing.length > 0) {
        ctx.reporter.report('CPOM096', { missing: missing.join(', ') }, { node: diagnostic, keyword: 'diagnostic' });
    }
}

export function checkContractHasDiagnostic(contract: ast.Contrat, ctx: RuleContext): void {
    if (!contract.clauses.some(ast.isDiagnostic)) {
        ctx.reporter.report('CPOM096', {
            missing: ctx.reporter.t({ fr: 'aucun diagnostic (clause « diagnostic »)', en: "no diagnostic at all ('diagnostic' clause)" }),
        }, { node: contract, property: 'name' });
    }
}

const FAMILIES: ReadonlyArray<[Localized, (n: unknown) => boolean]> = [
    [{ fr: 'établissement', en: 'establishment' }, ast.isEtablissement],
    [{ fr: 'partie', en: 'party' }, (n: unknown) => ast.isAutorite(n) || ast.isGestionnaire(n)],
    [{ fr: 'indicateur', en: 'indicator' }, ast.isIndicateur],
    [{ fr: 'financement', en: 'funding line' }, ast.isFinancement],
    [{ fr: 'axe', en: 'axis' }, ast.isAxe],
    [{ fr: 'objectif', en: 'objective' }, ast.isObjectif],
    [{ fr: 'action', en: 'action' }, ast.isAction],
];

/** Names declared twice in one contract, catalogue or avenant (or clashing with the amended contract). */
export function checkDuplicateNames(owner: ast.Contrat | ast.Catalogue | ast.Avenant, ctx: RuleContext): void {
    const named = ownerIndex(owner).named;
    const amended = ast.isAvenant(owner) ? owner.contract.ref : undefined;
    const earlier: AstNode[] = ast.isAvenant(owner) && amended ? [amended, ...earlierAvenants(owner, ctx.workspace)] : [];
    const amendedNames = earlier.flatMap(o => ownerIndex(o).named);
    for (const [kind, guard] of FAMILIES) {
        const seen = new Map<string, AstNode>();
        for (const node of amendedNames.filter(guard)) {
            seen.set(node.name, node);
        }
        for (const node of named.filter(guard)) {
            if (seen.has(node.name)) {
                const previous = seen.get(node.name);
                const previousAvenant = previous ? AstUtils.getContainerOfType(previous, ast.isAvenant) : undefined;
                const where = !amended || !previous || AstUtils.getContainerOfType(previous, ast.isAvenant) === owner ? ''
                    : previousAvenant
                        ? ctx.reporter.t({ fr: ` dans l'avenant n° ${previousAvenant.number}`, en: ` in amendment no. ${previousAvenant.number}` })
                        : ctx.reporter.t({ fr: ` dans le contrat ${amended.name}`, en: ` in contract ${amended.name}` });
                ctx.reporter.report('CPOM003', { name: node.name, kind: ctx.reporter.t(kind), where }, { node, property: 'name' });
            } else {
                seen.set(node.name, node);
            }
        }
    }
}

/** Contracts and catalogues share one namespace across the workspace. */
export function checkTopLevelNames(file: ast.CpomFile, ctx: RuleContext): void {
    const document = AstUtils.getDocument(file);
    const local = new Map<string, AstNode>();
    for (const element of file.elements) {
        if (ast.isAvenant(element) || !element.name) {
            continue;
        }
        const kind = ast.isContrat(element) ? { fr: 'contrat', en: 'contract' } : { fr: 'catalogue', en: 'catalogue' };
        if (local.has(element.name)) {
            ctx.reporter.report('CPOM003', { name: element.name, kind: ctx.reporter.t(kind), where: '' }, { node: element, property: 'name' });
            continue;
        }
        local.set(element.name, element);
        const other = ctx.workspace.declarationsOf(element.name).find(d => d.document !== document);
        if (other) {
            const file = other.document.uri.path.split('/').pop();
            ctx.reporter.report('CPOM003', { name: element.name, kind: ctx.reporter.t(kind), where: ctx.reporter.t({ fr: ` dans ${file}`, en: ` in ${file}` }) }, { node: element, property: 'name' });
        }
    }
}

/** Authorities that play no role and establishments that nothing refers to. */
export function checkUnused(contract: ast.Contrat, ctx: RuleContext): void {
    const used = new Set<AstNode>();
    for (const info of ownerIndex(contract).references) {
        const target = targetOf(info);
        if (target && !ast.isInclusion(info.container)) {
            used.add(target);
        }
    }
    for (const authority of clausesOf(contract, ast.isAutorite)) {
        if (!used.has(authority)) {
            ctx.reporter.report('CPOM007', { kind: ctx.reporter.t({ fr: "l'autorité", en: 'authority' }), name: authority.name }, { node: authority, property: 'name' });
        }
    }
    for (const establishment of perimeterOf(contract)) {
        if (!used.has(establishment) && AstUtils.getDocument(establishment) === AstUtils.getDocument(contract)) {
            ctx.reporter.report('CPOM007', { kind: ctx.reporter.t({ fr: "l'établissement", en: 'establishment' }), name: establishment.name }, { node: establishment, property: 'name' });
        }
    }
}
