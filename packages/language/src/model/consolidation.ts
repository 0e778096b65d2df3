/**
 * The contract "as amended at date D": the contract with the avenants in force on that day applied, as a new AST
 * that every reader of a contract (document builder, JSON export, rules' helpers) reads as it reads a contract.
 * Pure: the source AST is never changed; changed nodes are copies, and references to a changed node point to its
 * copy.
 *
 * What an avenant does, in number order (docs/language.md, "Avenants"):
 * - `fin DATE` replaces the end date; `prorogation DATE` stays the avenant's own, and the contract as amended is
 *   prorogued: it carries a prorogation clause with that date (a later `fin` supersedes an avenant's prorogation);
 *   `term` says which avenant set each, for the documents ("prorogé par l'avenant n° 2");
 * - `ajoute établissement …` adds it to the perimeter, `retire X` takes X out of it;
 * - `moyens { … }` adds its funding lines, CNR, modulations;
 * - `suivi { … }` replaces, kind by kind, the follow-up clauses it gives (the comité replaces the comité…); a
 *   review replaces the review of its kind (`revue finale 2024` the final review, not the mid-term one), an annual
 *   review the one of its year;
 * - `visas { … }` adds its visas after those in force, `retire visa KIND ["text"] [du DATE]` withdraws the visas in
 *   force it names; a visa is replaced by both in one avenant, and the new visa of the same kind takes the place of
 *   the one it replaces;
 * - `clauses { … }` words anew each clause of Titre 2 it gives (the contract's wording, or the default one when the
 *   contract wrote none), `retire clause KIND` gives the clause back its default wording;
 * - `modifie X { … }` changes what X declares (see `applyModification`).
 */
