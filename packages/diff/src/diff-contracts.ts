/**
 * The semantic diff of two versions of a contract. Both are first exported to the JSON for authority
 * systems (normalised: order of clauses, layout, comments, accents in keywords and number spacing are gone),
 * then compared element by element, matched by identity: names, years, FINESS numbers.
 *
 * - Arrays of elements are matched by key (`ARRAYS`), never by position: reordering changes nothing.
 * - A removed and an added establishment with the same FINESS number (or any element with the same content under
 *   another name) is one rename; references to the old name elsewhere in the contract follow it, so a rename is
 *   one record, not a cascade of removals and additions.
 * - An objective that changes axis, or an indicator that changes objective, is one move.
 * - Year values (targets, amounts, shares) are compared whole, so a change reads "97 % → 98 %".
 * - Fields derived from others (the FINESS+ engagement identifiers, the authorities that sign) are not compared.
 *
 * Inside an avenant, elements are compared as in the contract (signatories, authorities, added establishments,
 * funding); every change there belongs to the area `avenants` and is not substantive: an avenant is the
 * instrument of substantive changes, it does not need another one.
 */
import { lineTotal } from '@cpom/language';
import { type CpomJson, MISSING } from '@cpom/generator';
import { jsonAmountFigures } from './funding-totals.js';
import type { ChangeArea, ChangeKind, ChangeRecord, DiffSummary, SemanticDiff } from './change.js';
import { describeChange, ElementNames, formatEurosValue, headline } from './describe.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Location {
    /** Element path by names, for the change record. */
    readonly names: string[];
    /** JSON keys with `[]` for array items, as in the document (`contract.avenants[].funding.lines[]`). */
    readonly pattern: string;
    /** The matched items on the way down, by canonical pattern: the establishment, the indicator, the avenant… */
    readonly items: ReadonlyMap<string, JsonObject>;
}

interface ArraySpec {
    /** The identity of an item within its array. Items with the same key are matched, whatever their order. */
    readonly key: (item: JsonObject) => string;
    /** Items compared whole (one record per changed item), not field by field. */
    readonly atomic?: boolean;
    /** Fields that name the item: an unmatched pair that differs only there is the same item, renamed or relabelled. */
    readonly labels?: readonly string[];
    /** The references to these items are rewritten after a rename (see `REFERENCES`). */
    readonly referenced?: 'establishment' | 'party' | 'fundingLine' | 'indicator';
}

/** How the items of an array are matched between versions, by canonical pattern. Arrays not listed are sets of values. */
const ARRAYS: Record<string, ArraySpec> = {
    'contract.parties.authorities': { key: item => named(item.id), labels: ['id'], referenced: 'party' },
    'contract.parties.signatories': { key: item => named(item.party) },
    'contract.perimeter.establishments': { key: item => named(item.id), labels: ['id'], referenced: 'establishment' },
    'contract.perimeter.establishments[].capacities': { key: item => String(item.modality ?? 'total') },
    'contract.axes': { key: item => named(item.id), labels: ['id'] },
    'contract.axes[].objectives[].actions': { key: item => named(item.id ?? item.title), labels: ['id', 'title'] },
    'contract.axes[].objectives[].indicators[].targets': { key: item => named(item.year), atomic: true },
    'contract.funding.lines': { key: item => named(item.id), labels: ['id'], referenced: 'fundingLine' },
    'contract.funding.lines[].amounts': { key: item => named(item.year), atomic: true },
    'contract.funding.lines[].distributions': { key: item => named(item.year) },
    'contract.funding.lines[].distributions[].shares': { key: item => named(item.establishment), atomic: true },
    'contract.funding.cnr': { key: item => `${named(item.title)} ${named(item.year)}`, labels: ['title', 'year'] },
    'contract.funding.modulations': { key: item => named(item.fundingLine) },
    'contract.funding.headOfficeCosts': { key: () => 'frais de siège' },
    'contract.followUp.committees': { key: () => 'comité' },
    'contract.followUp.managementDialogues': { key: () => 'dialogue de gestion' },
    'contract.followUp.reviews': { key: item => `${named(item.kind)} ${named(item.year)}`, atomic: true, labels: ['kind', 'year'] },
    'contract.followUp.gmpPmpEvaluations': { key: item => named(item.year), atomic: true },
    'contract.followUp.transmissions': { key: item => named(item.document), atomic: true },
    'contract.avenants': { key: item => named(item.number) },
};

