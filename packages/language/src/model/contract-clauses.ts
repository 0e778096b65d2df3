/**
 * What a contract writes of its own beyond objectives and means: its visas (PRS, schémas, arrêtés d'autorisation,
 * délibération), the clauses of Titre 2 as the parties word them (affectation des résultats, non-respect des
 * engagements, résiliation, fin des conventions tripartites, litiges and juridiction, révision), and the départements
 * an authority covers. Pure functions over the AST; the documents, the JSON export and the rules read them.
 */
import * as ast from '../generated/ast.js';
import { clausesOf } from './clauses.js';
import { findDepartment } from './departments.js';
import { plain } from './french.js';

/** The kinds of visas a contract writes, keyword without accents. */
export type VisaKindKey = 'prs' | 'schema_regional' | 'schema_departemental' | 'autorisation' | 'deliberation' | 'autre';

/** The act each kind of visa cites, with its article ("le schéma départemental"); a visa `autre` by its text alone. */
export const VISA_ACTS: Readonly<Record<VisaKindKey, string>> = {
    prs: 'le projet régional de santé', schema_regional: 'le schéma régional de santé', schema_departemental: 'le schéma départemental',
    autorisation: 'l\'arrêté d\'autorisation', deliberation: 'la délibération', autre: 'l\'autre acte',
};

/** The kinds of clauses of Titre 2 the parties may word, keyword without accents. */
export type ClauseKindKey = 'affectation_des_resultats' | 'non_respect' | 'resiliation' | 'conventions_tripartites' | 'litiges' | 'juridiction' | 'revision';

/** The clause kinds in the order of the document. */
export const CLAUSE_KINDS: readonly ClauseKindKey[] = [
    'affectation_des_resultats', 'non_respect', 'resiliation', 'conventions_tripartites', 'litiges', 'juridiction', 'revision',
];

export interface VisaView {
    readonly node: ast.Visa;
    readonly kind: VisaKindKey | undefined;
    readonly text: string | undefined;
    /** ISO date of the act, as written (a French date is already ISO once converted). */
    readonly date: string | undefined;
    /** The establishments an arrêté d'autorisation concerns (resolved references only). */
    readonly establishments: readonly ast.Etablissement[];
}

/** The contract's own visas, in the order written. */
export function visasOf(contract: ast.Contrat | ast.Avenant): VisaView[] {
    return clausesOf(contract, ast.isVisas).flatMap(v => v.items ?? []).map(node => ({
        node,
        kind: node.kind ? plain(node.kind) as VisaKindKey : undefined,
        text: node.text,
        date: node.date,
        establishments: (node.establishments ?? []).map(r => r.ref).filter((e): e is ast.Etablissement => e !== undefined),
    }));
}

/** The clauses of Titre 2 the parties wrote, by kind (the first of each kind; a repeated one is reported by CPOM163). */
export function writtenClauses(contract: ast.Contrat | ast.Avenant): ReadonlyMap<ClauseKindKey, ast.ClauseRedigee> {
    const clauses = new Map<ClauseKindKey, ast.ClauseRedigee>();
    for (const clause of clausesOf(contract, ast.isClausesRedigees).flatMap(c => c.items ?? [])) {
        const kind = clauseKindKey(clause.kind);
        if (kind && !clauses.has(kind)) clauses.set(kind, clause);
    }
    return clauses;
}

/** A clause keyword (`résiliation`, `revision`…) without accents, or undefined when missing. */
export function clauseKindKey(kind: string | undefined): ClauseKindKey | undefined {
    return kind ? plain(kind) as ClauseKindKey : undefined;
}

/**
 * Whether `retire visa KIND "text" du DATE` (an avenant) names this visa: the same kind, and the same text and date
 * when the withdrawal gives them (spaces and case aside). The one definition, read by the consolidation and CPOM190.
 */
export function visaWithdrawn(visa: ast.Visa, withdrawal: ast.RetraitVisa): boolean {
    if (!visa.kind || !withdrawal.kind || plain(visa.kind) !== plain(withdrawal.kind)) return false;
    if (withdrawal.text !== undefined && comparable(withdrawal.text) !== comparable(visa.text ?? '')) return false;
    return withdrawal.date === undefined || withdrawal.date === visa.date;
}

function comparable(text: string): string {
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The text of a clause the parties wrote, if they did. */
export function writtenClause(contract: ast.Contrat, kind: ClauseKindKey): string | undefined {
    return writtenClauses(contract).get(kind)?.text;
}

/** The département codes an authority declares, as written (`69, 38`): none, one or several. */
export function authorityDepartments(authority: ast.Autorite): string[] {
    return [authority.department, ...(authority.otherDepartments ?? [])].filter((c): c is string => c !== undefined && c !== '');
}

/** The same, normalised (`01` for `1`); a code that is no département is left out. */
export function authorityDepartmentCodes(authority: ast.Autorite): string[] {
    return [...new Set(authorityDepartments(authority).map(c => findDepartment(c)?.code).filter((c): c is string => c !== undefined))];
}
