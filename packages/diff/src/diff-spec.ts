/**
 * What the semantic diff compares and how (diff-contracts.ts): how the items of each array are matched between
 * versions, which objects are compared whole, which fields are derived or references, and which changes are
 * editorial; the area of a change and whether it is substantive.
 */
import { MISSING } from '@cpom/generator';
import type { ChangeArea, ChangeKind } from './change.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Location {
    /** Element path by names, for the change record. */
    readonly names: string[];
    /** JSON keys with `[]` for array items, as in the document (`contract.avenants[].funding.lines[]`). */
    readonly pattern: string;
    /** The matched items on the way down, by canonical pattern: the establishment, the indicator, the avenant… */
    readonly items: ReadonlyMap<string, JsonObject>;
}

export interface ArraySpec {
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
export const ARRAYS: Record<string, ArraySpec> = {
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
    // A visa is its kind and designation: a new date is a change of that visa.
    'contract.visas': { key: item => `${named(item.kind)} ${typeof item.text === 'string' ? item.text : ''}`.trim(), atomic: true },
    'contract.avenants': { key: item => named(item.number) },
    'contract.avenants[].modifications': { key: item => named(item.target), atomic: true },
    // A visa withdrawn is named as the avenant names it: its kind, and its text and date when given.
    'contract.avenants[].withdrawnVisas': { key: item => `${named(item.kind)} ${typeof item.text === 'string' ? item.text : ''} ${typeof item.date === 'string' ? item.date : ''}`.trim(), atomic: true },
};

/** Objects compared whole: a value with its year or unit reads as one value. */
export const ATOMIC_OBJECTS = new Set([
    'contract.avenants[].followUp',
    'contract.perimeter.establishments[].categorieEntiteGeographique',
    'contract.perimeter.establishments[].habilitationAideSociale',
    'contract.axes[].objectives[].indicators[].baseline',
    'contract.funding.modulations[].abattement',
    'contract.funding.headOfficeCosts[].rate',
    // Issue 12: the establishment as it is, the modulation as the contract writes it.
    'contract.perimeter.establishments[].activeFile',
    'contract.perimeter.establishments[].publics',
    'contract.perimeter.establishments[].activities',
    'contract.funding.modulations[].threshold',
    'contract.funding.modulations[].establishments',
    'contract.funding.modulations[].referenceMeasures',
]);

/** Parts of the contract compared part by part even when one side has none (a contract added or removed whole). */
export const CONTAINERS = new Set([
    'contract.engagement', 'contract.parties', 'contract.perimeter', 'contract.diagnostic', 'contract.funding', 'contract.followUp', 'contract.clauses',
    'contract.avenants[].clauses',
]);

/** Fields that only repeat others (FINESS+ engagement identifiers, the authorities among the signatories). */
export const DERIVED_ENGAGEMENT_FIELDS = ['typeEngagement', 'sousTypeEngagement', 'identifiantEngagement', 'nomEngagement', 'autoriteRegulationEngagement'];

/** Reference fields, by the kind of element they name. Only string values (and strings in arrays) are references. */
export const REFERENCES: Record<NonNullable<ArraySpec['referenced']>, readonly string[]> = {
    establishment: ['establishments', 'establishment', 'withdrawnEstablishments'],
    party: ['authorityId', 'tarificationAuthorities', 'payer', 'party', 'members'],
    fundingLine: ['fundingLine'],
    indicator: ['indicator', 'basedOn'],
};

/** Changes of wording: they do not change what the parties commit to (no avenant needed). */
export const EDITORIAL = new Set([
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
export function named(value: Json | undefined): string {
    return value === undefined || value === null ? MISSING.name : String(value);
}

export function isObject(value: Json | undefined): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Key order does not matter: the canonical text of a value. */
export function canonical(value: Json | undefined): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (isObject(value)) {
        return `{${Object.keys(value).sort().filter(k => value[k] !== undefined).map(k => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}

/**
 * Whether two values are the same JSON, key order included: then no comparison below them can find a change (the
 * canonical texts are equal too). Cheaper than comparing canonical texts, and nothing is allocated.
 */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
        return true;
    }
    if (Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.hasOwn(b, key) || !sameJson(a[key], b[key])) return false;
    return true;
}

const canonicalPatterns = new Map<string, string>();

/**
 * The pattern as in the contract: an avenant's signatories, authorities, added establishments and funding are
 * matched and worded as the contract's. Patterns are few (one per place in the document): each is rewritten once.
 */
export function canonicalPattern(pattern: string): string {
    let canonicalForm = canonicalPatterns.get(pattern);
    if (canonicalForm === undefined) {
        canonicalForm = rewrittenPattern(pattern);
        canonicalPatterns.set(pattern, canonicalForm);
    }
    return canonicalForm;
}

function rewrittenPattern(pattern: string): string {
    const rewrites: Array<[string, string]> = [
        ['contract.avenants[].signatories', 'contract.parties.signatories'],
        ['contract.avenants[].authorities', 'contract.parties.authorities'],
        ['contract.avenants[].addedEstablishments', 'contract.perimeter.establishments'],
        ['contract.avenants[].funding', 'contract.funding'],
        ['contract.avenants[].visas', 'contract.visas'],
        ['contract.avenants[].clauses', 'contract.clauses'],
    ];
    for (const [from, to] of rewrites) {
        if (pattern === from || pattern.startsWith(`${from}.`) || pattern.startsWith(`${from}[]`)) return to + pattern.slice(from.length);
    }
    return pattern;
}

export function areaOf(pattern: string): ChangeArea {
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

export function isSubstantive(kind: ChangeKind, canonicalAt: string, area: ChangeArea): boolean {
    if (area === 'avenants' || area === 'diagnostic') return false;
    // A rename keeps the element (same FINESS, same content): only its name in the contract changes.
    if (kind === 'rename') return false;
    return !EDITORIAL.has(canonicalAt);
}
