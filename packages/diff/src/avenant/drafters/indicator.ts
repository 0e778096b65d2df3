/** The article on an indicator: added, removed, its target values or its definition changed. */
import {
    type Block, type Cell, directionLabel, type IndicatorJson, MISSING, orMissing, paragraph, type Table,
} from '@cpom/generator';
import type { ChangeRecord } from '../../change.js';
import { capitalise, quantityText, quote, unique } from '../context.js';
import { clause, type DraftContext, type DraftedArticle } from './draft-context.js';
import { unhandledPlace } from '../../change-path.js';
import type { ChangeGroup, IndicatorPlace } from '../groups.js';

type IndicatorGroup = Extract<ChangeGroup, { kind: 'indicator' }>;

export function indicator(ctx: DraftContext, group: IndicatorGroup): DraftedArticle {
    const objectiveId = group.objective!;
    const id = group.id!;
    const whole = group.placed.find(p => p.place.kind === 'indicator' && p.place.field === undefined)?.change;
    const before = ctx.versions.indicator(objectiveId, id, 'before');
    const after = ctx.versions.indicator(objectiveId, id, 'after');
    const name = quote((after ?? before)?.title ?? id);
    const objective = quote(ctx.versions.objectiveTitle(objectiveId));
    const dashboard = ctx.refs.annex('tableau-de-bord');
    const blocks: Block[] = [];
    if (whole?.kind === 'add' && after) {
        const details = [after.unit ? `unité : ${after.unit}` : '', after.direction ? `évolution attendue : ${directionLabel(after.direction)}` : ''].filter(Boolean).join(' ; ');
        blocks.push(paragraph(`L'indicateur ${name}${details ? ` (${details})` : ''} est ajouté à la fiche action de l'objectif ${objective}${after.baseline ? `, avec une valeur de référence de ${quantityText(after.baseline)} en ${after.baseline.year}` : ''}. Ses valeurs cibles sont les suivantes :`));
        blocks.push({
            kind: 'table', caption: `Valeurs cibles de l'indicateur ${name}`,
            columns: [{ label: 'Année', align: 'center' }, { label: 'Valeur cible', align: 'right' }],
            rows: after.targets.map(t => [String(t.year), quantityText(t)]),
        });
        blocks.push(paragraph(`${capitalise(dashboard)} est complété en conséquence.`));
        return { title: `Ajout de l'indicateur ${name}`, blocks, purpose: `l'ajout de l'indicateur ${name}` };
    }
    if (whole?.kind === 'remove') {
        blocks.push(paragraph(`L'indicateur ${name} de l'objectif ${objective} est supprimé. La fiche action de l'objectif et ${dashboard} sont modifiés en conséquence.`));
        return { title: `Suppression de l'indicateur ${name}`, blocks, purpose: `la suppression de l'indicateur ${name}` };
    }
    const items: string[] = [];
    const years = new Set<number>();
    for (const { change: c, place } of group.placed) {
        if (place.kind === 'indicator-target' && Number.isInteger(Number(place.year))) years.add(Number(place.year));
        else items.push(...indicatorItems(ctx, c, place));
    }
    if (years.size > 0) {
        const rows = [...years].sort((a, b) => a - b).map((year): Cell[] => [
            String(year),
            quantityText(before?.targets.find(t => t.year === year)),
            after?.targets.some(t => t.year === year) ? quantityText(after.targets.find(t => t.year === year)) : 'supprimée',
        ]);
        blocks.push(paragraph(`Les valeurs cibles de l'indicateur ${name} (objectif ${objective}) sont modifiées comme suit :`));
        blocks.push({
            kind: 'table', caption: `Valeurs cibles de l'indicateur ${name}`,
            columns: [{ label: 'Année', align: 'center' }, { label: 'Ancienne cible', align: 'right' }, { label: 'Nouvelle cible', align: 'right' }],
            rows,
        });
    }
    if (items.length > 0) blocks.push(...clause(`L'indicateur ${name} de l'objectif ${objective} est modifié comme suit :`, items));
    blocks.push(paragraph(`${capitalise(dashboard)} et la fiche action de l'objectif ${objective} sont modifiés en conséquence.`));
    const targetsOnly = items.length === 0;
    return {
        title: targetsOnly ? `Valeurs cibles de l'indicateur ${name}` : `Modification de l'indicateur ${name}`,
        blocks,
        purpose: targetsOnly ? `la révision des valeurs cibles de l'indicateur ${name}` : `la modification de l'indicateur ${name}`,
    };
}

