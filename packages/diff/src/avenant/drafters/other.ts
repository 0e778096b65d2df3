/** The article for changes that belong to no article of the contract. */
import { clause, type DraftedArticle } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';

export function other(group: ChangeGroup): DraftedArticle {
    return {
        title: 'Autres modifications',
        blocks: clause('Le contrat est modifié comme suit :', group.changes.map(c => c.description)),
        purpose: 'd\'autres modifications du contrat',
    };
}
