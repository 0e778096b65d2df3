/** Mandatory and repeated clauses, duplicate names, unused declarations. */
import { labelled } from '../message-names.js';
import { type AstNode, AstUtils, UriUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import { plain } from '../../model/french.js';
import { clausesOf, perimeterOf } from '../../model/contract.js';
import type { MessageParams } from '../../diagnostics/rules.js';
import type { RuleContext } from '../rule-context.js';
import { type NamedNode, ownerIndex, targetOf } from '../owner-index.js';
import { allReferences } from '../../workspace/ast-nodes.js';
import { earlierAvenants } from '../../model/avenants.js';
import { importedUris } from '../../references/imports.js';
import type { TopLevelDeclaration } from '../../workspace/cpom-workspace-index.js';

interface ClauseSpec {
    /** The clause's keyword; the catalogue says what the clause is for (CPOM005). */
    readonly keyword: MessageParams<'CPOM005'>['why'];
    readonly guard: (n: unknown) => boolean;
}

const CONTRACT_REQUIRED: readonly ClauseSpec[] = [
    { keyword: 'cadre', guard: ast.isCadre },
    { keyword: 'effet', guard: ast.isEffet },
    { keyword: 'fin', guard: ast.isFin },
    { keyword: 'gestionnaire', guard: ast.isGestionnaire },
    { keyword: 'signataires', guard: ast.isSignataires },
    { keyword: 'perimetre', guard: ast.isPerimetre },
    { keyword: 'axe', guard: ast.isAxe },
    { keyword: 'moyens', guard: ast.isMoyens },
    { keyword: 'suivi', guard: ast.isSuivi },
];

const CONTRACT_SINGLE: ReadonlyArray<[string, (n: unknown) => boolean]> = [
    ['cadre', ast.isCadre], ['effet', ast.isEffet], ['fin', ast.isFin], ['signature', ast.isDateSignature],
    ['prorogation', ast.isProrogation], ['departements', ast.isDepartements], ['gestionnaire', ast.isGestionnaire],
    ['diagnostic', ast.isDiagnostic], ['suivi', ast.isSuivi], ['preambule', ast.isPreambule], ['perimetre', ast.isPerimetre],
];

const AVENANT_REQUIRED: readonly ClauseSpec[] = [
    { keyword: 'effet', guard: ast.isEffet },
    { keyword: 'signataires', guard: ast.isSignataires },
    { keyword: 'objet', guard: ast.isObjet },
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
    ['seuil', ast.isSeuilModulation], ['formule', ast.isFormuleModulation],
    ['file_active', ast.isFileActiveEtablissement], ['public', ast.isPublicAccompagne], ['activites', ast.isActivitesEtablissement],
];

function checkRequired(ctx: RuleContext, node: ast.Contrat | ast.Avenant, specs: readonly ClauseSpec[], element: MessageParams<'CPOM005'>['element']): void {
    for (const spec of specs) {
        if (!node.clauses.some(spec.guard)) {
            ctx.reporter.report('CPOM005', {
                element, clause: spec.keyword, why: spec.keyword,
            }, { node, property: ast.isContrat(node) ? 'name' : 'number' });
        }
    }
}

/** For each list of specs, the indices of the specs that match a node type (guards test the type only). */
const specsByType = new WeakMap<ReadonlyArray<[string, (n: unknown) => boolean]>, Map<string, readonly number[]>>();

function specsMatching(specs: ReadonlyArray<[string, (n: unknown) => boolean]>, node: AstNode): readonly number[] {
    let byType = specsByType.get(specs);
    if (!byType) {
        byType = new Map();
        specsByType.set(specs, byType);
    }
    let matching = byType.get(node.$type);
    if (!matching) {
        matching = specs.flatMap(([, guard], k) => (guard(node) ? [k] : []));
        byType.set(node.$type, matching);
    }
    return matching;
}

/** Runs on every properties block while typing: one pass over the items, guards looked up by node type. */
function checkSingle(ctx: RuleContext, items: readonly AstNode[], specs: ReadonlyArray<[string, (n: unknown) => boolean]>): void {
    if (items.length < 2) return;
    const found = new Map<number, AstNode[]>();
    for (const item of items) {
        for (const k of specsMatching(specs, item)) {
            const list = found.get(k);
            if (list) list.push(item);
            else found.set(k, [item]);
        }
    }
    for (const k of [...found.keys()].sort((a, b) => a - b)) {
        for (const extra of found.get(k)!.slice(1)) {
            ctx.reporter.report('CPOM006', { clause: specs[k][0] }, { node: extra });
        }
    }
}

export function checkContractStructure(contract: ast.Contrat, ctx: RuleContext): void {
    checkRequired(ctx, contract, CONTRACT_REQUIRED, { variant: 'contract', name: contract.name });
    checkSingle(ctx, contract.clauses, CONTRACT_SINGLE);
}

export function checkAvenantStructure(avenant: ast.Avenant, ctx: RuleContext): void {
    checkRequired(ctx, avenant, AVENANT_REQUIRED, { variant: 'avenant', number: avenant.number });
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
    const axes = ['activite', 'organisation', 'ressources', 'qualite'] as const;
    const missing = axes.filter(axis => !seen.has(axis));
    if (missing.length > 0) {
        ctx.reporter.report('CPOM096', { missing }, { node: diagnostic, keyword: 'diagnostic' });
    }
}

export function checkContractHasDiagnostic(contract: ast.Contrat, ctx: RuleContext): void {
    if (!contract.clauses.some(ast.isDiagnostic)) {
        ctx.reporter.report('CPOM096', { missing: ['diagnostic'] }, { node: contract, property: 'name' });
    }
}

const FAMILIES: ReadonlyArray<[MessageParams<'CPOM003'>['kind'], (n: unknown) => boolean]> = [
    ['etablissement', ast.isEtablissement],
    ['partie', (n: unknown) => ast.isAutorite(n) || ast.isGestionnaire(n)],
    ['indicateur', ast.isIndicateur],
    ['financement', ast.isFinancement],
    ['axe', ast.isAxe],
    ['objectif', ast.isObjectif],
    ['action', ast.isAction],
];

/** The nodes of each family, in their order: one pass, the families of a node type looked up once (guards test the type). */
function byFamily(nodes: readonly NamedNode[]): NamedNode[][] {
    const lists: NamedNode[][] = FAMILIES.map(() => []);
    for (const node of nodes) {
        for (const k of specsMatching(FAMILIES, node)) lists[k].push(node);
    }
    return lists;
}

/** Names declared twice in one contract, catalogue or avenant (or clashing with the amended contract). */
export function checkDuplicateNames(owner: ast.Contrat | ast.Catalogue | ast.Avenant, ctx: RuleContext): void {
    const named = ownerIndex(owner).named;
    const amended = ast.isAvenant(owner) ? owner.contract.ref : undefined;
    const earlier: AstNode[] = ast.isAvenant(owner) && amended ? [amended, ...earlierAvenants(owner, ctx.workspace)] : [];
    const amendedNames = byFamily(earlier.flatMap(o => ownerIndex(o).named));
    const namedByFamily = byFamily(named);
    for (const [k, [kind]] of FAMILIES.entries()) {
        const seen = new Map<string, AstNode>();
        for (const node of amendedNames[k]) {
            seen.set(node.name, node);
        }
        for (const node of namedByFamily[k]) {
            if (seen.has(node.name)) {
                const previous = seen.get(node.name);
                const previousAvenant = previous ? AstUtils.getContainerOfType(previous, ast.isAvenant) : undefined;
                const where: MessageParams<'CPOM003'>['where'] = !amended || !previous || AstUtils.getContainerOfType(previous, ast.isAvenant) === owner
                    ? { variant: 'here' }
                    : previousAvenant
                        ? { variant: 'avenant', number: previousAvenant.number }
                        : { variant: 'contract', contract: amended.name };
                ctx.reporter.report('CPOM003', { name: node.name, kind, where }, { node, property: 'name' });
            } else {
                seen.set(node.name, node);
            }
        }
    }
}

/**
 * Contract and catalogue names are unique within a file (CPOM003). Two files may declare the same name (two
 * versions side by side): only a reference that sees both, through this file and its imports, is ambiguous (CPOM113).
 */
export function checkTopLevelNames(file: ast.CpomFile, ctx: RuleContext): void {
    const local = new Set<string>();
    for (const element of file.elements) {
        if (ast.isAvenant(element) || ast.isSuiviAnnuel(element) || !element.name) {
            continue;
        }
        const kind = ast.isContrat(element) ? 'contrat' : 'catalogue';
        if (local.has(element.name)) {
            ctx.reporter.report('CPOM003', { name: element.name, kind, where: { variant: 'here' } }, { node: element, property: 'name' });
        }
        local.add(element.name);
    }
    checkAmbiguousReferences(file, ctx);
}

/** References to a contract or catalogue name that this file and its imports declare in more than one file. */
function checkAmbiguousReferences(file: ast.CpomFile, ctx: RuleContext): void {
    const document = AstUtils.getDocument(file);
    const imported = importedUris(document).filter(uri => ctx.workspace.hasDocument(uri));
    if (imported.length === 0) {
        return;
    }
    const visible = new Set([document.uri.toString(), ...imported.map(u => u.toString())]);
    const ambiguous = new Map<string, TopLevelDeclaration[]>();
    for (const uri of visible) {
        for (const name of ctx.workspace.topLevelNamesOf(uri)) {
            const files = new Map(ctx.workspace.declarationsOf(name)
                .filter(d => visible.has(d.document.uri.toString()))
                .map(d => [d.document.uri.toString(), d]));
            if (files.size > 1) {
                ambiguous.set(name, [...files.values()]);
            }
        }
    }
    if (ambiguous.size === 0) {
        return;
    }
    const reported = new Set<string>();
    for (const info of allReferences(file)) {
        const text = info.reference.$refText;
        const dot = text.indexOf('.');
        const name = dot < 0 ? text : text.slice(0, dot);
        const declarations = ambiguous.get(name);
        const isAmendedContract = ast.isAvenant(info.container) && info.property === 'contract';
        // Every avenant says which contract it amends; other references once per name.
        if (!declarations || (dot < 0 && !isAmendedContract) || (!isAmendedContract && reported.has(name))) {
            continue;
        }
        reported.add(name);
        ctx.reporter.report('CPOM113', {
            name,
            kind: ast.isContrat(declarations[0].element) ? 'contrat' : 'catalogue',
            files: declarations.map(d => UriUtils.relative(UriUtils.dirname(document.uri), d.document.uri)),
            hint: { variant: isAmendedContract ? 'avenant' : 'other' },
        }, { node: info.container, property: info.property, index: info.index });
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
            ctx.reporter.report('CPOM007', { what: { variant: 'authority', name: labelled(authority) } }, { node: authority, property: 'name' });
        }
    }
    for (const establishment of perimeterOf(contract)) {
        if (!used.has(establishment) && AstUtils.getDocument(establishment) === AstUtils.getDocument(contract)) {
            ctx.reporter.report('CPOM007', { what: { variant: 'establishment', name: labelled(establishment) } }, { node: establishment, property: 'name' });
        }
    }
}