/** Objects compared whole: a value with its year or unit reads as one value. */
const ATOMIC_OBJECTS = new Set([
    'contract.perimeter.establishments[].categorieEntiteGeographique',
    'contract.perimeter.establishments[].habilitationAideSociale',
    'contract.axes[].objectives[].indicators[].baseline',
    'contract.funding.modulations[].abattement',
    'contract.funding.headOfficeCosts[].rate',
]);

/** Parts of the contract compared part by part even when one side has none (a contract added or removed whole). */
const CONTAINERS = new Set(['contract.engagement', 'contract.parties', 'contract.perimeter', 'contract.diagnostic', 'contract.funding', 'contract.followUp']);

/** Fields that only repeat others (FINESS+ engagement identifiers, the authorities among the signatories). */
const DERIVED_ENGAGEMENT_FIELDS = ['typeEngagement', 'sousTypeEngagement', 'identifiantEngagement', 'nomEngagement', 'autoriteRegulationEngagement'];

/** Reference fields, by the kind of element they name. Only string values (and strings in arrays) are references. */
const REFERENCES: Record<NonNullable<ArraySpec['referenced']>, readonly string[]> = {
    establishment: ['establishments', 'establishment', 'withdrawnEstablishments'],
    party: ['authorityId', 'tarificationAuthorities', 'payer', 'party', 'members'],
    fundingLine: ['fundingLine'],
    indicator: ['indicator', 'basedOn'],
};

/** Changes of wording: they do not change what the parties commit to (no avenant needed). */
const EDITORIAL = new Set([
    'contract.id', 'contract.title', 'contract.preambule',
    'contract.parties.gestionnaire.id', 'contract.parties.gestionnaire.denominationPm', 'contract.parties.gestionnaire.address',
    'contract.parties.authorities[].name', 'contract.parties.authorities[].region', 'contract.parties.authorities[].address',
    'contract.parties.authorities[].catalogue',
    'contract.parties.signatories[].role', 'contract.parties.signatories[].person',
    'contract.perimeter.establishments[].nomEgeLong', 'contract.perimeter.establishments[].address',
    'contract.perimeter.establishments[].catalogue',
    'contract.axes[].title',
    'contract.axes[].objectives[].title', 'contract.axes[].objectives[].description',
    'contract.axes[].objectives[].actions[].id', 'contract.axes[].objectives[].actions[].title',
    'contract.axes[].objectives[].actions[].lead',
    'contract.axes[].objectives[].indicators[].title', 'contract.axes[].objectives[].indicators[].source',
    'contract.funding.lines[].title', 'contract.funding.lines[].actualisation.formula',
    'contract.funding.cnr[].title',
    'contract.funding.modulations[].justification',
]);

/**
 * An identity (name, year, party…) as text. A broken version (`cpom diff` of a text with syntax errors) may lack
 * it: it then reads « [nom manquant] » in the path and the description, never "undefined".
 */
function named(value: Json | undefined): string {
    return value === undefined || value === null ? MISSING.name : String(value);
}

