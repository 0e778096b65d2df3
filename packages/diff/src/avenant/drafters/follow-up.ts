/** The article on the follow-up of the contract: reviews, committee, management dialogue, evaluations, transmissions. */
import {
    budgetDocumentLabel, frequencyLabel, MISSING, reviewLabel,
} from '@cpom/generator';
import { capitalise, dayOfMonth, de, joinFr, quote, shown } from '../context.js';
import { type DraftContext, type DraftedArticle, clause, isObject } from './draft-context.js';
import type { ChangeRecord } from '../../change.js';
import { unhandledPlace } from '../../change-path.js';
import type { ChangeGroup } from '../groups.js';

type FollowUpGroup = Extract<ChangeGroup, { kind: 'follow-up' }>;

/** A review planned, cancelled or moved to another year: `une revue à mi-parcours est prévue en 2016`. */
function reviewItem(c: ChangeRecord): string {
    const value = isObject(c.new) ? c.new : isObject(c.old) ? c.old : {};
    const label = value.kind !== undefined ? reviewLabel(String(value.kind)) : 'revue';
    const final = value.kind === 'finale';
    const e = final ? '' : 'e';
    const year = shown(value.year, MISSING.year);
    switch (c.kind) {
        case 'add': return `${final ? 'un' : 'une'} ${label} est prévu${e} en ${year}`;
        case 'remove': return `${final ? 'le' : 'la'} ${label} prévu${e} en ${year} est supprimé${e}`;
        default: {
            const before = isObject(c.old) ? c.old : {};
            const instead = before.kind === value.kind
                ? `au lieu de ${shown(before.year, MISSING.year)}`
                : `au lieu ${final ? 'du' : 'de la'} ${before.kind !== undefined ? reviewLabel(String(before.kind)) : 'revue'} prévue en ${shown(before.year, MISSING.year)}`;
            return `${final ? 'le' : 'la'} ${label} est prévu${e} en ${year}, ${instead}`;
        }
    }
}

export function followUp(ctx: DraftContext, group: FollowUpGroup): DraftedArticle {
    const items: string[] = [];
    let committees = false;
    for (const { change: c, place } of group.placed) {
        const value = (c.new ?? c.old) as Record<string, unknown> | undefined;
        switch (place.kind) {
            case 'review':
                items.push(reviewItem(c));
                break;
            case 'committee':
            case 'committee-member':
                committees = true;
                break;
            case 'management-dialogue': {
                // The frequency is the dialogue's only field: said from the record, whole or field.
                const frequency = frequencyLabel(String((place.field === 'frequency' ? c.new : value?.frequency) ?? ''));
                if (place.field === 'frequency') items.push(`le dialogue de gestion entre les parties est désormais ${frequency}`);
                else if (c.kind === 'remove') items.push(`le dialogue de gestion ${frequency} est supprimé`);
                else items.push(`un dialogue de gestion ${frequency} est organisé entre les parties`);
                break;
            }
            case 'gmp-pmp-evaluation':
                if (c.kind === 'remove') items.push(`l'évaluation du GMP et du PMP prévue en ${shown(value?.year, MISSING.year)} est supprimée`);
                else items.push(`le GIR moyen pondéré (GMP) et le PATHOS moyen pondéré (PMP) sont évalués en ${shown(value?.year, MISSING.year)}`);
                break;
            case 'transmission': {
                const document = place.document;
                const current = (ctx.after.followUp?.transmissions ?? []).find(t => t.document === document);
                items.push(current
                    ? `le gestionnaire transmet ${budgetDocumentLabel(document)} au plus tard le ${dayOfMonth(current.day, current.month)} de chaque année`
                    : `la transmission ${de(budgetDocumentLabel(document))} à une date fixée par le contrat est supprimée`);
                break;
            }
            default:
                unhandledPlace(place);
        }
    }
    if (committees) {
        // Said from the two versions' committees (whatever the records' shape).
        const after = ctx.after.followUp?.committees ?? [];
        if (after.length === 0) items.push('le comité de suivi est supprimé');
        for (const committee of after) {
            // As the contract words it (Titre 2, article 1): one verb, the composition then the rhythm.
            const members = joinFr(committee.members.map(m => quote(ctx.versions.partyName(m))));
            items.push(committee.meetingFrequency
                ? `le comité de suivi, composé de représentants de ${members}, se réunit selon un rythme ${frequencyLabel(committee.meetingFrequency)}`
                : `le comité de suivi est composé de représentants de ${members}`);
        }
    }
    return {
        title: 'Suivi et évaluation du contrat',
        blocks: clause(`${capitalise(ctx.refs.article('suivi'))} est modifié comme suit :`, items),
        purpose: 'l\'adaptation des modalités de suivi et d\'évaluation du contrat',
    };
}
