/** The article on one establishment: entering, leaving or changing in the perimeter, with its knock-on changes. */
import {
    type Block, type EstablishmentJson, modalityLabel, paragraph, ref,
} from '@cpom/generator';
import type { ChangeRecord } from '../../change.js';
import { unhandledPlace } from '../../change-path.js';
import { capacitiesText, capacityText, capitalise, de, establishmentNoun, fundingNoun, joinFr, numberText, quote, to, unique } from '../context.js';
import { type DraftContext, type DraftedArticle, clause, FACT_SHEET_ANNEX } from './draft-context.js';
import type { ChangeGroup, ConsequencePlace, EstablishmentPlace, Placed } from '../groups.js';
import { actionTitle } from './objectives.js';

type EstablishmentGroup = Extract<ChangeGroup, { kind: 'establishment' }>;

export function establishment(ctx: DraftContext, group: EstablishmentGroup): DraftedArticle {
    const id = group.id!;
    const whole = group.placed.find(p => p.place.kind === 'establishment' && p.place.field === undefined)?.change;
    const current = ctx.versions.establishmentAfter(id);
    const previous = whole?.kind === 'rename' ? ctx.versions.establishmentBefore(whole.from ?? '') : ctx.versions.establishmentBefore(id);
    const establishment = current ?? previous;
    const title = establishment?.nomEgeLong ?? id;
    const noun = establishmentNoun(establishment, title);
    const items: string[] = [];
    const after: Block[] = [];
    let articleTitle = `Modification ${de(noun)}`;
    let purpose = `la modification des caractéristiques ${de(noun)}`;
    if (whole?.kind === 'add' && current) {
        ctx.addedEstablishments.push(current);
        items.push(`${noun} (${establishmentDetails(ctx, current)}) est ajouté au périmètre du contrat`);
        articleTitle = `Intégration ${de(noun)} au périmètre du contrat`;
        purpose = `l'intégration ${de(noun)} au périmètre du contrat`;
    } else if (whole?.kind === 'remove') {
        const old = previous ?? (whole.old as EstablishmentJson | undefined);
        const details = [old?.numFinessEge ? `FINESS ${old.numFinessEge}` : '', old ? capacitiesText(old.capacities ?? []) : ''].filter(Boolean).join(', ');
        items.push(`${noun}${details ? ` (${details})` : ''} est retiré du périmètre du contrat`);
        articleTitle = `Retrait ${de(noun)} du périmètre du contrat`;
        purpose = `le retrait ${de(noun)} du périmètre du contrat`;
    } else if (whole?.kind === 'rename') {
        const oldTitle = previous?.nomEgeLong ?? whole.from ?? id;
        const finess = current?.numFinessEge ? ` (FINESS ${current.numFinessEge})` : '';
        items.push(oldTitle !== title
            ? `${establishmentNoun(previous, oldTitle)}${finess} est désormais dénommé ${quote(title)}`
            : `${noun}${finess} est désormais désigné sous l'identifiant ${whole.to ?? id}`);
    }
    const consequences: Array<Placed<ConsequencePlace>> = [];
    let capacities = false;
    let departments = false;
    for (const { change: c, place } of group.placed) {
        if (c === whole) continue;
        switch (place.kind) {
            case 'department': {
                // Said once, from the new version's départements.
                const codes = ctx.after.departments ?? [];
                if (!departments) items.push(codes.length > 1 ? `le contrat couvre désormais les départements ${joinFr(codes)}` : `le contrat couvre désormais le département ${codes.join('')}`);
                departments = true;
                break;
            }
            case 'objective-establishment':
            case 'action-establishment':
            case 'funding-line-establishment':
                consequences.push({ change: c, place });
                break;
            case 'capacity':
                // Said once, from the two versions' capacities (whatever the records' shape).
                if (!capacities) items.push(...capacityChanges(noun, previous, current));
                capacities = true;
                break;
            case 'tarification-authority': {
                const name = quote(ctx.versions.partyName(place.authority));
                items.push(c.kind === 'add' ? `${name} devient autorité de tarification ${de(noun)}` : `${name} n'est plus autorité de tarification ${de(noun)}`);
                break;
            }
            case 'establishment':
                items.push(establishmentChange(ctx, c, place, noun));
                break;
            default:
                unhandledPlace(place);
        }
    }
    const blocks = clause(`${capitalise(ctx.refs.article('identification'))} est modifié comme suit :`, items);
    const follows = consequenceItems(ctx, consequences, whole?.kind === 'remove' ? 'remove' : 'add');
    if (follows.length === 1) blocks.push(paragraph(`En conséquence, ${follows[0]}.`));
    else if (follows.length > 1) blocks.push(...clause('En conséquence :', follows));
    if (whole?.kind === 'add') {
        after.push(paragraph('Sa fiche signalétique, jointe au présent avenant (', ref(FACT_SHEET_ANNEX), `), complète ${ctx.refs.annex('fiche-signaletique')}.`));
    } else {
        after.push(paragraph(`${capitalise(ctx.refs.annex('fiche-signaletique'))} est modifiée en conséquence.`));
    }
    return { title: articleTitle, blocks: [...blocks, ...after], purpose };
}

