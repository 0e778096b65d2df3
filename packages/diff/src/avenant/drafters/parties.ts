/** The article on the parties and the signatories of the contract. */
import { authorityKindLabel, statusLabel } from '@cpom/generator';
import type { ChangeRecord } from '../../change.js';
import { unhandledPlace } from '../../change-path.js';
import { capitalise, joinFr, quote } from '../context.js';
import type { ChangeGroup, PartiesPlace } from '../groups.js';
import { clause, type DraftContext, type DraftedArticle, isObject } from './draft-context.js';

type PartiesGroup = Extract<ChangeGroup, { kind: 'parties' }>;

const roleOf = (c: ChangeRecord) => (isObject(c.new) && typeof c.new.role === 'string' ? ` (qualité du signataire : ${c.new.role})` : '');

function signatoryItem(ctx: DraftContext, c: ChangeRecord, place: Extract<PartiesPlace, { kind: 'signatory' }>): string {
    const name = quote(ctx.versions.partyName(place.party));
    switch (place.field) {
        case undefined:
            if (c.kind === 'add') return `${name} est signataire du contrat${roleOf(c)}`;
            if (c.kind === 'remove') return `${name} n'est plus signataire du contrat`;
            return `${name} demeure signataire du contrat${roleOf(c)}`;
        case 'role':
            return c.new !== undefined ? `la qualité du signataire pour ${name} est : ${String(c.new)}` : `la qualité du signataire pour ${name} n'est plus précisée`;
        case 'person':
            return c.new !== undefined ? `${String(c.new)} signe le contrat pour ${name}` : `la personne qui signe le contrat pour ${name} n'est plus précisée`;
        case 'party':
            return `${quote(ctx.versions.partyName(String(c.new ?? place.party)))} est signataire du contrat au lieu de ${quote(ctx.versions.partyName(String(c.old ?? place.party)))}`;
        default:
            return unhandledPlace(place.field);
    }
}

const AUTHORITY_FIELDS = { name: 'dénomination', region: 'région', address: 'adresse', catalogue: 'référence au catalogue', id: 'identifiant' } as const;

function authorityItem(ctx: DraftContext, c: ChangeRecord, place: Extract<PartiesPlace, { kind: 'authority' }>): string {
    const authority = ctx.versions.authority(place.authority);
    const name = quote(authority?.name ?? place.authority);
    switch (place.field) {
        case undefined:
            return c.kind === 'remove' ? `${name} cesse d'être partie au contrat` : `${name} est partie au contrat`;
        case 'kind':
            return c.new !== undefined ? `${name} est désormais désignée comme ${authorityKindLabel(String(c.new))}` : `le type de l'autorité ${name} n'est plus précisé`;
        case 'department':
            return `${name} est désormais rattachée au département ${String(c.new ?? '—')}`;
        case 'name':
        case 'region':
        case 'address':
        case 'catalogue':
        case 'id':
            return c.new !== undefined
                ? `la ${AUTHORITY_FIELDS[place.field]} de l'autorité ${name} est : ${String(c.new)}`
                : `la ${AUTHORITY_FIELDS[place.field]} de l'autorité ${name} n'est plus précisée`;
        default:
            return unhandledPlace(place.field);
    }
}

function gestionnaireItem(ctx: DraftContext, c: ChangeRecord, place: Extract<PartiesPlace, { kind: 'gestionnaire' }>): string {
    const gestionnaire = ctx.after.parties?.gestionnaire ?? ctx.before.parties?.gestionnaire;
    const name = quote(gestionnaire?.denominationPm ?? place.field ?? '');
    switch (place.field) {
        case 'numFinessPm':
            return `le numéro FINESS de l'entité juridique de l'organisme gestionnaire ${name} est ${String(c.new ?? '—')}${c.old ? ` (au lieu de ${String(c.old)})` : ''}`;
        case 'legalStatus':
            return `le statut juridique de l'organisme gestionnaire ${name} est désormais : ${statusLabel(String(c.new ?? ''))}`;
        case undefined:
        case 'id':
            return `l'organisme gestionnaire partie au contrat est ${name}`;
        case 'denominationPm':
            return `l'organisme gestionnaire partie au contrat est dénommé ${quote(String(c.new ?? ''))}`;
        case 'address':
            return c.new !== undefined ? `l'adresse de l'organisme gestionnaire ${name} est : ${String(c.new)}` : `l'adresse de l'organisme gestionnaire ${name} n'est plus précisée`;
        default:
            return unhandledPlace(place.field);
    }
}

export function partiesArticle(ctx: DraftContext, group: PartiesGroup): DraftedArticle {
    const items: string[] = [];
    const joining: string[] = [];
    const leaving: string[] = [];
    // An authority that joins and signs is said in one sentence.
    const joiningIds = new Set(group.placed.flatMap(({ change, place }) =>
        (place.kind === 'authority' && place.field === undefined && change.kind === 'add' ? [place.authority] : [])));
    const signing = new Map<string, string>();
    for (const { change: c, place } of group.placed) {
        if (place.kind !== 'signatory') continue;
        if (place.field === undefined && c.kind === 'add' && joiningIds.has(place.party)) signing.set(place.party, roleOf(c));
        else items.push(signatoryItem(ctx, c, place));
    }
    for (const { change: c, place } of group.placed) {
        switch (place.kind) {
            case 'signatory':
                break;
            case 'authority': {
                const authority = ctx.versions.authority(place.authority);
                if (c.kind === 'add' && place.field === undefined) {
                    joining.push(authority?.name ?? place.authority);
                    const details = authority ? ` (${authorityKindLabel(authority.kind)}${authority.department ? `, département ${authority.department}` : ''})` : '';
                    const signs = signing.has(place.authority) ? ` et en est signataire${signing.get(place.authority)}` : '';
                    items.unshift(`${quote(authority?.name ?? place.authority)}${details} devient partie au contrat${signs}`);
                } else {
                    if (c.kind === 'remove' && place.field === undefined) leaving.push(authority?.name ?? place.authority);
                    items.push(authorityItem(ctx, c, place));
                }
                break;
            }
            case 'gestionnaire':
                items.push(gestionnaireItem(ctx, c, place));
                break;
            case 'authority-department': {
                const name = quote(ctx.versions.authority(place.authority)?.name ?? place.authority);
                items.push(c.kind === 'remove' ? `${name} ne couvre plus le département ${place.code}` : `${name} couvre le département ${place.code}`);
                break;
            }
            default:
                unhandledPlace(place);
        }
    }
    const partiesChanged = group.placed.some(p => p.place.kind !== 'signatory');
    const signatoriesChanged = group.placed.some(p => p.place.kind === 'signatory');
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
