/**
 * Hover cards, in French, for what a contract writes of its own: a visa (what the document will print), a clause of
 * Titre 2 (what it replaces), the `visas` and `clauses` blocks (of a contract, or of an avenant: what they add or
 * replace), a visa or clause an avenant withdraws, and an authority over several départements.
 */
import * as ast from '../generated/ast.js';
import { authorityDepartments, type ClauseKindKey, VISA_ACTS, type VisaKindKey } from '../model/contract-clauses.js';
import { findDepartment } from '../model/departments.js';
import { plain } from '../model/french.js';
import { joinFr } from '../wording/lists.js';
import { md } from './cpom-french-labels.js';

const VISA_CARDS: Readonly<Record<VisaKindKey, string>> = {
    prs: 'Projet régional de santé : « Vu le projet régional de santé *texte*, arrêté le *date* ; ». Écrivez ce qui le désigne (`"Nouvelle-Aquitaine 2018-2028"`) et sa date (`du AAAA-MM-JJ`).',
    schema_regional: 'Schéma régional de santé : « Vu le schéma régional de santé *texte*, arrêté le *date* ; ».',
    schema_departemental: 'Schéma départemental : « Vu le schéma départemental *texte*, adopté le *date* ; » (par exemple `"de l\'autonomie de la Gironde 2019-2023"`).',
    autorisation: 'Arrêté d\'autorisation : « Vu l\'arrêté *texte* du *date* portant autorisation de l\'établissement « … » ; ». Nommez l\'établissement du périmètre avec `pour`.',
    deliberation: 'Délibération : « Vu la délibération *texte* du *date* ; » ; sans texte, « Vu la délibération du conseil d\'administration de l\'organisme gestionnaire du *date* autorisant la signature du présent contrat ; ».',
    autre: 'Autre visa, écrit en entier : « Vu *texte* ; » (le « Vu » et le point-virgule sont ajoutés s\'ils manquent).',
};

const CLAUSE_CARDS: Readonly<Record<ClauseKindKey, string>> = {
    affectation_des_resultats: 'Affectation des résultats — remplace la rédaction par défaut de l\'article « Affectation des résultats ».',
    non_respect: 'Non-respect des engagements — remplace le premier alinéa de l\'article « Non-respect des engagements et résiliation ».',
    resiliation: 'Résiliation — remplace le second alinéa de l\'article « Non-respect des engagements et résiliation ».',
    conventions_tripartites: 'Fin des conventions tripartites (CPOM d\'EHPAD, IV ter de l\'article L. 313-12) — remplace la rédaction par défaut de l\'article qui y met fin.',
    litiges: 'Règlement des litiges — remplace la rédaction par défaut (règlement amiable au comité de suivi, puis le tribunal administratif).',
    juridiction: 'Juridiction compétente, sans article (`"tribunal administratif de Bordeaux"`) : « … le litige est porté devant le tribunal administratif de Bordeaux ».',
    revision: 'Révision du contrat — remplace le premier alinéa de l\'article « Révision du contrat et avenants » ; la liste des avenants conclus reste.',
};

/** The card of a node reached from a keyword, or undefined. */
export function clauseCard(node: unknown): string | undefined {
    if (ast.isVisa(node)) {
        const card = node.kind ? VISA_CARDS[plain(node.kind) as VisaKindKey] : undefined;
        return card ? `**Visa** — ${card}` : undefined;
    }
    if (ast.isClauseRedigee(node)) {
        const card = node.kind ? CLAUSE_CARDS[plain(node.kind) as ClauseKindKey] : undefined;
        return card ? `**Clause** — ${card}` : undefined;
    }
    if (ast.isVisas(node) && ast.isAvenant(node.$container)) {
        return '**Visas ajoutés par l\'avenant** — imprimés après les visas en vigueur dans le contrat tel que modifié. Pour remplacer un visa (un schéma renouvelé), retirez l\'ancien (`retire visa …`) et ajoutez le nouveau ici.';
    }
    if (ast.isClausesRedigees(node) && ast.isAvenant(node.$container)) {
        return '**Clauses rédigées à nouveau par l\'avenant** — chacune remplace la rédaction en vigueur de la clause du même genre : celle du contrat, ou la rédaction par défaut si le contrat n\'en écrit pas.';
    }
    if (ast.isRetraitVisa(node)) {
        const kind = node.kind ? VISA_ACTS[plain(node.kind) as VisaKindKey] : undefined;
        return `**Retrait d'un visa par avenant** — retire des visas du contrat ${kind ?? 'les visas de ce genre'}${node.text !== undefined || node.date !== undefined ? ' ayant ce texte et cette date' : ' (tous ceux de ce genre : précisez le texte ou la date pour n\'en retirer qu\'un)'}. Le contrat tel que modifié à une date : \`cpom generate --au AAAA-MM-JJ\`.`;
    }
    if (ast.isRetraitClause(node)) {
        const card = node.kind ? CLAUSE_CARDS[plain(node.kind) as ClauseKindKey] : undefined;
        return `**Retrait d'une clause par avenant** — la clause reprend la rédaction par défaut du contrat.${card ? `\n\n${card}` : ''}`;
    }
    if (ast.isVisas(node)) {
        return '**Visas du contrat** — projet régional de santé (`prs`), schémas (`schéma_régional`, `schéma_départemental`), arrêtés d\'autorisation (`autorisation`), délibération (`délibération`), autres actes (`autre`) ; imprimés après les visas des textes.';
    }
    if (ast.isClausesRedigees(node)) {
        return '**Clauses du titre 2** rédigées par les parties : `affectation_des_résultats`, `non_respect`, `résiliation`, `conventions_tripartites`, `litiges`, `juridiction`, `révision`. Une clause absente garde la rédaction par défaut.';
    }
    return undefined;
}

/** " — Rhône (69), Isère (38)": the départements an authority declares, named. */
export function authorityDepartmentsText(authority: ast.Autorite): string {
    const codes = authorityDepartments(authority);
    if (codes.length === 0) return '';
    const named = codes.map(c => { const d = findDepartment(c); return d ? `${d.name} (${d.code})` : md(c); });
    return ` — ${codes.length > 1 ? 'départements : ' : ''}${joinFr(named)}`;
}