import type { AstNode, Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { avenantNumber } from './avenants.js';
import { clausesOf, firstClause } from './contract.js';
import { type ClauseKindKey, CLAUSE_KINDS, clauseKindKey, visaWithdrawn, writtenClauses } from './contract-clauses.js';
import { compareDates, parseIsoDate } from './dates.js';
import { plain } from './french.js';
import { parseNumber } from './numbers.js';

/** What `modifie` can change: the kind of the target. */
export type ModificationTargetKind = 'establishment' | 'indicator' | 'funding' | 'objective';

export function modificationTargetKind(target: AstNode | undefined): ModificationTargetKind | undefined {
    if (ast.isEtablissement(target)) return 'establishment';
    if (ast.isIndicateur(target)) return 'indicator';
    if (ast.isFinancement(target)) return 'funding';
    if (ast.isObjectif(target)) return 'objective';
    return undefined;
}

/** Whether a clause given in `modifie` applies to a target of that kind (CPOM130 reports the others). */
export function modificationPropApplies(kind: ModificationTargetKind, prop: AstNode): boolean {
    switch (kind) {
        case 'establishment':
            return ast.isFiness(prop) || ast.isCategorie(prop) || ast.isDepartementEtab(prop) || ast.isCapacite(prop)
                || ast.isTarification(prop) || ast.isHabilitationAideSociale(prop) || ast.isAdresse(prop) || ast.isTitre(prop)
                || ast.isFileActiveEtablissement(prop) || ast.isPublicAccompagne(prop) || ast.isActivitesEtablissement(prop);
        case 'indicator':
            return ast.isUnite(prop) || ast.isSource(prop) || ast.isSens(prop) || ast.isFormule(prop)
                || ast.isReference(prop) || ast.isCibles(prop) || ast.isTitre(prop);
        case 'funding':
            return ast.isNature(prop) || ast.isFinanceur(prop) || ast.isSourceFinancement(prop) || ast.isConcernes(prop)
                || ast.isMontants(prop) || ast.isActualisation(prop) || ast.isRepartition(prop) || ast.isTitre(prop);
        case 'objective':
            return ast.isTitre(prop) || ast.isDescription(prop) || ast.isConcernes(prop) || ast.isAction(prop)
                || ast.isIndicateur(prop) || ast.isRubriqueFiche(prop);
    }
}

/** The avenants of a contract in force on `date` (date of effect on or before it), in number order; all without a date. */
export function avenantsInForceAt(avenants: readonly ast.Avenant[], date?: string): ast.Avenant[] {
    const day = parseIsoDate(date);
    return [...avenants]
        .filter(a => {
            if (!day) return true;
            const effect = parseIsoDate(clausesOf(a, ast.isEffet)[0]?.date);
            return effect !== undefined && compareDates(effect, day) <= 0;
        })
        .sort((a, b) => order(a) - order(b));
}

function order(a: ast.Avenant): number {
    const n = avenantNumber(a);
    return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** A date of the term that an avenant set, with the date it replaced (ISO, as written). */
export interface TermChange {
    readonly date: string | undefined;
    readonly avenant: ast.Avenant;
    /** The end date in force before that avenant (the signed one, or an earlier avenant's). */
    readonly before: string | undefined;
}

/** What the avenants applied did to the term: the end date they set (`fin`) and the prorogation in force. */
export interface AmendedTerm {
    readonly end?: TermChange;
    readonly prorogation?: TermChange;
}

export interface ConsolidatedContract {
    /** The contract as amended (a copy where anything changed, the contract itself otherwise). */
    readonly contract: ast.Contrat;
    /** The avenants applied, in number order (copies whose references point into the consolidated contract). */
    readonly avenants: ast.Avenant[];
    /** The day of the consolidation, as given. */
    readonly date?: string;
    /** Which avenant set the end date and the prorogation in force (the avenants as written). */
    readonly term: AmendedTerm;
}

/** The contract as amended by its avenants in force on `date` (all of them without a date). */
export function consolidate(contract: ast.Contrat, avenants: readonly ast.Avenant[], date?: string): ConsolidatedContract {
    const applied = avenantsInForceAt(avenants, date);
    const replaced = new Map<AstNode, AstNode>();
    const current = <T extends AstNode>(node: T): T => (replaced.get(node) as T | undefined) ?? node;
    const extraClauses: AstNode[] = [];
    const { end, prorogation, term } = termOf(contract, applied);
    const suivi = new Map<string, ast.SuiviItem[]>();
    const added: ast.Etablissement[] = [];
    const retired = new Set<AstNode>();
    // The visas and written clauses in force, undefined until an avenant changes them.
    let visas: ast.Visa[] | undefined;
    let written: Map<ClauseKindKey, ast.ClauseRedigee> | undefined;
    for (const avenant of applied) {
        visas = amendedVisas(visas ?? ownVisas(contract), avenant) ?? visas;
        for (const clause of avenant.clauses) {
            if (ast.isModification(clause)) {
                const target = clause.target?.ref;
                if (target) replaced.set(target, applyModification(current(target), clause));
            } else if (ast.isSuivi(clause)) {
                for (const item of clause.items) suivi.set(suiviKey(item), [...(suivi.get(suiviKey(item)) ?? []).filter(i => i.$container === clause), item]);
            } else if (ast.isAjout(clause) && clause.establishment) {
                added.push(clause.establishment);
            } else if (ast.isRetrait(clause)) {
                clause.establishments.forEach(r => r.ref && retired.add(r.ref));
            } else if (ast.isMoyens(clause) || ast.isAutorite(clause)) {
                // Funding, and the authorities that become parties through an avenant (a département co-funding).
                extraClauses.push(clause);
            } else if (ast.isClausesRedigees(clause)) {
                written ??= new Map(writtenClauses(contract));
                const given = new Set<ClauseKindKey>();
                for (const item of clause.items) {
                    const kind = clauseKindKey(item.kind);
                    // The first of each kind, as in the contract (CPOM163 reports the others).
                    if (kind && !given.has(kind)) written.set(kind, item);
                    if (kind) given.add(kind);
                }
            } else if (ast.isRetraitClause(clause)) {
                const kind = clauseKindKey(clause.kind);
                written ??= new Map(writtenClauses(contract));
                if (kind) written.delete(kind);
            }
        }
    }
    const changed = applied.length > 0;
    if (!changed) return { contract, avenants: applied, date, term };

    // The contract's own clauses as amended: end date, perimeter, follow-up; then the avenants' funding.
    const clauses: AstNode[] = [];
    for (const clause of contract.clauses) {
        if (ast.isFin(clause) && end) {
            clauses.push({ ...clause, date: end.date } as ast.Fin);
        } else if (ast.isProrogation(clause) && prorogation) {
            clauses.push({ ...clause, date: prorogation.date } as ast.Prorogation);
        } else if (ast.isPerimetre(clause)) {
            clauses.push(amendedPerimeter(clause, clauses.some(ast.isPerimetre) ? [] : added, retired));
        } else if (ast.isVisas(clause) && visas) {
            if (!clauses.some(ast.isVisas)) clauses.push({ ...clause, items: visas } as ast.Visas);
        } else if (ast.isClausesRedigees(clause) && written) {
            if (!clauses.some(ast.isClausesRedigees)) clauses.push({ ...clause, items: inDocumentOrder(written) } as ast.ClausesRedigees);
        } else if (ast.isSuivi(clause)) {
            const kinds = new Set(suivi.keys());
            const items = [...clause.items.filter(i => !kinds.has(suiviKey(i))), ...[...suivi.values()].flat()];
            clauses.push({ ...clause, items } as ast.Suivi);
        } else {
            clauses.push(clause);
        }
    }
    if (end && !contract.clauses.some(ast.isFin)) clauses.push(end);
    if (prorogation && !contract.clauses.some(ast.isProrogation)) clauses.push(prorogation);
    if (visas && !contract.clauses.some(ast.isVisas)) clauses.push(newBlock<ast.Visas>('Visas', contract, visas));
    if (written && !contract.clauses.some(ast.isClausesRedigees)) {
        clauses.push(newBlock<ast.ClausesRedigees>('ClausesRedigees', contract, inDocumentOrder(written)));
    }
    clauses.push(...extraClauses);
    const draft = { ...contract, clauses } as ast.Contrat;
    replaced.set(contract, draft);
    const rebuilt = rebuildAll([contract, ...applied], replaced);
    return { contract: rebuilt[0] as ast.Contrat, avenants: rebuilt.slice(1) as ast.Avenant[], date, term };
}

/** What an avenant's follow-up clause replaces: the clause of its kind; a review, the review of its kind (and year). */
const suiviKey = (i: ast.SuiviItem): string => (!ast.isRevue(i) ? i.$type : i.kind === 'annuelle' ? `revue:${i.year}` : `revue:${i.kind}`);

/** The end date and the prorogation in force after the avenants applied (in number order), and who set each. */
function termOf(contract: ast.Contrat, applied: readonly ast.Avenant[]): { end?: ast.Fin; prorogation?: ast.Prorogation; term: AmendedTerm } {
    let end: ast.Fin | undefined;
    let prorogation: ast.Prorogation | undefined;
    let term: AmendedTerm = {};
    for (const avenant of applied) {
        for (const clause of avenant.clauses) {
            const before = end?.date ?? firstClause(contract, ast.isFin)?.date;
            if (ast.isFin(clause)) {
                // A new end date supersedes a prorogation an earlier avenant decided.
                term = { end: { date: clause.date, avenant, before } };
                end = clause;
                prorogation = undefined;
            } else if (ast.isProrogation(clause)) {
                term = { ...term, prorogation: { date: clause.date, avenant, before } };
                prorogation = clause;
            }
        }
    }
    return { end, prorogation, term };
}

/**
 * The visas in force after an avenant, undefined when it changes none: the visas in force it withdraws (`retire visa`,
 * wherever written in the avenant) are taken out, and each visa it adds (`visas { … }`) takes the place of the first
 * withdrawn visa of its kind (a schéma renewed stays where the old one was), else goes after those in force.
 */
function amendedVisas(inForce: readonly ast.Visa[], avenant: ast.Avenant): ast.Visa[] | undefined {
    const withdrawals = avenant.clauses.filter(ast.isRetraitVisa);
    const additions = avenant.clauses.filter(ast.isVisas).flatMap(v => v.items);
    if (withdrawals.length === 0 && additions.length === 0) return undefined;
    const pending = [...additions];
    const result: ast.Visa[] = [];
    for (const visa of inForce) {
        if (!withdrawals.some(w => visaWithdrawn(visa, w))) {
            result.push(visa);
            continue;
        }
        const index = pending.findIndex(a => a.kind !== undefined && visa.kind !== undefined && plain(a.kind) === plain(visa.kind));
        if (index >= 0) result.push(...pending.splice(index, 1));
    }
    return [...result, ...pending];
}

/** The visas the contract writes, in the order written. */
function ownVisas(contract: ast.Contrat): ast.Visa[] {
    return clausesOf(contract, ast.isVisas).flatMap(v => v.items ?? []);
}

function inDocumentOrder(written: ReadonlyMap<ClauseKindKey, ast.ClauseRedigee>): ast.ClauseRedigee[] {
    return CLAUSE_KINDS.map(kind => written.get(kind)).filter((c): c is ast.ClauseRedigee => c !== undefined);
}

/** A `visas { … }` or `clauses { … }` block for a contract that wrote none: its items stay those of the avenants. */
function newBlock<T extends ast.Visas | ast.ClausesRedigees>(type: T['$type'], contract: ast.Contrat, items: T['items']): T {
    return { $type: type, $container: contract, $containerProperty: 'clauses', items } as unknown as T;
}

function amendedPerimeter(perimeter: ast.Perimetre, added: ast.Etablissement[], retired: Set<AstNode>): ast.Perimetre {
    const items: ast.PerimetreItem[] = [];
    for (const item of perimeter.items) {
        if (ast.isEtablissement(item)) {
            if (!retired.has(item)) items.push(item);
        } else {
            const kept = item.establishments.filter(r => !r.ref || !retired.has(r.ref));
            if (kept.length > 0) items.push({ ...item, establishments: kept } as ast.Inclusion);
        }
    }
    items.push(...added.filter(e => !retired.has(e)));
    return { ...perimeter, items } as ast.Perimetre;
}

// ---------------------------------------------------------------------------------------------
// One modification

/**
 * A copy of `target` with the clauses of `modification` applied:
 * - establishment: each clause replaces the clauses of its kind, except capacities, replaced modality by modality
 *   (a capacity with a new modality is added);
 * - indicator: targets (`cibles`) are replaced year by year, new years added; other clauses replace; `titre`
 *   replaces the label;
 * - funding line: amounts (`montants`) replaced year by year, distributions (`répartition`) year by year; other
 *   clauses replace; `titre` replaces the label;
 * - objective: `titre`, `description`, `établissements` and each heading of the fiche action replace; actions and
 *   indicators are added.
 * Clauses that do not apply to the target (CPOM130) are left out.
 */
export function applyModification<T extends AstNode>(target: T, modification: ast.Modification): T {
    const kind = modificationTargetKind(target);
    if (!kind) return target;
    const props = modification.props.filter(p => modificationPropApplies(kind, p));
    const title = props.filter(ast.isTitre).at(-1)?.text;
    const rest = props.filter(p => !ast.isTitre(p));
    const withTitle = (node: T): T => (title !== undefined ? { ...node, title } : node);
    if (kind === 'objective') {
        const objective = target as unknown as ast.Objectif;
        const replacedKinds = new Set<string>(rest.filter(p => ast.isDescription(p) || ast.isConcernes(p)).map(p => p.$type));
        // A heading of the fiche action replaces the same heading.
        const headings = new Set(rest.filter(ast.isRubriqueFiche).map(r => plain(r.heading ?? '')));
        const items = [...objective.items.filter(i => !replacedKinds.has(i.$type) && !(ast.isRubriqueFiche(i) && headings.has(plain(i.heading ?? '')))), ...rest as ast.ObjectifItem[]];
        return withTitle({ ...objective, items } as unknown as T);
    }
    const node = target as unknown as { props: AstNode[] };
    let result = [...node.props];
    for (const prop of rest) {
        result = mergeProp(result, prop);
    }
    return withTitle({ ...target, props: result });
}

/** The clauses of a node with one clause of a modification merged in. */
function mergeProp(props: AstNode[], prop: AstNode): AstNode[] {
    if (ast.isCapacite(prop)) {
        const modality = prop.modality !== undefined ? plain(prop.modality) : '';
        const same = (p: AstNode) => ast.isCapacite(p) && (p.modality !== undefined ? plain(p.modality) : '') === modality;
        return props.some(same) ? props.flatMap(p => (same(p) ? (p === props.find(same) ? [prop] : []) : [p])) : [...props, prop];
    }
    if (ast.isCibles(prop)) {
        const targets = byYear(props.filter(ast.isCibles).flatMap(c => c.targets), prop.targets);
        return replaceKind(props, 'Cibles', { ...prop, targets } as ast.Cibles);
    }
    if (ast.isMontants(prop)) {
        const amounts = byYear(props.filter(ast.isMontants).flatMap(m => m.amounts), prop.amounts);
        return replaceKind(props, 'Montants', { ...prop, amounts } as ast.Montants);
    }
    if (ast.isRepartition(prop)) {
        const year = parseNumber(prop.year);
        const same = (p: AstNode) => ast.isRepartition(p) && parseNumber(p.year) === year;
        return props.some(same) ? props.flatMap(p => (same(p) ? (p === props.find(same) ? [prop] : []) : [p])) : [...props, prop];
    }
    return replaceKind(props, prop.$type, prop);
}

/** Every clause of `type` replaced by `prop`, at the place of the first one (or at the end). */
function replaceKind(props: AstNode[], type: string, prop: AstNode): AstNode[] {
    const index = props.findIndex(p => p.$type === type);
    if (index < 0) return [...props, prop];
    return props.flatMap((p, i) => (i === index ? [prop] : p.$type === type ? [] : [p]));
}

/** Year-keyed items: those of `before` whose year `after` does not give, then `after`'s; sorted by year. */
function byYear<T extends { year: string }>(before: readonly T[], after: readonly T[]): T[] {
    const years = new Set(after.map(a => parseNumber(a.year)));
    return [...before.filter(b => !years.has(parseNumber(b.year))), ...after]
        .sort((a, b) => (parseNumber(a.year) ?? 0) - (parseNumber(b.year) ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Rebuilding the trees with the changed nodes

/**
 * Copies of `roots` where each node in `replaced` is its replacement, each node with a changed descendant is a copy,
 * and each reference to a copied node points to the copy. Nodes that did not change are shared with the source.
 */
function rebuildAll(roots: AstNode[], replaced: Map<AstNode, AstNode>): AstNode[] {
    const copies = new Map<AstNode, AstNode>();
    const visiting = new Set<AstNode>();
    const rebuild = (original: AstNode): AstNode => {
        const known = copies.get(original);
        if (known) return known;
        if (visiting.has(original)) return original;
        visiting.add(original);
        const source = replaced.get(original) ?? original;
        let copy: Record<string, unknown> | undefined = source !== original ? { ...source } : undefined;
        for (const [key, value] of Object.entries(source)) {
            if (key.startsWith('$')) continue;
            const next = rebuildValue(value, rebuild, copies, replaced);
            if (next !== value) {
                copy ??= { ...source };
                copy[key] = next;
            }
        }
        visiting.delete(original);
        const result = (copy as AstNode | undefined) ?? original;
        copies.set(original, result);
        if (source !== original) copies.set(source, result);
        return result;
    };
    return roots.map(rebuild);
}

function rebuildValue(value: unknown, rebuild: (n: AstNode) => AstNode, copies: Map<AstNode, AstNode>, replaced: Map<AstNode, AstNode>): unknown {
    if (Array.isArray(value)) {
        const items = value.map(v => rebuildValue(v, rebuild, copies, replaced));
        return items.some((v, i) => v !== value[i]) ? items : value;
    }
    if (isReferenceLike(value)) {
        const target = value.ref;
        if (!target || !(replaced.has(target) || hasReplacedAncestor(target, replaced))) return value;
        // Resolved lazily: the copy of the target may be built after the node that refers to it.
        const text = value.$refText;
        return { $refText: text, get ref() { return copies.get(target) ?? rebuild(target); } } as Reference;
    }
    if (isAstNodeLike(value)) {
        return rebuild(value);
    }
    return value;
}

function hasReplacedAncestor(node: AstNode, replaced: Map<AstNode, AstNode>): boolean {
    for (let n = node.$container; n; n = n.$container) {
        if (replaced.has(n)) return true;
    }
    return false;
}

function isReferenceLike(value: unknown): value is Reference {
    return typeof value === 'object' && value !== null && '$refText' in value;
}

function isAstNodeLike(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
