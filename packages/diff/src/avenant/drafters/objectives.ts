/** The articles on a strategic axis and on an objective, with its actions and its fiche action. */
import {
    type Block, MISSING, orMissing, type ObjectiveJson,
} from '@cpom/generator';
import { capitalise, frenchDate, joinFr, quote } from '../context.js';
import { clause, type DraftContext, type DraftedArticle, isObject } from './draft-context.js';
import { unhandledPlace } from '../../change-path.js';
import type { AxisPlace, ChangeGroup, Placed } from '../groups.js';
import { indicatorItems, indicatorsTable } from './indicator.js';

export function objectivesIntro(ctx: DraftContext): string {
    return `${capitalise(ctx.refs.article('objectifs'))} et ${ctx.refs.annex('fiches-actions')} sont modifiés comme suit :`;
}

type AxisGroup = Extract<ChangeGroup, { kind: 'axis' }>;
type ObjectiveGroup = Extract<ChangeGroup, { kind: 'objective' }>;

export function axis(ctx: DraftContext, group: AxisGroup): DraftedArticle {
    const id = group.id!;
    const whole = group.placed.find(p => p.place.kind === 'axis' && p.place.field === undefined)?.change;
    const axis = ctx.versions.axis(id, whole?.kind === 'remove' ? 'before' : 'after') ?? ctx.versions.axis(id);
    const name = quote(axis?.title ?? id);
    const items: string[] = [];
    const tables: Block[] = [];
    if (whole?.kind === 'add') {
        const objectives = axis?.objectives ?? [];
        items.push(`l'axe stratégique ${name} est ajouté${objectives.length > 0 ? `, avec ${objectives.length > 1 ? 'les objectifs' : 'l\'objectif'} ${joinFr(objectives.map(o => quote(o.title)))}` : ''}`);
        for (const objective of objectives) tables.push(...actionSheet(objective));
    } else if (whole?.kind === 'remove') {
        items.push(`l'axe stratégique ${name} est supprimé, ainsi que ses objectifs et leurs fiches actions`);
    }
    for (const placed of group.placed) {
        if (placed.change === whole) continue;
        const { change: c, place } = placed;
        if (place.kind === 'objective' && place.field === undefined && (c.kind === 'add' || c.kind === 'remove')) continue; // said with the axis
        items.push(...objectiveItems(ctx, placed));
    }
    return {
        title: whole?.kind === 'remove' ? `Suppression de l'axe stratégique ${name}` : whole?.kind === 'add' ? `Ajout de l'axe stratégique ${name}` : `Modification de l'axe stratégique ${name}`,
        blocks: [...clause(objectivesIntro(ctx), items), ...tables],
        purpose: whole?.kind === 'remove' ? `la suppression de l'axe stratégique ${name}` : whole?.kind === 'add' ? `l'ajout de l'axe stratégique ${name}` : `la modification de l'axe stratégique ${name}`,
    };
}

export function objective(ctx: DraftContext, group: ObjectiveGroup): DraftedArticle {
    const id = group.id!;
    const whole = group.placed.find(p => p.place.kind === 'objective' && p.place.field === undefined && p.change.kind !== 'change')?.change;
    const found = ctx.versions.objective(id, whole?.kind === 'remove' ? 'before' : 'after') ?? ctx.versions.objective(id);
    const name = quote(found?.objective.title ?? id);
    const items: string[] = [];
    const tables: Block[] = [];
    for (const placed of group.placed) {
        items.push(...objectiveItems(ctx, placed));
        if (placed.change === whole && whole.kind === 'add' && found) tables.push(...actionSheet(found.objective));
    }
    const [title, purpose] = whole?.kind === 'add'
        ? [`Ajout de l'objectif ${name}`, `l'ajout de l'objectif ${name}`]
        : whole?.kind === 'remove'
            ? [`Suppression de l'objectif ${name}`, `la suppression de l'objectif ${name}`]
            : whole?.kind === 'move'
                ? [`Rattachement de l'objectif ${name} à l'axe ${quote(ctx.versions.axisTitle(whole.to ?? ''))}`, `le rattachement de l'objectif ${name} à un autre axe stratégique`]
                : [`Modification de l'objectif ${name}`, `la modification de l'objectif ${name}`];
    return { title, blocks: [...clause(objectivesIntro(ctx), items), ...tables], purpose };
}

/** How the fields of objectives and actions read. */
const OBJECTIVE_FIELDS = { id: 'l\'identifiant', title: 'l\'intitulé', description: 'la description' } as const;
const ACTION_FIELDS = { id: 'l\'identifiant', title: 'l\'intitulé', lead: 'le pilote' } as const;

/** `X de … est : valeur`, or `X de … n'est plus précisé(e)`. */
function fieldItem(what: string, of: string, value: unknown): string {
    const feminine = what.startsWith('la ');
    return value !== undefined ? `${what} ${of} est : ${String(value)}` : `${what} ${of} n'est plus précisé${feminine ? 'e' : ''}`;
}

