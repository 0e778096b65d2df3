/** The article on the départements the contract covers. */
import { capitalise, joinFr } from '../context.js';
import { type DraftContext, type DraftedArticle, clause } from './draft-context.js';

export function departments(ctx: DraftContext): DraftedArticle {
    const codes = ctx.after.departments ?? [];
    const item = codes.length > 1 ? `le contrat couvre les départements ${joinFr(codes)}` : `le contrat couvre le département ${codes.join('') || '—'}`;
    return {
        title: 'Départements couverts par le contrat',
        blocks: clause(`${capitalise(ctx.refs.article('identification'))} est modifié comme suit :`, [item]),
        purpose: 'la modification des départements couverts par le contrat',
    };
}