function isObject(value: Json | undefined): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Key order does not matter: the canonical text of a value. */
function canonical(value: Json | undefined): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (isObject(value)) {
        return `{${Object.keys(value).sort().filter(k => value[k] !== undefined).map(k => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}

/**
 * The pattern as in the contract: an avenant's signatories, authorities, added establishments and funding are
 * matched and worded as the contract's.
 */
export function canonicalPattern(pattern: string): string {
    const rewrites: Array<[string, string]> = [
        ['contract.avenants[].signatories', 'contract.parties.signatories'],
        ['contract.avenants[].authorities', 'contract.parties.authorities'],
        ['contract.avenants[].addedEstablishments', 'contract.perimeter.establishments'],
        ['contract.avenants[].funding', 'contract.funding'],
    ];
    for (const [from, to] of rewrites) {
        if (pattern === from || pattern.startsWith(`${from}.`) || pattern.startsWith(`${from}[]`)) return to + pattern.slice(from.length);
    }
    return pattern;
}

function areaOf(pattern: string): ChangeArea {
    if (pattern.startsWith('contract.avenants')) return 'avenants';
    if (pattern.startsWith('contract.engagement') || pattern.startsWith('contract.prorogation')) return 'duration';
    if (pattern.startsWith('contract.parties.signatories')) return 'signatories';
    if (pattern.startsWith('contract.parties')) return 'parties';
    if (pattern.startsWith('contract.perimeter') || pattern.startsWith('contract.departments')) return 'perimeter';
    if (pattern.startsWith('contract.diagnostic')) return 'diagnostic';
    if (pattern.includes('.targets') || pattern.includes('.baseline')) return 'targets';
    if (pattern.includes('.indicators')) return 'indicators';
    if (pattern.startsWith('contract.axes')) return 'objectives';
    if (pattern.startsWith('contract.funding')) return 'funding';
    if (pattern.startsWith('contract.followUp')) return 'follow-up';
    return 'identification';
}

function isSubstantive(kind: ChangeKind, canonicalAt: string, area: ChangeArea): boolean {
    if (area === 'avenants' || area === 'diagnostic') return false;
    // A rename keeps the element (same FINESS, same content): only its name in the contract changes.
    if (kind === 'rename') return false;
    return !EDITORIAL.has(canonicalAt);
}

function child(at: Location, key: string): Location {
    return { names: [...at.names, key], pattern: `${at.pattern}.${key}`, items: at.items };
}

function itemAt(at: Location, name: string, item?: JsonObject): Location {
    const pattern = `${at.pattern}[]`;
    const items = item ? new Map([...at.items, [canonicalPattern(pattern), item]]) : at.items;
    return { names: [...at.names, name], pattern, items };
}

function without(value: JsonObject, keys: readonly string[]): JsonObject {
    const copy = { ...value };
    for (const key of keys) delete copy[key];
    return copy;
}

function displayKey(value: Json): string {
    return typeof value === 'string' || typeof value === 'number' ? String(value) : canonical(value);
}

interface Matching {
    readonly pairs: Array<{ old: JsonObject; new: JsonObject; name: string }>;
    readonly added: Array<{ item: JsonObject; name: string }>;
    readonly removed: Array<{ item: JsonObject; name: string }>;
}

/**
 * Matches two arrays by key. Several items with the same key (two committees) are matched identical ones first,
 * then in order; their names get a rank ("comité (2)").
 */
function matchByKey(oldItems: JsonObject[], newItems: JsonObject[], key: (item: JsonObject) => string): Matching {
    const group = (items: JsonObject[]) => {
        const groups = new Map<string, JsonObject[]>();
        for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
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
function sameElement(a: JsonObject, b: JsonObject, labels: readonly string[]): boolean {
    if (typeof a.numFinessEge === 'string' && a.numFinessEge === b.numFinessEge) return true;
    if (typeof a.numFinessPm === 'string' && a.numFinessPm === b.numFinessPm) return true;
    const rest = without(a, labels);
    if (Object.keys(rest).length > 0 && canonical(rest) === canonical(without(b, labels))) return true;
    const differing = labels.filter(l => canonical(a[l]) !== canonical(b[l]));
    return labels.length > 1 && differing.length === 1 && labels.some(l => !differing.includes(l) && a[l] !== undefined);
}

/** Renames old name → new name, per kind of referenced element, found before the comparison. */
type Renames = Record<NonNullable<ArraySpec['referenced']>, Map<string, string>>;

/** Pairs the unmatched items of two keyed lists that are the same element under another name. */
function findRenames(oldItems: JsonObject[], newItems: JsonObject[], idOf: (item: JsonObject) => string, labels: readonly string[]): Map<string, string> {
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

/** Rewrites the references of an old document to renamed elements, so that they compare equal to the new ones. */
function rewriteReferences(value: Json, renames: Renames): Json {
    if (Array.isArray(value)) return value.map(v => rewriteReferences(v, renames));
    if (!isObject(value)) return value;
    const result: JsonObject = {};
    for (const [key, field] of Object.entries(value)) {
        const kind = (Object.keys(REFERENCES) as Array<keyof Renames>).find(k => REFERENCES[k].includes(key));
        const map = kind ? renames[kind] : undefined;
        if (map && typeof field === 'string') result[key] = map.get(field) ?? field;
        else if (map && Array.isArray(field) && field.every(f => typeof f === 'string')) result[key] = field.map(f => map.get(f as string) ?? f);
        else result[key] = rewriteReferences(field, renames);
    }
    return result;
}

function objectsAt(contract: JsonObject, ...paths: string[][]): JsonObject[] {
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

function computeRenames(oldContract: JsonObject, newContract: JsonObject): Renames {
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

class Differ {
    readonly changes: ChangeRecord[] = [];

    constructor(private readonly renames: Renames, private readonly names: ElementNames) {}

    record(kind: ChangeKind, at: Location, values: { old?: Json; new?: Json; from?: string; to?: string }): void {
        const pattern = canonicalPattern(at.pattern);
        const area = areaOf(at.pattern);
        const substantive = isSubstantive(kind, pattern, area);
        const partial = { kind, path: at.names, area, substantive, ...values } as ChangeRecord;
        this.changes.push({ ...partial, ...describeChange(partial, pattern, at.items, this.names) });
    }

    diff(oldValue: Json | undefined, newValue: Json | undefined, at: Location): void {
        if (oldValue === undefined && newValue === undefined) return;
        // A list or a part of the contract on one side only (a contract compared with an empty one): its items.
        if (oldValue === undefined && Array.isArray(newValue)) oldValue = [];
        if (newValue === undefined && Array.isArray(oldValue)) newValue = [];
        if (CONTAINERS.has(at.pattern)) {
            oldValue ??= {};
            newValue ??= {};
        }
        if (oldValue === undefined) return this.record('add', at, { new: newValue });
        if (newValue === undefined) return this.record('remove', at, { old: oldValue });
        if (Array.isArray(oldValue) && Array.isArray(newValue)) return this.diffArray(oldValue, newValue, at);
        if (isObject(oldValue) && isObject(newValue) && !ATOMIC_OBJECTS.has(canonicalPattern(at.pattern))) {
            return this.diffObject(oldValue, newValue, at);
        }
        if (canonical(oldValue) !== canonical(newValue)) this.record('change', at, { old: oldValue, new: newValue });
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
        for (const { old, new: item, name } of matching.pairs) this.diffItem(old, item, itemAt(at, name, item), spec);
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

/** Total in euros of the contract's yearly funding lines (tariff lines have no total; CNR aside). */
function fundingTotal(contract: JsonObject): number {
    const lines = objectsAt(contract, ['funding', 'lines']);
    return lines.map(l => lineTotal(jsonAmountFigures(l))).reduce((sum, t) => sum + (t.kind === 'yearly' ? t.cents : 0), 0) / 100;
}

/** The JSON of a contract without the parts the diff does not compare. */
function comparable(json: CpomJson): JsonObject {
    return JSON.parse(JSON.stringify(json.contract)) as JsonObject;
}

export interface DiffLabels {
    readonly oldLabel?: string;
    readonly newLabel?: string;
}

export function diffContracts(oldJson: CpomJson, newJson: CpomJson, labels: DiffLabels = {}): SemanticDiff {
    const before = comparable(oldJson);
    const after = comparable(newJson);
    const renames = computeRenames(before, after);
    const differ = new Differ(renames, new ElementNames(after, before));
    differ.diffObject(rewriteReferences(before, renames) as JsonObject, after, { names: [], pattern: 'contract', items: new Map() });
    const changes = differ.changes;
    const fundingOld = Math.round(fundingTotal(before) * 100) / 100;
    const fundingNew = Math.round(fundingTotal(after) * 100) / 100;
    const count = (predicate: (c: ChangeRecord) => boolean) => changes.filter(predicate).length;
    const at = (c: ChangeRecord, ...path: string[]) => c.path.length === path.length + 1 && path.every((p, i) => c.path[i] === p);
    const isTarget = (c: ChangeRecord) => c.path.length === 8 && c.path[0] === 'axes' && c.path[6] === 'targets';
    const fundingShown = fundingOld !== fundingNew
        ? count(c => c.substantive && (at(c, 'funding', 'lines') || (c.path.length === 5 && c.path[0] === 'funding' && c.path[3] === 'amounts')))
        : 0;
    const substantive = count(c => c.substantive);
    const avenantChanges = count(c => c.area === 'avenants');
    const summary: Omit<DiffSummary, 'headline'> = {
        changes: changes.length,
        substantive,
        editorial: changes.length - substantive - avenantChanges,
        avenantChanges,
        establishmentsAdded: count(c => c.kind === 'add' && at(c, 'perimeter', 'establishments')),
        establishmentsRemoved: count(c => c.kind === 'remove' && at(c, 'perimeter', 'establishments')),
        establishmentsRenamed: count(c => c.kind === 'rename' && at(c, 'perimeter', 'establishments')),
        targetsChanged: count(isTarget),
        avenantsAdded: count(c => c.kind === 'add' && at(c, 'avenants')),
        avenantsRemoved: count(c => c.kind === 'remove' && at(c, 'avenants')),
        fundingOld,
        fundingNew,
        needsAvenant: substantive > 0,
    };
    const id = (json: CpomJson) => ({ id: named(json.contract.id), title: json.contract.title ?? MISSING.title });
    return {
        formatVersion: 1,
        old: { ...id(oldJson), ...(labels.oldLabel ? { label: labels.oldLabel } : {}) },
        new: { ...id(newJson), ...(labels.newLabel ? { label: labels.newLabel } : {}) },
        summary: { ...summary, headline: headline(summary, fundingShown) },
        changes,
    };
}

export { formatEurosValue };