/** The sentences for a change inside an axis: the axis, its objectives, their establishments, actions and indicators. */
export function objectiveItems(ctx: DraftContext, { change: c, place }: Placed<AxisPlace>): string[] {
    if (place.kind === 'axis') {
        const name = quote(ctx.versions.axisTitle(place.axis));
        switch (place.field) {
            case undefined:
                if (c.kind === 'add') return [`l'axe stratégique ${name} est ajouté`];
                if (c.kind === 'remove') return [`l'axe stratégique ${name} est supprimé`];
                return [`l'axe stratégique ${name} est désormais désigné sous l'identifiant ${c.to ?? place.axis}`];
            case 'id':
            case 'title':
                return [fieldItem(OBJECTIVE_FIELDS[place.field], `de l'axe stratégique ${name}`, c.new)];
            default:
                return unhandledPlace(place);
        }
    }
    if (place.kind === 'indicator' || place.kind === 'indicator-target') return indicatorItems(ctx, c, place);
    const field = place.kind === 'objective' ? place.field : undefined;
    const found = ctx.versions.objective(place.objective, c.kind === 'remove' && place.kind === 'objective' && field === undefined ? 'before' : 'after')
        ?? ctx.versions.objective(place.objective);
    const name = quote(found?.objective.title ?? place.objective);
    switch (place.kind) {
        case 'objective':
            switch (place.field) {
                case undefined:
                    switch (c.kind) {
                        case 'add': return [`l'objectif ${name} est ajouté à l'axe stratégique ${quote(ctx.versions.axisTitle(place.axis))}, avec la fiche action ci-après`];
                        case 'remove': return [`l'objectif ${name} de l'axe stratégique ${quote(ctx.versions.axisTitle(place.axis))} est supprimé, ainsi que sa fiche action`];
                        case 'move': return [`l'objectif ${name} est rattaché à l'axe stratégique ${quote(ctx.versions.axisTitle(c.to ?? ''))}, au lieu de l'axe ${quote(ctx.versions.axisTitle(c.from ?? ''))}`];
                        case 'rename': return [`l'objectif ${name} est désormais désigné sous l'identifiant ${c.to ?? place.objective}`];
                        case 'change': return [`l'objectif ${name} est redéfini`];
                        default: return unhandledPlace(c.kind);
                    }
                case 'id':
                case 'title':
                case 'description':
                    return [fieldItem(OBJECTIVE_FIELDS[place.field], `de l'objectif ${name}`, c.new)];
                default:
                    return unhandledPlace(place);
            }
        case 'objective-establishment': {
            const establishment = quote(ctx.versions.establishmentTitle(String(c.new ?? c.old ?? place.establishment)));
            return [c.kind === 'add'
                ? `l'établissement ${establishment} est ajouté aux établissements concernés par l'objectif ${name}`
                : `l'établissement ${establishment} est retiré des établissements concernés par l'objectif ${name}`];
        }
        case 'action-establishment': {
            const action = quote(actionTitle(ctx, place.objective, place.action));
            const establishment = quote(ctx.versions.establishmentTitle(String(c.new ?? c.old ?? '')));
            return [c.kind === 'add'
                ? `l'action ${action} de l'objectif ${name} concerne également l'établissement ${establishment}`
                : `l'action ${action} de l'objectif ${name} ne concerne plus l'établissement ${establishment}`];
        }
        case 'action': {
            const action = quote(actionTitle(ctx, place.objective, place.action));
            switch (place.field) {
                case undefined:
                    if (c.kind === 'add' && isObject(c.new)) {
                        const details = [c.new.deadline ? `échéance : ${frenchDate(String(c.new.deadline))}` : '', c.new.lead ? `pilote : ${String(c.new.lead)}` : ''].filter(Boolean).join(', ');
                        return [`l'action ${action}${details ? ` (${details})` : ''} est ajoutée à la fiche action de l'objectif ${name}`];
                    }
                    if (c.kind === 'remove') return [`l'action ${action} est retirée de la fiche action de l'objectif ${name}`];
                    return [`l'action ${action} de l'objectif ${name} est désormais désignée sous l'identifiant ${c.to ?? place.action}`];
                case 'deadline':
                    return [c.new ? `l'échéance de l'action ${action} de l'objectif ${name} est fixée au ${frenchDate(String(c.new))}${c.old ? `, au lieu du ${frenchDate(String(c.old))}` : ''}` : `l'action ${action} de l'objectif ${name} n'a plus d'échéance`];
                case 'id':
                case 'title':
                case 'lead':
                    return [fieldItem(ACTION_FIELDS[place.field], `de l'action ${action} de l'objectif ${name}`, c.new)];
                default:
                    return unhandledPlace(place);
            }
        }
        default:
            return unhandledPlace(place);
    }
}

/** The fiche action of a new objective: its actions and its indicators with their targets. */
export function actionSheet(objective: ObjectiveJson): Block[] {
    const blocks: Block[] = [];
    if (objective.actions.length > 0) {
        blocks.push({
            kind: 'table', caption: `Fiche action ${quote(orMissing(objective.title, MISSING.title))} — actions`,
            columns: [{ label: 'Action' }, { label: 'Échéance' }, { label: 'Pilote' }],
            rows: objective.actions.map(a => [orMissing(a.title, MISSING.title), a.deadline ? frenchDate(a.deadline) : '', a.lead ?? '']),
        });
    }
    if (objective.indicators.length > 0) blocks.push(indicatorsTable(objective.indicators, `Fiche action ${quote(orMissing(objective.title, MISSING.title))} — indicateurs`));
    return blocks;
}

/** The title of an action, from its key in a change record (its name or its title). */
export function actionTitle(ctx: DraftContext, objectiveId: string, key: string): string {
    for (const side of ['after', 'before'] as const) {
        const action = ctx.versions.objective(objectiveId, side)?.objective.actions.find(a => a.id === key || a.title === key);
        if (action) return action.title;
    }
    return key;
}
