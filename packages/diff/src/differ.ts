/** The element-by-element comparison of two contracts' JSON, recording one change per difference (diff-contracts.ts). */
import type { ChangeKind, ChangeRecord } from './change.js';
import { describeChange, type ElementNames } from './describe.js';
import {
    areaOf, ARRAYS, type ArraySpec, ATOMIC_OBJECTS, canonical, canonicalPattern, CONTAINERS, DERIVED_ENGAGEMENT_FIELDS, isObject,
    isSubstantive, type Json, type JsonObject, type Location, named, sameJson,
} from './diff-spec.js';
import { child, displayKey, itemAt, matchByKey, type Renames, sameElement, without } from './matching.js';

export class Differ {
    readonly changes: ChangeRecord[] = [];

    constructor(private readonly renames: Renames, private readonly names: ElementNames) {}

    record(kind: ChangeKind, at: Location, values: { old?: Json; new?: Json; from?: string; to?: string }): void {
        const pattern = canonicalPattern(at.pattern);
        const area = areaOf(at.pattern);
        const substantive = isSubstantive(kind, pattern, area);
        const partial = { kind, path: at.names, area, substantive, ...values } as ChangeRecord;
        this.changes.push({ ...partial, ...describeChange(partial, at.items, this.names) });
    }

    diff(oldValue: Json | undefined, newValue: Json | undefined, at: Location): void {
        if (oldValue === undefined && newValue === undefined) return;
        // Most of a contract is unchanged between versions: nothing to walk there. The axes are always paired: an
        // objective or indicator whose identifier repeats is matched across them (diffAxes).
        if (sameJson(oldValue, newValue) && at.pattern !== 'contract.axes') return;
        // Values compared whole (a quantity, a list of publics): one record per change, not one per item.
        const atomic = ATOMIC_OBJECTS.has(canonicalPattern(at.pattern));
        // A list or a part of the contract on one side only (a contract compared with an empty one): its items.
        if (oldValue === undefined && Array.isArray(newValue) && !atomic) oldValue = [];
        if (newValue === undefined && Array.isArray(oldValue) && !atomic) newValue = [];
        if (CONTAINERS.has(at.pattern)) {
            oldValue ??= {};
            newValue ??= {};
        }
        if (oldValue === undefined) return this.record('add', at, { new: newValue });
        if (newValue === undefined) return this.record('remove', at, { old: oldValue });
        if (Array.isArray(oldValue) && Array.isArray(newValue) && !atomic) return this.diffArray(oldValue, newValue, at);
        if (isObject(oldValue) && isObject(newValue) && !atomic) {
            return this.diffObject(oldValue, newValue, at);
        }
        // A list compared whole is a set: its order is no change (publics, establishments of a modulation).
        const same = Array.isArray(oldValue) && Array.isArray(newValue)
            ? oldValue.map(canonical).sort().join('\u0000') === newValue.map(canonical).sort().join('\u0000')
            : canonical(oldValue) === canonical(newValue);
        if (!same) this.record('change', at, { old: oldValue, new: newValue });
    }

