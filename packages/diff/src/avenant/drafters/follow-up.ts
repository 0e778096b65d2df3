/** The article on the follow-up of the contract: reviews, committee, management dialogue, evaluations, transmissions. */
import {
    budgetDocumentLabel, frequencyLabel, MISSING, reviewLabel,
} from '@cpom/generator';
import { capitalise, dayOfMonth, de, joinFr, quote, shown } from '../context.js';
import { type DraftContext, type DraftedArticle, clause, isObject } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';

export function followUp(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    const items: string[] = [];
    let committees = false;
    for (const c of group.changes) {
        const [, list, key, field] = c.path;
        const value = (c.new ?? c.old) as Record<string, unknown> | undefined;
        switch (list) {
            case 'reviews': {
                if (!isObject(value) || field !== undefined) {
                    items.push(c.description);
                    break;
                }
                const label = value.kind !== undefined ? reviewLabel(String(value.kind)) : 'revue';
                const final = value.kind === 'finale';
                items.push(c.kind === 'add'
                    ? `${final ? 'un' : 'une'} ${label} est prévu${final ? '' : 'e'} en ${shown(value.year, MISSING.year)}`
                    : `${final ? 'le' : 'la'} ${label} prévu${final ? '' : 'e'} en ${shown(value.year, MISSING.year)} est supprimé${final ? '' : 'e'}`);
                break;
            }
            case 'committees':
                committees = true;
                break;
            case 'managementDialogues':
                items.push(c.kind === 'add'
                    ? `un dialogue de gestion ${frequencyLabel(String(value?.frequency ?? ''))} est organisé entre les parties`
                    : `le dialogue de gestion ${frequencyLabel(String(value?.frequency ?? ''))} est supprimé`);
                break;
            case 'gmpPmpEvaluations':
                items.push(c.kind === 'add'
                    ? `le GIR moyen pondéré (GMP) et le PATHOS moyen pondéré (PMP) sont évalués en ${shown(value?.year, MISSING.year)}`
                    : `l'évaluation du GMP et du PMP prévue en ${shown(value?.year, MISSING.year)} est supprimée`);
                break;
            case 'transmissions': {
                const document = key ?? String(value?.document ?? '');
                const current = (ctx.after.followUp?.transmissions ?? []).find(t => t.document === document);
                items.push(current
                    ? `le gestionnaire transmet ${budgetDocumentLabel(document)} au plus tard le ${dayOfMonth(current.day, current.month)} de chaque année`
                    : `la transmission ${de(budgetDocumentLabel(document))} à une date fixée par le contrat est supprimée`);
                break;
            }
            default:
                items.push(c.description);
        }
    }
    if (committees) {
        // Said from the two versions' committees (whatever the records' shape).
        const after = ctx.after.followUp?.committees ?? [];
        if (after.length === 0) items.push('le comité de suivi est supprimé');
        for (const committee of after) {
            const frequency = committee.meetingFrequency ? `, qui se réunit selon un rythme ${frequencyLabel(committee.meetingFrequency)}` : '';
            items.push(`le comité de suivi réunit ${joinFr(committee.members.map(m => quote(ctx.versions.partyName(m))))}${frequency}`);
        }
    }
    return {
        title: 'Suivi et évaluation du contrat',
        blocks: clause(`${capitalise(ctx.refs.article('suivi'))} est modifié comme suit :`, items),
        purpose: 'l\'adaptation des modalités de suivi et d\'évaluation du contrat',
    };
}
