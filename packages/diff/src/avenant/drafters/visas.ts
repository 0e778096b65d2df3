/**
 * The article on the contract's own visas (`visas { … }`): each visa added, withdrawn or replaced, quoted as the
 * contract document words it ("Vu le projet régional de santé …"), establishments by their names.
 */
import { MISSING, visaSentence, withoutSemicolon } from '@cpom/generator';
import { isObject, type Json, type JsonObject } from '../../diff-spec.js';
import type { ChangeRecord } from '../../change.js';
import type { ChangeGroup } from '../groups.js';
import { quote } from '../context.js';
import { clause, type DraftContext, type DraftedArticle } from './draft-context.js';

type VisasGroup = Extract<ChangeGroup, { kind: 'visas' }>;

export function visas(ctx: DraftContext, group: VisasGroup): DraftedArticle {
    const worded = (value: unknown): string => quote(visaText(ctx, value));
    // A visa withdrawn and one of the same kind added (a schéma renewed) read as one replacement.
    const changes = group.placed.map(p => p.change);
    const added = changes.filter(c => c.kind === 'add');
    const replacing = new Map<ChangeRecord, ChangeRecord>();
    for (const removed of changes.filter(c => c.kind === 'remove')) {
        const by = added.find(a => !replacing.has(a) && kindOf(a.new) === kindOf(removed.old));
        if (by) replacing.set(by, removed).set(removed, by);
    }
    const items = changes.flatMap(change => {
        switch (change.kind) {
            case 'add': {
                const replaced = replacing.get(change);
                return [replaced ? `le visa ${worded(replaced.old)} est remplacé par le visa ${worded(change.new)}` : `le visa ${worded(change.new)} est ajouté`];
            }
            case 'remove': return replacing.has(change) ? [] : [`le visa ${worded(change.old)} est supprimé`];
            default: return [`le visa ${worded(change.old)} est remplacé par le visa ${worded(change.new)}`];
        }
    });
    return {
        title: 'Visas du contrat',
        blocks: clause('Les visas du contrat sont modifiés comme suit :', items),
        purpose: 'la modification des visas du contrat',
    };
}

function kindOf(value: unknown): unknown {
    return isObject(value as Json) ? (value as JsonObject).kind : undefined;
}

/** The visa's sentence without its final " ;" (the article quotes it). */
function visaText(ctx: DraftContext, value: unknown): string {
    const visa = isObject(value as Json) ? value as JsonObject : {};
    const establishments = Array.isArray(visa.establishments) ? visa.establishments : [];
    const sentence = visaSentence({
        kind: typeof visa.kind === 'string' ? visa.kind : undefined,
        text: typeof visa.text === 'string' ? visa.text : undefined,
        date: typeof visa.date === 'string' ? visa.date : undefined,
        establishments: establishments.map(id => ctx.versions.establishment(String(id))?.nomEgeLong ?? MISSING.name),
    });
    return withoutSemicolon(sentence ?? MISSING.text);
}