    diffObject(oldValue: JsonObject, newValue: JsonObject, at: Location, skip: readonly string[] = []): void {
        const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])];
        for (const key of keys) {
            if (skip.includes(key)) continue;
            if (at.pattern === 'contract.engagement' && DERIVED_ENGAGEMENT_FIELDS.includes(key)) continue;
            if (at.pattern === 'contract.parties.gestionnaire' && key === 'id' && this.renames.party.get(named(oldValue.id)) === newValue.id) {
                this.record('rename', child(at, key), { from: named(oldValue.id), to: named(newValue.id) });
                continue;
            }
            this.diff(oldValue[key], newValue[key], child(at, key));
        }
    }

    private diffArray(oldItems: Json[], newItems: Json[], at: Location): void {
        if (at.pattern === 'contract.axes') {
            return this.diffAxes(oldItems.filter(isObject), newItems.filter(isObject), at);
        }
        const spec = ARRAYS[canonicalPattern(at.pattern)];
        if (spec && oldItems.every(isObject) && newItems.every(isObject)) {
            return this.diffKeyed(oldItems, newItems, spec, at);
        }
        // Sets of values: départements, frames, establishments concerned, members…
        const oldSet = new Map(oldItems.map(v => [canonical(v), v]));
        const newSet = new Map(newItems.map(v => [canonical(v), v]));
        for (const [key, value] of newSet) {
            if (!oldSet.has(key)) this.record('add', itemAt(at, displayKey(value)), { new: value });
        }
        for (const [key, value] of oldSet) {
            if (!newSet.has(key)) this.record('remove', itemAt(at, displayKey(value)), { old: value });
        }
    }

    private diffKeyed(oldItems: JsonObject[], newItems: JsonObject[], spec: ArraySpec, at: Location): void {
        const matching = matchByKey(oldItems, newItems, spec.key);
        const added = [...matching.added];
        const removed = [...matching.removed];
        const renamed: Array<{ old: JsonObject; new: JsonObject; name: string; from: string }> = [];
        const relabelled: Array<{ old: JsonObject; new: JsonObject; name: string }> = [];
        const renameMap = spec.referenced ? this.renames[spec.referenced] : undefined;
        const removedByNewName = new Map(renameMap ? removed.filter(r => renameMap.has(r.name)).map(r => [renameMap.get(r.name)!, r]) : []);
        for (const a of spec.labels ? [...added] : []) {
            const r = renameMap
                ? removedByNewName.get(a.name)
                : removed.find(candidate => sameElement(candidate.item, a.item, spec.labels!));
            if (!r || !spec.labels) continue;
            added.splice(added.indexOf(a), 1);
            removed.splice(removed.indexOf(r), 1);
            // Elements named by an identifier on both sides are renamed. An item named by its title (CNR), or one
            // that gains or loses its identifier (an action `action ACT1 "…"` ↔ `action "…"`), is relabelled: the
            // identifier itself is then a field added or removed.
            if (spec.labels.includes('id') && r.item.id !== undefined && a.item.id !== undefined && r.item.id !== a.item.id) {
                renamed.push({ old: r.item, new: a.item, name: a.name, from: r.name });
            } else {
                relabelled.push({ old: r.item, new: a.item, name: a.name });
            }
        }
        for (const { old, new: item, name, from } of renamed) {
            const location = itemAt(at, name, item);
            // The element's display name goes with its rename: one record.
            const title = ['nomEgeLong', 'title', 'name', 'denominationPm'].find(k => k in item || k in old);
            const retitled = title !== undefined && canonical(old[title]) !== canonical(item[title]);
            this.record('rename', location, { from, to: name, ...(retitled ? { old: old[title!], new: item[title!] } : {}) });
            this.diffItem(without(old, ['id', ...(retitled ? [title!] : [])]), without(item, ['id', ...(retitled ? [title!] : [])]), location, spec);
        }
        for (const { old, new: item, name } of relabelled) this.diffItem(old, item, itemAt(at, name, item), spec);
        for (const { old, new: item, name } of matching.pairs) {
            if (!sameJson(old, item)) this.diffItem(old, item, itemAt(at, name, item), spec);
        }
        for (const { item, name } of added) this.record('add', itemAt(at, name, item), { new: item });
        for (const { item, name } of removed) this.record('remove', itemAt(at, name, item), { old: item });
    }

    private diffItem(oldItem: JsonObject, newItem: JsonObject, at: Location, spec: ArraySpec): void {
        if (spec.atomic) {
            if (canonical(oldItem) !== canonical(newItem)) this.record('change', at, { old: oldItem, new: newItem });
            return;
        }
        this.diff(oldItem, newItem, at);
    }

    /**
     * Axes, then their objectives matched across axes (an objective that changes axis is moved), then the
     * indicators matched across objectives (one that changes objective is moved). Objectives and indicators
     * inside an added or removed axis (objective) belong to that record.
     */
    private diffAxes(oldAxes: JsonObject[], newAxes: JsonObject[], at: Location): void {
        const axisSpec = ARRAYS['contract.axes'];
        const axisRenames = new Map<string, string>();
        const matching = matchByKey(oldAxes, newAxes, axisSpec.key);
        const added = [...matching.added];
        const removed = [...matching.removed];
        const axisLocation = (axis: JsonObject) => itemAt(at, named(axis.id), axis);
        for (const a of [...added]) {
            const r = removed.find(c => canonical(without(c.item, ['id', 'objectives'])) === canonical(without(a.item, ['id', 'objectives'])));
            if (!r) continue;
            added.splice(added.indexOf(a), 1);
            removed.splice(removed.indexOf(r), 1);
            axisRenames.set(r.name, a.name);
            this.record('rename', axisLocation(a.item), { from: r.name, to: a.name });
        }
        for (const { old, new: axis } of matching.pairs) this.diffObject(old, axis, axisLocation(axis), ['objectives']);
        for (const { item } of added) this.record('add', axisLocation(item), { new: item });
        for (const { item } of removed) this.record('remove', axisLocation(item), { old: item });
        const newAxisIds = new Set(added.map(a => a.name));
        const removedAxisIds = new Set(removed.map(r => r.name));

        // Objectives, across axes.
        interface Placed { readonly parent: string; readonly item: JsonObject; readonly at: Location }
        const objectivesOf = (axes: JsonObject[]) => axes.flatMap(axis => ((axis.objectives ?? []) as JsonObject[])
            .map(o => ({ parent: named(axis.id), item: o, at: itemAt(child(axisLocation(axis), 'objectives'), named(o.id), o) })));
        const oldObjectives = objectivesOf(oldAxes);
        const newObjectives = objectivesOf(newAxes);
        const objectiveRenames = new Map<string, string>();
        const pairObjectives = this.pairAcross(oldObjectives, newObjectives, ['id', 'indicators'], objectiveRenames, new Map());
        for (const { old, new: objective } of pairObjectives.pairs) {
            const from = axisRenames.get(old.parent) ?? old.parent;
            if (from !== objective.parent) this.record('move', objective.at, { from: old.parent, to: objective.parent });
            this.diffObject(without(old.item, ['id']), without(objective.item, ['id']), objective.at, ['indicators']);
        }
        for (const o of pairObjectives.added) if (!newAxisIds.has(o.parent)) this.record('add', o.at, { new: o.item });
        for (const o of pairObjectives.removed) if (!removedAxisIds.has(o.parent)) this.record('remove', o.at, { old: o.item });

        // Indicators, across objectives.
        const addedObjectives = new Set(pairObjectives.added.map(o => named(o.item.id)));
        const removedObjectives = new Set(pairObjectives.removed.map(o => named(o.item.id)));
        const indicatorsOf = (objectives: Placed[]) => objectives.flatMap(o => ((o.item.indicators ?? []) as JsonObject[])
            .map(i => ({ parent: named(o.item.id), item: i, at: itemAt(child(o.at, 'indicators'), named(i.id), i) })));
        const pairIndicators = this.pairAcross(indicatorsOf(oldObjectives), indicatorsOf(newObjectives), ['id'], new Map(), this.renames.indicator);
        for (const { old, new: indicator } of pairIndicators.pairs) {
            const from = objectiveRenames.get(old.parent) ?? old.parent;
            if (from !== indicator.parent) this.record('move', indicator.at, { from: old.parent, to: indicator.parent });
            this.diffObject(without(old.item, ['id']), without(indicator.item, ['id']), indicator.at);
        }
        for (const i of pairIndicators.added) if (!addedObjectives.has(i.parent)) this.record('add', i.at, { new: i.item });
        for (const i of pairIndicators.removed) if (!removedObjectives.has(i.parent)) this.record('remove', i.at, { old: i.item });
    }

    /** Pairs elements by id across containers; renames (same content, or known from the pre-pass) are recorded. */
    private pairAcross<T extends { parent: string; item: JsonObject; at: Location }>(
        olds: T[], news: T[], ignore: readonly string[], found: Map<string, string>, known: ReadonlyMap<string, string>,
    ): { pairs: Array<{ old: T; new: T }>; added: T[]; removed: T[] } {
        const newIds = new Set(news.map(n => named(n.item.id)));
        const oldById = new Map<string, T>();
        for (const o of olds) if (!oldById.has(named(o.item.id))) oldById.set(named(o.item.id), o);
        const pairs: Array<{ old: T; new: T }> = [];
        const added: T[] = [];
        const removed = olds.filter(o => !newIds.has(named(o.item.id)));
        for (const n of news) {
            const id = named(n.item.id);
            const same = oldById.get(id);
            if (same) {
                pairs.push({ old: same, new: n });
                continue;
            }
            const renamed = removed.find(r => known.get(named(r.item.id)) === id
                || canonical(without(r.item, ignore)) === canonical(without(n.item, ignore)));
            if (renamed) {
                removed.splice(removed.indexOf(renamed), 1);
                found.set(named(renamed.item.id), id);
                this.record('rename', n.at, { from: named(renamed.item.id), to: id });
                pairs.push({ old: renamed, new: n });
            } else {
                added.push(n);
            }
        }
        return { pairs, added, removed };
    }
}
