/**
 * The article for substantive changes that belong to no article of the contract. None reaches it today (the
 * contract's own fields and the diagnostic are editorial, an avenant's changes are not substantive): the
 * tests assert it. Each change it meets is still said, or named for the parties to word.
 */
import { unhandledPlace } from '../../change-path.js';
import type { ChangeGroup } from '../groups.js';
import { clause, type DraftedArticle, unworded } from './draft-context.js';

type OtherGroup = Extract<ChangeGroup, { kind: 'other' }>;

const CONTRACT_FIELDS = { id: 'l\'identifiant du contrat', title: 'l\'intitulé du contrat', preambule: 'le préambule du contrat' } as const;

export function other(group: OtherGroup): DraftedArticle {
    const items = group.placed.map(({ change, place }) => {
        if (place.avenant !== undefined) return unworded(change);
        switch (place.kind) {
            case 'contract-field':
                return place.field === 'preambule' ? `${CONTRACT_FIELDS.preambule} est remplacé` : `${CONTRACT_FIELDS[place.field]} est ${String(change.new ?? '—')}`;
            case 'diagnostic':
                return 'le diagnostic partagé du contrat est modifié';
            case 'visa': case 'clause':
            case 'legal-frame': case 'department': case 'duration': case 'gestionnaire': case 'authority': case 'authority-department': case 'signatory':
            case 'establishment': case 'capacity': case 'tarification-authority': case 'axis': case 'objective':
            case 'objective-establishment': case 'action': case 'action-establishment': case 'indicator': case 'indicator-target':
            case 'funding-line': case 'funding-actualisation': case 'funding-line-establishment': case 'funding-amount':
            case 'funding-distribution': case 'funding-share': case 'cnr': case 'modulation': case 'head-office-costs':
            case 'committee': case 'committee-member': case 'management-dialogue': case 'review': case 'gmp-pmp-evaluation':
            case 'transmission': case 'avenant': case 'avenant-withdrawal': case 'unknown':
                // Places of another article (never grouped here) and places of no article.
                return unworded(change);
            default:
                return unhandledPlace(place);
        }
    });
    return {
        title: 'Autres modifications',
        blocks: clause('Le contrat est modifié comme suit :', items),
        purpose: 'd\'autres modifications du contrat',
    };
}
