/** One drafter per kind of group: the article of the avenant that words a group of changes. */
import type { ChangeGroup } from '../groups.js';
import { clauses } from './clauses.js';
import { departments } from './departments.js';
import type { DraftContext, DraftedArticle } from './draft-context.js';
import { duration } from './duration.js';
import { establishment } from './establishment.js';
import { followUp } from './follow-up.js';
import { frames } from './frames.js';
import { funding } from './funding.js';
import { indicator } from './indicator.js';
import { axis, objective } from './objectives.js';
import { other } from './other.js';
import { partiesArticle } from './parties.js';
import { visas } from './visas.js';

export function draftArticle(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    switch (group.kind) {
        case 'frames': return frames(group);
        case 'parties': return partiesArticle(ctx, group);
        case 'establishment': return establishment(ctx, group);
        case 'departments': return departments(ctx);
        case 'axis': return axis(ctx, group);
        case 'objective': return objective(ctx, group);
        case 'indicator': return indicator(ctx, group);
        case 'funding': return funding(ctx, group);
        case 'follow-up': return followUp(ctx, group);
        case 'duration': return duration(ctx, group);
        case 'clauses': return clauses(ctx, group);
        case 'visas': return visas(ctx, group);
        case 'other': return other(group);
        default: return unhandledGroup(group);
    }
}

function unhandledGroup(group: never): never {
    throw new Error(`no drafter for the group ${JSON.stringify(group)}`);
}
