/** The article on the parties and the signatories of the contract. */
import {
    authorityKindLabel, statusLabel,
} from '@cpom/generator';
import { capitalise, joinFr, quote } from '../context.js';
import { type DraftContext, type DraftedArticle, clause, isObject } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';

export function partiesArticle(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    const items: string[] = [];
    const joining: string[] = [];
    const leaving: string[] = [];
    const signatoriesTouched = new Set<string>();
    // An authority that joins and signs is said in one sentence.
    const joiningIds = new Set(group.changes.filter(c => c.kind === 'add' && c.path[1] === 'authorities' && c.path.length === 3).map(c => c.path[2]));
    const signing = new Map<string, string>();
    for (const c of group.changes) {
        const [, second, id] = c.path;
        if (c.path[0] === 'parties' && second === 'signatories' && id !== undefined && c.kind === 'add' && joiningIds.has(id)) {
            signatoriesTouched.add(id);
            signing.set(id, isObject(c.new) && typeof c.new.role === 'string' ? ` (qualité du signataire : ${c.new.role})` : '');
            continue;
        }
        if (c.path[0] === 'parties' && second === 'signatories' && id !== undefined) {
            const name = quote(ctx.versions.partyName(id));
            signatoriesTouched.add(id);
            if (c.kind === 'add') {
                const role = isObject(c.new) && typeof c.new.role === 'string' ? ` (qualité du signataire : ${c.new.role})` : '';
                items.push(`${name} est signataire du contrat${role}`);
            } else if (c.kind === 'remove') {
                items.push(`${name} n'est plus signataire du contrat`);
            } else {
                items.push(c.description);
            }
        }
    }
    for (const c of group.changes) {
        const [head, second, id, field] = c.path;
        if (head === 'parties' && second === 'authorities' && id !== undefined) {
            const authority = ctx.versions.authority(id);
            const name = quote(authority?.name ?? id);
            if (c.kind === 'add' && field === undefined) {
                joining.push(authority?.name ?? id);
                const details = authority ? ` (${authorityKindLabel(authority.kind)}${authority.department ? `, département ${authority.department}` : ''})` : '';
                items.unshift(`${name}${details} devient partie au contrat${signing.has(id) ? ` et en est signataire${signing.get(id)}` : ''}`);
            } else if (c.kind === 'remove' && field === undefined) {
                leaving.push(authority?.name ?? id);
                items.push(`${name} cesse d'être partie au contrat`);
            } else if (field === 'kind') {
                items.push(c.new !== undefined ? `${name} est désormais désignée comme ${authorityKindLabel(String(c.new))}` : c.description);
            } else if (field === 'department') {
                items.push(`${name} est désormais rattachée au département ${String(c.new ?? '—')}`);
            } else {
                items.push(c.description);
            }
        } else if (head === 'parties' && second === 'gestionnaire') {
            const gestionnaire = ctx.after.parties?.gestionnaire ?? ctx.before.parties?.gestionnaire;
            const name = quote(gestionnaire?.denominationPm ?? id ?? '');
            if (id === 'numFinessPm') items.push(`le numéro FINESS de l'entité juridique de l'organisme gestionnaire ${name} est ${String(c.new ?? '—')}${c.old ? ` (au lieu de ${String(c.old)})` : ''}`);
            else if (id === 'legalStatus') items.push(`le statut juridique de l'organisme gestionnaire ${name} est désormais : ${statusLabel(String(c.new ?? ''))}`);
            else if (id === undefined || id === 'id') items.push(`l'organisme gestionnaire partie au contrat est ${name}`);
            else items.push(c.description);
        } else if (head === 'engagement' && second === 'autoriteRegulationEngagement') {
            const value = (c.new ?? c.old) as { authorityId?: string } | undefined;
            const authorityId = value?.authorityId ?? '';
            if (signatoriesTouched.has(authorityId)) continue;
            items.push(`${quote(ctx.versions.partyName(authorityId))} ${c.kind === 'add' ? 'est désormais' : 'n\'est plus'} autorité signataire du contrat`);
        }
    }
    const partiesChanged = group.changes.some(c => c.path[1] !== 'signatories' && c.path[1] !== 'autoriteRegulationEngagement');
    const signatoriesChanged = group.changes.some(c => c.path[1] === 'signatories' || c.path[1] === 'autoriteRegulationEngagement');
    const intro = partiesChanged && signatoriesChanged
        ? `${capitalise(ctx.refs.article('identification'))} et le bloc des signatures du contrat sont modifiés comme suit :`
        : partiesChanged
            ? `${capitalise(ctx.refs.article('identification'))} est modifié comme suit :`
            : 'Le bloc des signatures du contrat est modifié comme suit :';
    const purpose = joining.length > 0
        ? `l'entrée de ${joinFr(joining.map(quote))} parmi les parties au contrat`
        : leaving.length > 0
            ? `le retrait de ${joinFr(leaving.map(quote))} des parties au contrat`
            : signatoriesChanged && !partiesChanged ? 'la modification des signataires du contrat' : 'la modification des parties au contrat';
    return {
        title: partiesChanged && signatoriesChanged ? 'Parties et signataires du contrat' : partiesChanged ? 'Parties au contrat' : 'Signataires du contrat',
        blocks: clause(intro, items),
        purpose,
    };
}