/** What an establishment entering or leaving the perimeter changes elsewhere: objectives, actions, funding lines. */
function consequenceItems(ctx: DraftContext, changes: ReadonlyArray<Placed<ConsequencePlace>>, kind: 'add' | 'remove'): string[] {
    const verb = kind === 'add' ? 'est ajouté aux' : 'est retiré des';
    const objectives: string[] = [];
    const actions: string[] = [];
    const lines: string[] = [];
    for (const { place } of changes) {
        switch (place.kind) {
            case 'objective-establishment':
                objectives.push(quote(ctx.versions.objectiveTitle(place.objective)));
                break;
            case 'action-establishment':
                actions.push(quote(actionTitle(ctx, place.objective, place.action)));
                break;
            case 'funding-line-establishment': {
                const line = ctx.versions.fundingLine(place.line);
                lines.push(line ? fundingNoun(line).noun : quote(place.line));
                break;
            }
            default:
                unhandledPlace(place);
        }
    }
    const result: string[] = [];
    if (objectives.length > 0) result.push(`il ${verb} établissements concernés par ${objectives.length > 1 ? 'les objectifs' : 'l\'objectif'} ${joinFr(unique(objectives))}`);
    if (actions.length > 0) result.push(`il ${verb} établissements concernés par ${actions.length > 1 ? 'les actions' : 'l\'action'} ${joinFr(unique(actions))}`);
    if (lines.length > 0) result.push(`il ${verb} établissements financés par ${joinFr(unique(lines))}`);
    return result;
}

/** `FINESS 260999024, catégorie ESAT (246), département 26, 70 places, tarifé par « … »`. */
export function establishmentDetails(ctx: DraftContext, e: EstablishmentJson): string {
    const parts: string[] = [];
    if (e.numFinessEge) parts.push(`FINESS ${e.numFinessEge}`);
    const category = e.categorieEntiteGeographique;
    if (category) parts.push(category.key ? `catégorie ${category.key} (${category.code})` : `catégorie ${category.code}`);
    if (e.department) parts.push(`département ${e.department}`);
    parts.push(capacitiesText(e.capacities ?? []));
    const authorities = (e.tarificationAuthorities ?? []).map(a => ctx.versions.partyName(a));
    if (authorities.length > 0) parts.push(`tarifé par ${joinFr(authorities.map(quote))}`);
    return parts.join(', ');
}

