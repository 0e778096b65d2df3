/** The article on the legal frames of the contract (the visas and the title page). */
import { de } from '../context.js';
import { type DraftedArticle, clause, frameNoun } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';

export function frames(group: Extract<ChangeGroup, { kind: 'frames' }>): DraftedArticle {
    const items = group.placed.map(({ change: c, place }) => {
        const frame = String(c.new ?? c.old ?? place.frame);
        return c.kind === 'add'
            ? `le contrat est également conclu en application ${de(frameNoun(frame))} du code de l'action sociale et des familles`
            : `le contrat n'est plus conclu en application ${de(frameNoun(frame))} du code de l'action sociale et des familles`;
    });
    return {
        title: 'Cadre juridique du contrat',
        blocks: clause('Les visas et la page de titre du contrat sont modifiés comme suit :', items),
        purpose: 'la modification du cadre juridique du contrat',
    };
}
