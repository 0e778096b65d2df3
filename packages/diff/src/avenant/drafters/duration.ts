/** The article on the duration of the contract: dates and prorogation. */
import { capitalise, frenchDate } from '../context.js';
import { type DraftContext, type DraftedArticle, clause } from './draft-context.js';
import { unhandledPlace } from '../../change-path.js';
import type { ChangeGroup } from '../groups.js';

type DurationGroup = Extract<ChangeGroup, { kind: 'duration' }>;

/** The dates of the engagement: `le contrat prend fin le …`; a date removed is no longer fixed by the contract. */
const DATES = {
    dateFinEngagement: ['le contrat prend fin le', 'la date de fin du contrat'],
    dateEffetEngagement: ['le contrat prend effet le', 'la date d\'effet du contrat'],
    dateSignatureEngagement: ['la date de signature du contrat est le', 'la date de signature du contrat'],
} as const;

export function duration(ctx: DraftContext, group: DurationGroup): DraftedArticle {
    const items: string[] = [];
    let purpose = 'la modification de la durée du contrat';
    for (const { change: c, place } of group.placed) {
        const instead = c.old ? `, au lieu du ${frenchDate(String(c.old))}` : '';
        switch (place.field) {
            case 'dateFinEngagement':
            case 'dateEffetEngagement':
            case 'dateSignatureEngagement': {
                const [sentence, noun] = DATES[place.field];
                items.push(c.new ? `${sentence} ${frenchDate(String(c.new))}${instead}` : `${noun} n'est plus fixée (elle était le ${frenchDate(String(c.old))})`);
                break;
            }
            case 'prorogationEndDate':
                if (c.kind === 'add') {
                    items.push(`le contrat est prorogé jusqu'au ${frenchDate(String(c.new))}, dans la limite d'une sixième année (article L. 313-11 du code de l'action sociale et des familles)`);
                    purpose = `la prorogation du contrat jusqu'au ${frenchDate(String(c.new))}`;
                } else if (c.kind === 'remove') {
                    items.push(`la prorogation du contrat jusqu'au ${frenchDate(String(c.old))} est supprimée`);
                } else {
                    items.push(`le contrat est prorogé jusqu'au ${frenchDate(String(c.new))}${instead}`);
                    purpose = `la prorogation du contrat jusqu'au ${frenchDate(String(c.new))}`;
                }
                break;
            default:
                unhandledPlace(place.field);
        }
    }
    return {
        title: 'Durée du contrat',
        blocks: clause(`${capitalise(ctx.refs.article('duree'))} est modifié comme suit :`, items),
        purpose,
    };
}