/** How an indicator's definition reads: `l'unité de mesure de l'indicateur « … »`. */
const INDICATOR_FIELDS = {
    id: 'l\'identifiant', title: 'l\'intitulé', source: 'la source', formula: 'le mode de calcul',
} as const;

/** The sentences for a change of an indicator: the indicator itself, a target value, a field of its definition. */
export function indicatorItems(ctx: DraftContext, c: ChangeRecord, place: IndicatorPlace): string[] {
    const before = ctx.versions.indicator(place.objective, place.indicator, 'before');
    const after = ctx.versions.indicator(place.objective, place.indicator, 'after');
    const name = quote((c.kind === 'remove' ? before ?? after : after ?? before)?.title ?? place.indicator);
    if (place.kind === 'indicator-target') {
        const year = Number(place.year);
        const old = before?.targets.find(t => t.year === year);
        const current = after?.targets.find(t => t.year === year);
        if (old && current) return [`la valeur cible ${place.year} de l'indicateur ${name} est portée de ${quantityText(old)} à ${quantityText(current)}`];
        if (current) return [`la valeur cible ${place.year} de l'indicateur ${name} est fixée à ${quantityText(current)}`];
        return [`la valeur cible ${place.year} de l'indicateur ${name} est supprimée`];
    }
    switch (place.field) {
        case undefined:
            switch (c.kind) {
                case 'add': return [`l'indicateur ${name} est ajouté`];
                case 'remove': return [`l'indicateur ${name} est supprimé`];
                case 'move': return [`l'indicateur ${name} est rattaché à l'objectif ${quote(ctx.versions.objectiveTitle(c.to ?? ''))}, au lieu de l'objectif ${quote(ctx.versions.objectiveTitle(c.from ?? ''))}`];
                case 'rename': return [`l'indicateur ${name} est désormais désigné sous l'identifiant ${c.to ?? place.indicator}`];
                case 'change': return [`l'indicateur ${name} est redéfini`];
                default: return unhandledPlace(c.kind);
            }
        case 'baseline':
            return [after?.baseline
                ? `la valeur de référence de l'indicateur ${name} est de ${quantityText(after.baseline)} en ${after.baseline.year}${before?.baseline ? `, au lieu de ${quantityText(before.baseline)} en ${before.baseline.year}` : ''}`
                : `la valeur de référence de l'indicateur ${name} est supprimée`];
        case 'direction':
            return [`l'évolution attendue de l'indicateur ${name} est désormais : ${directionLabel(String(c.new ?? ''))}`];
        case 'unit':
            return [`l'unité de mesure de l'indicateur ${name} est désormais : ${String(c.new ?? '—')}`];
        case 'basedOn':
            return [c.new ? `l'indicateur ${name} est désormais défini selon l'indicateur ${String(c.new)} du catalogue` : `l'indicateur ${name} n'est plus défini selon un indicateur de catalogue`];
        case 'id':
        case 'title':
        case 'source':
        case 'formula':
            return [c.new !== undefined
                ? `${INDICATOR_FIELDS[place.field]} de l'indicateur ${name} est : ${String(c.new)}`
                : `${INDICATOR_FIELDS[place.field]} de l'indicateur ${name} n'est plus précisé${place.field === 'source' ? 'e' : ''}`];
        default:
            return unhandledPlace(place.field);
    }
}

export function indicatorsTable(indicators: readonly IndicatorJson[], caption: string): Table {
    const years = unique(indicators.flatMap(i => i.targets.map(t => t.year))).sort((a, b) => a - b);
    return {
        kind: 'table', caption,
        columns: [{ label: 'Indicateur' }, { label: 'Unité' }, { label: 'Référence', align: 'right' }, ...years.map(y => ({ label: `Cible ${y}`, align: 'right' as const }))],
        rows: indicators.map(i => [
            i.title ?? orMissing(i.id, MISSING.name),
            i.unit ?? '',
            i.baseline ? `${quantityText(i.baseline)} (${i.baseline.year})` : '',
            ...years.map(y => quantityText(i.targets.find(t => t.year === y))),
        ]),
    };
}