/** The capacities of an establishment before and after, compared by modality. */
export function capacityChanges(noun: string, before: EstablishmentJson | undefined, after: EstablishmentJson | undefined): string[] {
    const byModality = (e: EstablishmentJson | undefined) => new Map((e?.capacities ?? []).map(c => [c.modality ?? '', c]));
    const old = byModality(before);
    const current = byModality(after);
    const items: string[] = [];
    for (const [modality, c] of current) {
        const previous = old.get(modality);
        const where = modality && modality !== 'places_de_service' ? ` en ${modalityLabel(modality)}` : '';
        const unit = c.unit ?? 'places';
        if (!previous) {
            items.push(`une capacité de ${capacityText(c)} est ajoutée ${to(noun)}`);
            continue;
        }
        const authorised = previous.authorised !== c.authorised;
        if (authorised) {
            items.push(`la capacité autorisée ${de(noun)}${where} est portée de ${numberText(previous.authorised)} à ${numberText(c.authorised)} ${unit}`);
        }
        if (previous.funded !== c.funded) {
            // Right after the authorised capacity of the same modality: "sa capacité financée", not the name again.
            const funded = authorised ? `sa capacité financée${where}` : `la capacité financée ${de(noun)}${where}`;
            items.push(c.funded === undefined
                ? `${funded} n'est plus précisée`
                : previous.funded === undefined
                    ? `${funded} est fixée à ${numberText(c.funded)} ${unit}`
                    : `${funded} est portée de ${numberText(previous.funded)} à ${numberText(c.funded)} ${unit}`);
        }
        if ((previous.unit ?? 'places') !== unit) items.push(`la capacité ${de(noun)}${where} est exprimée en ${unit}`);
    }
    for (const [modality, c] of old) {
        if (!current.has(modality)) items.push(`la capacité de ${capacityText(c)} ${de(noun)} est supprimée`);
    }
    return items;
}

const ESTABLISHMENT_FIELDS = { nomEgeLong: 'dénomination', address: 'adresse', catalogue: 'référence au catalogue', id: 'identifiant' } as const;

export function establishmentChange(ctx: DraftContext, c: ChangeRecord, place: Extract<EstablishmentPlace, { kind: 'establishment' }>, noun: string): string {
    const current = ctx.versions.establishmentAfter(place.establishment);
    switch (place.field) {
        case 'numFinessEge':
            return `le numéro FINESS ${de(noun)} est ${String(c.new ?? '—')}${c.old ? ` (au lieu de ${String(c.old)})` : ''}`;
        case 'categorieEntiteGeographique': {
            const category = current?.categorieEntiteGeographique;
            return category
                ? `${noun} relève désormais de la catégorie ${category.key ?? category.label ?? ''} (${category.code})`
                : `la catégorie ${de(noun)} n'est plus précisée`;
        }
        case 'department':
            return `${noun} est désormais rattaché au département ${String(c.new ?? '—')}`;
        case 'habilitationAideSociale': {
            const h = current?.habilitationAideSociale;
            if (!h) return `${noun} n'est plus habilité à l'aide sociale`;
            return 'scope' in h
                ? `l'habilitation ${de(noun)} à l'aide sociale est désormais ${h.scope === 'totale' ? 'totale' : 'nulle'}`
                : `${noun} est habilité à l'aide sociale pour ${numberText(h.places)} places`;
        }
        case 'nomEgeLong':
        case 'address':
        case 'catalogue':
        case 'id':
            return c.new !== undefined
                ? `${ESTABLISHMENT_FIELDS[place.field] === 'adresse' ? 'l\'' : 'la '}${ESTABLISHMENT_FIELDS[place.field]} ${de(noun)} est : ${String(c.new)}`
                : `${ESTABLISHMENT_FIELDS[place.field] === 'adresse' ? 'l\'' : 'la '}${ESTABLISHMENT_FIELDS[place.field]} ${de(noun)} n'est plus précisée`;
        case 'activeFile': {
            const file = current?.activeFile;
            return file
                ? `la file active ${de(noun)} est de ${numberText(file.count)} personne${file.count >= 2 ? 's' : ''}${file.year !== undefined ? ` en ${file.year}` : ''}`
                : `la file active ${de(noun)} n'est plus précisée`;
        }
        case 'publics':
            return current?.publics?.length
                ? `le public accompagné par ${noun} est : ${joinFr(current.publics.map(quote))}`
                : `le public accompagné par ${noun} n'est plus précisé`;
        case 'activities':
            return current?.activities?.length
                ? `les activités ${de(noun)} sont : ${joinFr(current.activities.map(quote))}`
                : `les activités ${de(noun)} ne sont plus précisées`;
        case undefined:
            // The establishment itself: its entry, exit or rename opens the article.
            return `${noun} demeure dans le périmètre du contrat`;
        default:
            return unhandledPlace(place.field);
    }
}
