/** The articles on a strategic axis and on an objective, with its actions and its fiche action. */
import {
    type Block, MISSING, orMissing, type ObjectiveJson,
} from '@cpom/generator';
import type { ChangeRecord } from '../../change.js';
import { capitalise, frenchDate, joinFr, quote } from '../context.js';
import { clause, type DraftContext, type DraftedArticle, isObject } from './draft-context.js';
import type { ChangeGroup } from '../groups.js';
import { indicatorItems, indicatorsTable } from './indicator.js';

export function objectivesIntro(ctx: DraftContext): string {
    return `${capitalise(ctx.refs.article('objectifs'))} et ${ctx.refs.annex('fiches-actions')} sont modifiés comme suit :`;
}

export function axis(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    const id = group.id!;
    const whole = group.changes.find(c => c.path.length === 2);
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
    for (const c of group.changes) {
        if (c === whole) continue;
        if (c.path[2] === 'objectives' && c.path.length === 4 && (c.kind === 'add' || c.kind === 'remove')) continue; // said with the axis
        items.push(...objectiveItems(ctx, c));
    }
    return {
        title: whole?.kind === 'remove' ? `Suppression de l'axe stratégique ${name}` : whole?.kind === 'add' ? `Ajout de l'axe stratégique ${name}` : `Modification de l'axe stratégique ${name}`,
        blocks: [...clause(objectivesIntro(ctx), items), ...tables],
        purpose: whole?.kind === 'remove' ? `la suppression de l'axe stratégique ${name}` : whole?.kind === 'add' ? `l'ajout de l'axe stratégique ${name}` : `la modification de l'axe stratégique ${name}`,
    };
}

export function objective(ctx: DraftContext, group: ChangeGroup): DraftedArticle {
    const id = group.id!;
    const whole = group.changes.find(c => c.path.length === 4 && c.kind !== 'change');
    const found = ctx.versions.objective(id, whole?.kind === 'remove' ? 'before' : 'after') ?? ctx.versions.objective(id);
    const name = quote(found?.objective.title ?? id);
    const items: string[] = [];
    const tables: Block[] = [];
    for (const c of group.changes) {
        items.push(...objectiveItems(ctx, c));
        if (c.kind === 'add' && c.path.length === 4 && found) tables.push(...actionSheet(found.objective));
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

/** The sentences for a change inside an axis: objectives, their establishments and actions. */
export function objectiveItems(ctx: DraftContext, c: ChangeRecord): string[] {
    const [, axisId, , objectiveId, field, key, sub] = c.path;
    if (objectiveId === undefined) return [c.description];
    const found = ctx.versions.objective(objectiveId, c.kind === 'remove' && field === undefined ? 'before' : 'after') ?? ctx.versions.objective(objectiveId);
    const name = quote(found?.objective.title ?? objectiveId);
    if (field === undefined) {
        switch (c.kind) {
            case 'add': return [`l'objectif ${name} est ajouté à l'axe stratégique ${quote(ctx.versions.axisTitle(axisId ?? ''))}, avec la fiche action ci-après`];
            case 'remove': return [`l'objectif ${name} de l'axe stratégique ${quote(ctx.versions.axisTitle(axisId ?? ''))} est supprimé, ainsi que sa fiche action`];
            case 'move': return [`l'objectif ${name} est rattaché à l'axe stratégique ${quote(ctx.versions.axisTitle(c.to ?? ''))}, au lieu de l'axe ${quote(ctx.versions.axisTitle(c.from ?? ''))}`];
            default: return [c.description];
        }
    }
    if (field === 'establishments' && key !== undefined) {
        const establishment = quote(ctx.versions.establishmentTitle(String(c.new ?? c.old ?? key)));
        return [c.kind === 'add'
            ? `l'établissement ${establishment} est ajouté aux établissements concernés par l'objectif ${name}`
            : `l'établissement ${establishment} est retiré des établissements concernés par l'objectif ${name}`];
    }
    if (field === 'actions' && key !== undefined) {
        const action = quote(actionTitle(ctx, objectiveId, key));
        if (sub === undefined && c.kind === 'add' && isObject(c.new)) {
            const details = [c.new.deadline ? `échéance : ${frenchDate(String(c.new.deadline))}` : '', c.new.lead ? `pilote : ${String(c.new.lead)}` : ''].filter(Boolean).join(', ');
            return [`l'action ${action}${details ? ` (${details})` : ''} est ajoutée à la fiche action de l'objectif ${name}`];
        }
        if (sub === undefined && c.kind === 'remove') return [`l'action ${action} est retirée de la fiche action de l'objectif ${name}`];
        if (sub === 'deadline') {
            return [c.new ? `l'échéance de l'action ${action} de l'objectif ${name} est fixée au ${frenchDate(String(c.new))}${c.old ? `, au lieu du ${frenchDate(String(c.old))}` : ''}` : `l'action ${action} de l'objectif ${name} n'a plus d'échéance`];
        }
        if (sub === 'establishments') {
            const establishment = quote(ctx.versions.establishmentTitle(String(c.new ?? c.old ?? '')));
            return [c.kind === 'add'
                ? `l'action ${action} de l'objectif ${name} concerne également l'établissement ${establishment}`
                : `l'action ${action} de l'objectif ${name} ne concerne plus l'établissement ${establishment}`];
        }
    }
    if (field === 'indicators' && key !== undefined) return indicatorItems(ctx, c, objectiveId, key);
    return [c.description];
}

/** The fiche action of a new objective: its actions and its indicators with their targets. */
export function actionSheet(objective: ObjectiveJson): Block[] {
    const blocks: Block[] = [];
    if (objective.actions.length > 0) {
        blocks.push({
            kind: 'table', caption: `Fiche action ${orMissing(objective.id, MISSING.name)} — actions`,
            columns: [{ label: 'Action' }, { label: 'Échéance' }, { label: 'Pilote' }],
            rows: objective.actions.map(a => [orMissing(a.title, MISSING.title), a.deadline ? frenchDate(a.deadline) : '', a.lead ?? '']),
        });
    }
    if (objective.indicators.length > 0) blocks.push(indicatorsTable(objective.indicators, `Fiche action ${orMissing(objective.id, MISSING.name)} — indicateurs`));
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
