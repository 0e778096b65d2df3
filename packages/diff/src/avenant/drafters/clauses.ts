/**
 * The article that rewords the clauses of Titre 2 the parties wrote (`clauses { … }`): each clause in the article of
 * the contract that carries it; a clause no longer written takes back the contract's default wording.
 */
import type { ClauseField } from '../../change-path.js';
import { clauseLabel, clauseName } from '../../describe/clauses.js';
import type { ChangeGroup } from '../groups.js';
import { joinFr, quote } from '../context.js';
import { clause, type DraftContext, type DraftedArticle } from './draft-context.js';

type ClausesGroup = Extract<ChangeGroup, { kind: 'clauses' }>;

/** The article of the contract document that prints each clause (document/contract-clauses.ts). */
const ARTICLE_OF: Readonly<Record<ClauseField, string>> = {
    affectationDesResultats: 'affectation-resultats', nonRespect: 'non-respect-resiliation', resiliation: 'non-respect-resiliation',
    conventionsTripartites: 'conventions-tripartites', litiges: 'litiges', juridiction: 'litiges', revision: 'revision',
};

export function clauses(ctx: DraftContext, group: ClausesGroup): DraftedArticle {
    const items = group.placed.map(({ change, place }) => {
        const where = ctx.refs.article(ARTICLE_OF[place.clause]);
        return typeof change.new === 'string'
            ? `à ${where}, la ${clauseName(place.clause)} est rédigée comme suit : ${quote(change.new.trim().replace(/[.;]$/, ''))}`
            : `à ${where}, la ${clauseName(place.clause)} reprend la rédaction par défaut du contrat`;
    });
    const labels = [...new Set(group.placed.map(p => clauseLabel(p.place.clause)))].map(quote);
    return {
        title: 'Clauses du contrat',
        blocks: clause('Les clauses suivantes du contrat sont modifiées :', items),
        purpose: labels.length > 1 ? `la modification des clauses ${joinFr(labels)}` : `la modification de la clause ${labels[0]}`,
    };
}
