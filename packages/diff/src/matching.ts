/**
 * Matching the items of two versions (diff-contracts.ts): by key, then an unmatched pair with the same content under
 * another name is a rename, and references to a renamed element are rewritten before the comparison.
 */
import { type ArraySpec, canonical, canonicalPattern, isObject, type Json, type JsonObject, type Location, named, REFERENCES } from './diff-spec.js';

export function child(at: Location, key: string): Location {
    return { names: [...at.names, key], pattern: `${at.pattern}.${key}`, items: at.items };
}

export function itemAt(at: Location, name: string, item?: JsonObject): Location {
    const pattern = `${at.pattern}[]`;
    const items = item ? new Map([...at.items, [canonicalPattern(pattern), item]]) : at.items;
    return { names: [...at.names, name], pattern, items };
}

export function without(value: JsonObject, keys: readonly string[]): JsonObject {
    const copy = { ...value };
    for (const key of keys) delete copy[key];
    return copy;
}

export function displayKey(value: Json): string {
    return typeof value === 'string' || typeof value === 'number' ? String(value) : canonical(value);
}

export interface Matching {
    readonly pairs: Array<{ old: JsonObject; new: JsonObject; name: string }>;
    readonly added: Array<{ item: JsonObject; name: string }>;
    readonly removed: Array<{ item: JsonObject; name: string }>;
}

/**
 * Matches two arrays by key. Several items with the same key (two committees) are matched identical ones first,
 * then in order; their names get a rank ("comité (2)").
 */
export function matchByKey(oldItems: JsonObject[], newItems: JsonObject[], key: (item: JsonObject) => string): Matching {
    const group = (items: JsonObject[]) => {
        const groups = new Map<string, JsonObject[]>();
        for (const item of items) {
            const k = key(item);
            const group = groups.get(k);
            if (group) group.push(item); // not a copy per item: an array of items sharing a key was quadratic
            else groups.set(k, [item]);
        }
        return groups;
    };
    const oldGroups = group(oldItems);
    const newGroups = group(newItems);
    const result: Matching = { pairs: [], added: [], removed: [] };
    const rank = (base: string, index: number) => (index === 0 ? base : `${base} (${index + 1})`);
    for (const [base, news] of newGroups) {
        const olds = [...(oldGroups.get(base) ?? [])];
        const remaining: JsonObject[] = [];
        const pairs: Array<[JsonObject, JsonObject]> = [];
        for (const item of news) {
            // One item on each side (the usual case): matched without comparing their content.
            if (news.length === 1 && olds.length === 1) {
                pairs.push([olds.shift()!, item]);
                continue;
            }
            const text = canonical(item);
            const same = olds.findIndex(o => canonical(o) === text);
            if (same >= 0) pairs.push([olds.splice(same, 1)[0], item]);
            else remaining.push(item);
        }
        for (const item of remaining) {
            if (olds.length > 0) pairs.push([olds.shift()!, item]);
            else result.added.push({ item, name: rank(base, news.indexOf(item)) });
        }
        for (const [o, n] of pairs) result.pairs.push({ old: o, new: n, name: rank(base, news.indexOf(n)) });
        for (const o of olds) result.removed.push({ item: o, name: rank(base, (oldGroups.get(base) ?? []).indexOf(o)) });
    }
    for (const [base, olds] of oldGroups) {
        if (!newGroups.has(base)) olds.forEach((item, index) => result.removed.push({ item, name: rank(base, index) }));
    }
    return result;
}

/**
 * Same element under another name: same FINESS number, the same content but for the naming fields, or (for items
 * named by several fields, as a CNR by title and year) all naming fields but one the same.
 */
export function sameElement(a: JsonObject, b: JsonObject, labels: readonly string[]): boolean {
    if (typeof a.numFinessEge === 'string' && a.numFinessEge === b.numFinessEge) return true;
    if (typeof a.numFinessPm === 'string' && a.numFinessPm === b.numFinessPm) return true;
    const rest = without(a, labels);
    if (Object.keys(rest).length > 0 && canonical(rest) === canonical(without(b, labels))) return true;
    const differing = labels.filter(l => canonical(a[l]) !== canonical(b[l]));
    return labels.length > 1 && differing.length === 1 && labels.some(l => !differing.includes(l) && a[l] !== undefined);
}

/** Renames old name → new name, per kind of referenced element, found before the comparison. */
export type Renames = Record<NonNullable<ArraySpec['referenced']>, Map<string, string>>;

