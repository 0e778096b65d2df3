/**
 * The semantic diff of two versions of a contract. Both are first exported to the JSON for authority
 * systems (normalised: order of clauses, layout and comments are gone), then compared element by element,
 * matched by identity: names, years, FINESS numbers. A removed and an added establishment with the same
 * FINESS number are a rename; an objective that changes axis is a move.
 */
import type { CpomJson } from '@cpom/generator';
import type { ChangeArea, ChangeKind, ChangeRecord, SemanticDiff } from './change.js';
import { describeChange, formatEurosValue, headline } from './describe.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Location {
    /** Element path by names, for the change record. */
    readonly names: string[];
    /** JSON keys with `[]` for array items, to recognise what the element is. */
    readonly pattern: string;
    /** The matched items on the way down, by pattern: the establishment, the indicator… */
    readonly items: ReadonlyMap<string, JsonObject>;
}

/** How the items of an array are matched between versions: by the key this returns. Arrays not listed are sets. */
const ARRAY_KEYS: Record<string, (item: JsonObject) => string> = {
    'contract.parties.authorities': item => String(item.id),
    'contract.parties.signatories': item => String(item.party),
    'contract.perimeter.establishments': item => String(item.id),
    'contract.perimeter.establishments[].capacities': item => String(item.modality ?? 'places'),
    'contract.axes': item => String(item.id),
    'contract.axes[].objectives[].actions': item => String(item.title),
    'contract.axes[].objectives[].indicators': item => String(item.id),
    'contract.axes[].objectives[].indicators[].targets': item => String(item.year),
    'contract.funding.lines': item => String(item.id),
    'contract.funding.lines[].amounts': item => String(item.year),
    'contract.funding.lines[].distributions': item => String(item.year),
    'contract.funding.lines[].distributions[].shares': item => String(item.establishment),
    'contract.funding.cnr': item => `${String(item.title)} ${String(item.year)}`,
    'contract.followUp.reviews': item => `${String(item.kind)} ${String(item.year)}`,
    'contract.followUp.transmissions': item => String(item.document),
    'contract.avenants': item => String(item.number),
};

/** Fields whose change is editorial: wording, not commitments. */
const EDITORIAL_FIELDS = new Set([
    'title', 'nomEgeLong', 'name', 'denominationPm', 'label', 'description', 'address', 'role', 'person', 'lead', 'source',
    'formula', 'preambule', 'nomEngagement', 'object', 'region', 'justification',
]);

function isObject(value: Json | undefined): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function areaOf(pattern: string): ChangeArea {
    if (pattern.startsWith('contract.engagement.date') || pattern.startsWith('contract.prorogation')) return 'duration';
    if (pattern.startsWith('contract.parties.signatories') || pattern.startsWith('contract.engagement.autoriteRegulation')) return 'signatories';
    if (pattern.startsWith('contract.parties')) return 'parties';
    if (pattern.startsWith('contract.perimeter') || pattern.startsWith('contract.departments')) return 'perimeter';
    if (pattern.startsWith('contract.diagnostic')) return 'diagnostic';
    if (pattern.includes('.targets') || pattern.includes('.baseline')) return 'targets';
    if (pattern.includes('.indicators')) return 'indicators';
    if (pattern.startsWith('contract.axes')) return 'objectives';
    if (pattern.startsWith('contract.funding')) return 'funding';
    if (pattern.startsWith('contract.followUp')) return 'follow-up';
    if (pattern.startsWith('contract.avenants')) return 'avenants';
    return 'identification';
}

function isSubstantive(pattern: string, area: ChangeArea): boolean {
    const field = pattern.split('.').pop()!.replace('[]', '');
    if (EDITORIAL_FIELDS.has(field) || area === 'diagnostic' || area === 'avenants') return false;
    if (pattern === 'contract.id' || pattern === 'contract.engagement.identifiantEngagement') return false;
    return true;
}

class Differ {
    readonly changes: ChangeRecord[] = [];

