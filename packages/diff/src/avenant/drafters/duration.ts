/** The article on the duration of the contract: dates and prorogation. */
import { capitalise, frenchDate } from '../context.js';
import { type DraftContext, type DraftedArticle, clause } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';

export function duration(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    const items: string[] = [];
    let purpose = 'la modification de la durée du contrat';
    for (const c of group.changes) {
        const field = c.path[0] === 'engagement' ? c.path[1] : c.path[0];
        const instead = c.old ? `, au lieu du ${frenchDate(String(c.old))}` : '';
        switch (field) {
            case 'dateFinEngagement':
                items.push(c.new ? `le contrat prend fin le ${frenchDate(String(c.new))}${instead}` : c.description);
                break;
            case 'dateEffetEngagement':
                items.push(c.new ? `le contrat prend effet le ${frenchDate(String(c.new))}${instead}` : c.description);
                break;
            case 'dateSignatureEngagement':
                items.push(c.new ? `la date de signature du contrat est le ${frenchDate(String(c.new))}${instead}` : c.description);
                break;
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
                items.push(c.description);
        }
    }
    return {
        title: 'Durée du contrat',
        blocks: clause(`${capitalise(ctx.refs.article('duree'))} est modifié comme suit :`, items),
        purpose,
    };
}