/** Pairs the unmatched items of two keyed lists that are the same element under another name. */
export function findRenames(oldItems: JsonObject[], newItems: JsonObject[], idOf: (item: JsonObject) => string, labels: readonly string[]): Map<string, string> {
    const oldIds = new Set(oldItems.map(idOf));
    const newIds = new Set(newItems.map(idOf));
    const removed = oldItems.filter(i => !newIds.has(idOf(i)));
    const added = newItems.filter(i => !oldIds.has(idOf(i)));
    const renames = new Map<string, string>();
    const taken = new Set<string>();
    // FINESS first: it is the identity of an establishment whatever else changed; then the same content.
    const passes: Array<(item: JsonObject) => string | undefined> = [
        item => (typeof item.numFinessEge === 'string' ? item.numFinessEge : undefined),
        item => canonical(without(item, labels)),
    ];
    for (const identity of passes) {
        const candidates = new Map<string, JsonObject[]>();
        for (const r of removed) {
            const key = identity(r);
            if (key !== undefined && !renames.has(idOf(r))) candidates.set(key, [...(candidates.get(key) ?? []), r]);
        }
        for (const item of added) {
            if (taken.has(idOf(item))) continue;
            const key = identity(item);
            const previous = key === undefined ? undefined : candidates.get(key)?.shift();
            if (!previous) continue;
            renames.set(idOf(previous), idOf(item));
            taken.add(idOf(item));
        }
    }
    return renames;
}

/** The kind of element a reference field names, by field name. */
const REFERENCE_KIND = new Map(Object.entries(REFERENCES).flatMap(([kind, keys]) => keys.map(key => [key, kind as keyof Renames])));

/**
 * Rewrites the references of an old document to renamed elements, so that they compare equal to the new ones. With
 * no rename, the document itself (it is not modified, here or by the comparison).
 */
export function rewriteReferences(value: Json, renames: Renames): Json {
    return Object.values(renames).some(map => map.size > 0) ? rewritten(value, renames) : value;
}

function rewritten(value: Json, renames: Renames): Json {
    if (Array.isArray(value)) return value.map(v => rewritten(v, renames));
    if (!isObject(value)) return value;
    const result: JsonObject = {};
    for (const [key, field] of Object.entries(value)) {
        const kind = REFERENCE_KIND.get(key);
        const map = kind ? renames[kind] : undefined;
        if (map && typeof field === 'string') result[key] = map.get(field) ?? field;
        else if (map && Array.isArray(field) && field.every(f => typeof f === 'string')) result[key] = field.map(f => map.get(f as string) ?? f);
        else result[key] = rewritten(field, renames);
    }
    return result;
}

export function objectsAt(contract: JsonObject, ...paths: string[][]): JsonObject[] {
    const out: JsonObject[] = [];
    const walk = (value: Json | undefined, path: string[]): void => {
        if (value === undefined) return;
        if (path.length === 0) {
            if (Array.isArray(value)) out.push(...value.filter(isObject));
            else if (isObject(value)) out.push(value);
            return;
        }
        if (Array.isArray(value)) value.forEach(v => walk(v, path));
        else if (isObject(value)) walk(value[path[0]], path.slice(1));
    };
    for (const path of paths) walk(contract, path);
    return out;
}

export function computeRenames(oldContract: JsonObject, newContract: JsonObject): Renames {
    const id = (item: JsonObject) => named(item.id);
    const renames: Renames = { establishment: new Map(), party: new Map(), fundingLine: new Map(), indicator: new Map() };
    // Parties: authorities by content, the gestionnaire by FINESS or content.
    const authorities = [['parties', 'authorities'], ['avenants', 'authorities']];
    for (const [a, b] of findRenames(objectsAt(oldContract, ...authorities), objectsAt(newContract, ...authorities), id, ['id'])) renames.party.set(a, b);
    const [oldManager] = objectsAt(oldContract, ['parties', 'gestionnaire']);
    const [newManager] = objectsAt(newContract, ['parties', 'gestionnaire']);
    if (oldManager && newManager && oldManager.id !== newManager.id && sameElement(oldManager, newManager, ['id'])) {
        renames.party.set(named(oldManager.id), named(newManager.id));
    }
    // Establishments are compared with their tarification authorities already renamed.
    const rewritten = rewriteReferences(oldContract, renames) as JsonObject;
    const [oldEstablishments, newEstablishments] = [
        objectsAt(rewritten, ['perimeter', 'establishments'], ['avenants', 'addedEstablishments']),
        objectsAt(newContract, ['perimeter', 'establishments'], ['avenants', 'addedEstablishments']),
    ];
    for (const [a, b] of findRenames(oldEstablishments, newEstablishments, id, ['id'])) renames.establishment.set(a, b);
    // Funding lines and indicators, with the establishments and parties they refer to already renamed.
    const again = rewriteReferences(oldContract, renames) as JsonObject;
    const lines = [['funding', 'lines'], ['avenants', 'funding', 'lines']];
    for (const [a, b] of findRenames(objectsAt(again, ...lines), objectsAt(newContract, ...lines), id, ['id'])) renames.fundingLine.set(a, b);
    const indicators = [['axes', 'objectives', 'indicators']];
    for (const [a, b] of findRenames(objectsAt(again, ...indicators), objectsAt(newContract, ...indicators), id, ['id'])) renames.indicator.set(a, b);
    return renames;
}