    record(kind: ChangeKind, at: Location, values: { old?: Json; new?: Json; from?: string; to?: string }): void {
        const area = areaOf(at.pattern);
        const substantive = isSubstantive(at.pattern, area);
        const partial = { kind, path: at.names, area, substantive, ...values } as ChangeRecord;
        this.changes.push({ ...partial, description: describeChange(partial, at.pattern, at.items) });
    }

    diff(oldValue: Json | undefined, newValue: Json | undefined, at: Location): void {
        if (oldValue === undefined && newValue === undefined) return;
        if (oldValue === undefined) return this.record('add', at, { new: newValue });
        if (newValue === undefined) return this.record('remove', at, { old: oldValue });
        if (Array.isArray(oldValue) && Array.isArray(newValue)) return this.diffArray(oldValue, newValue, at);
        if (isObject(oldValue) && isObject(newValue)) {
            if (at.pattern === 'contract.axes[]') return this.diffObject(withoutKey(oldValue, 'objectives'), withoutKey(newValue, 'objectives'), at);
            return this.diffObject(oldValue, newValue, at);
        }
        if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) this.record('change', at, { old: oldValue, new: newValue });
    }

    private diffObject(oldValue: JsonObject, newValue: JsonObject, at: Location): void {
        const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])];
        for (const key of keys) {
            // Values with a unit ({ value, unit }) are compared whole.
            if (key === '$schema' || key === 'generator') continue;
            this.diff(oldValue[key], newValue[key], child(at, key, key));
        }
    }

    private diffArray(oldItems: Json[], newItems: Json[], at: Location): void {
        const keyOf = ARRAY_KEYS[at.pattern];
        if (at.pattern === 'contract.axes') {
            this.diffKeyed(oldItems as JsonObject[], newItems as JsonObject[], keyOf, at);
            this.diffObjectives(oldItems as JsonObject[], newItems as JsonObject[], at);
            return;
        }
        if (keyOf && oldItems.every(isObject) && newItems.every(isObject)) {
            return this.diffKeyed(oldItems as JsonObject[], newItems as JsonObject[], keyOf, at);
        }
        // Sets of values: départements, frames, establishments concerned…
        const oldSet = new Map(oldItems.map(v => [JSON.stringify(v), v]));
        const newSet = new Map(newItems.map(v => [JSON.stringify(v), v]));
        for (const [key, value] of newSet) {
            if (!oldSet.has(key)) this.record('add', itemAt(at, displayKey(value)), { new: value });
        }
        for (const [key, value] of oldSet) {
            if (!newSet.has(key)) this.record('remove', itemAt(at, displayKey(value)), { old: value });
        }
    }

    private diffKeyed(oldItems: JsonObject[], newItems: JsonObject[], keyOf: (item: JsonObject) => string, at: Location): void {
        const oldByKey = new Map(oldItems.map(i => [keyOf(i), i]));
        const newByKey = new Map(newItems.map(i => [keyOf(i), i]));
        const added = newItems.filter(i => !oldByKey.has(keyOf(i)));
        const removed = oldItems.filter(i => !newByKey.has(keyOf(i)));
        // A rename: same FINESS number, or the same content under another name.
        for (const item of [...added]) {
            const previous = removed.find(r => sameIdentity(r, item));
            if (previous) {
                added.splice(added.indexOf(item), 1);
                removed.splice(removed.indexOf(previous), 1);
                const location = itemAt(at, keyOf(item), item);
                this.record('rename', location, { from: keyOf(previous), to: keyOf(item) });
                this.diff(withoutKey(previous, 'id'), withoutKey(item, 'id'), location);
            }
        }
        for (const item of newItems) {
            const key = keyOf(item);
            if (added.includes(item)) this.record('add', itemAt(at, key, item), { new: item });
            else if (oldByKey.has(key)) this.diff(oldByKey.get(key), item, itemAt(at, key, item));
        }
        for (const item of removed) this.record('remove', itemAt(at, keyOf(item), item), { old: item });
    }

    /** Objectives are matched across axes: one that changes axis is moved, not removed and added. */
    private diffObjectives(oldAxes: JsonObject[], newAxes: JsonObject[], at: Location): void {
        const flatten = (axes: JsonObject[]) => new Map(axes.flatMap(a => ((a.objectives ?? []) as JsonObject[]).map(o => [String(o.id), { axis: String(a.id), objective: o }] as const)));
        const before = flatten(oldAxes);
        const after = flatten(newAxes);
        for (const [id, { axis, objective }] of after) {
            const location = itemAt(child(itemAt(at, axis), 'objectives', 'objectives'), id, objective);
            const previous = before.get(id);
            if (!previous) {
                this.record('add', location, { new: objective });
                continue;
            }
            if (previous.axis !== axis) this.record('move', location, { from: previous.axis, to: axis });
            this.diff(previous.objective, objective, location);
        }
        for (const [id, { axis, objective }] of before) {
            if (!after.has(id)) this.record('remove', itemAt(child(itemAt(at, axis), 'objectives', 'objectives'), id, objective), { old: objective });
        }
    }
}

function withoutKey(value: JsonObject, key: string): JsonObject {
    const copy = { ...value };
    delete copy[key];
    return copy;
}

function sameIdentity(a: JsonObject, b: JsonObject): boolean {
    if (typeof a.numFinessEge === 'string' && a.numFinessEge === b.numFinessEge) return true;
    return JSON.stringify(withoutKey(a, 'id')) === JSON.stringify(withoutKey(b, 'id'));
}

function displayKey(value: Json): string {
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function child(at: Location, key: string, name: string): Location {
    return { names: [...at.names, name], pattern: `${at.pattern}.${key}`, items: at.items };
}

function itemAt(at: Location, name: string, item?: JsonObject): Location {
    const pattern = `${at.pattern}[]`;
    const items = item ? new Map([...at.items, [pattern, item]]) : at.items;
    return { names: [...at.names, name], pattern, items };
}

function fundingTotal(json: CpomJson): number {
    const lines = (json.contract as unknown as { funding?: { lines?: Array<{ amounts?: Array<{ amount?: number; perDay?: boolean }> }> } }).funding?.lines ?? [];
    return lines.flatMap(l => l.amounts ?? []).filter(a => !a.perDay).reduce((sum, a) => sum + (a.amount ?? 0), 0);
}

export interface DiffLabels {
    readonly oldLabel?: string;
    readonly newLabel?: string;
}

export function diffContracts(oldJson: CpomJson, newJson: CpomJson, labels: DiffLabels = {}): SemanticDiff {
    const differ = new Differ();
    differ.diff(oldJson.contract as unknown as Json, newJson.contract as unknown as Json, { names: [], pattern: 'contract', items: new Map() });
    const changes = differ.changes;
    const fundingOld = fundingTotal(oldJson);
    const fundingNew = fundingTotal(newJson);
    const count = (predicate: (c: ChangeRecord) => boolean) => changes.filter(predicate).length;
    const establishmentsAdded = count(c => c.kind === 'add' && c.path.length === 3 && c.path[0] === 'perimeter');
    const establishmentsRemoved = count(c => c.kind === 'remove' && c.path.length === 3 && c.path[0] === 'perimeter');
    const targetsChanged = count(c => c.area === 'targets');
    const fundingChanges = count(c => c.area === 'funding' && c.substantive);
    const substantive = count(c => c.substantive);
    const summary = {
        changes: changes.length, substantive, editorial: changes.length - substantive,
        establishmentsAdded, establishmentsRemoved, targetsChanged, fundingOld, fundingNew,
        needsAvenant: substantive > 0,
        headline: '',
    };
    summary.headline = headline(summary, fundingOld !== fundingNew ? fundingChanges : 0);
    const id = (json: CpomJson) => ({ id: json.contract.id, title: json.contract.title });
    return {
        formatVersion: 1,
        old: { ...id(oldJson), ...(labels.oldLabel ? { label: labels.oldLabel } : {}) },
        new: { ...id(newJson), ...(labels.newLabel ? { label: labels.newLabel } : {}) },
        summary,
        changes,
    };
}

export { formatEurosValue };
