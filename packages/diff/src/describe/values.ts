/**
 * Values of the change records as the contract writes them, through the language's wording layer: amounts, dates,
 * quantities with their units, capacities, keyword labels, and references by the name of what they name.
 */
import { MISSING } from '@cpom/generator';
import { formatEuros, formatNumber, frenchDateOf, keywordLabel, lineTotal, monthName, quote as frenchQuote, signedEuros } from '@cpom/language';
import { jsonAmountFigures } from '../funding-totals.js';
import { type ElementNames, NO_NAMES } from './names.js';

export type JsonObject = Record<string, unknown>;

export const NNBSP = '\u202F';
export const NBSP = '\u00A0';

/** A value of a version as text; a broken version may lack it: « [nom manquant] », never "undefined". */
export function shown(value: unknown, missing: string = MISSING.name): string {
    return value === undefined || value === null ? missing : String(value);
}

/** A number of a version in French; a missing one (the export of a broken text leaves it out) as a placeholder. */
export function numberText(value: unknown, missing: string = MISSING.number): string {
    return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value) : missing;
}

export function formatEurosValue(euros: number): string {
    return Number.isFinite(euros) ? formatEuros(Math.round(euros * 100)) : MISSING.amount;
}

/** A signed amount: "+41 915 €", "−1 200,50 €". */
export function formatEurosDelta(euros: number): string {
    if (!Number.isFinite(euros)) return MISSING.amount;
    return signedEuros(Math.round(euros * 100));
}

export function quote(text: unknown): string {
    return frenchQuote(shown(text, MISSING.title));
}

export function date(value: unknown): string {
    return (typeof value === 'string' ? frenchDateOf(value) : undefined) ?? shown(value, MISSING.date);
}

// ---------------------------------------------------------------------------------------------
// Labels of the contract's keywords: the language's wording layer, as the contract document words them

/** The grammar's value rule of each kind of keyword the records hold. */
const RULES = {
    modality: 'Modality', nature: 'FundingNature', source: 'FundingSource', indexation: 'IndexationMethod', status: 'LegalStatus',
    authority: 'AuthorityKind', direction: 'Direction', criterion: 'ModulationCriterion', document: 'BudgetDocument', diagnostic: 'DiagnosticAxis',
    frequency: 'Frequency', frame: 'LegalFrame', formula: 'ModulationFormula',
} as const;

export function label(table: keyof typeof RULES, value: unknown): string {
    return keywordLabel(RULES[table], typeof value === 'string' ? value : undefined) ?? shown(value, MISSING.kind).replace(/_/g, ' ');
}

export const REVIEWS: Record<string, { name: string; feminine: boolean }> = {
    annuelle: { name: 'revue annuelle', feminine: true },
    mi_parcours: { name: 'revue à mi-parcours', feminine: true },
    finale: { name: 'bilan final', feminine: false },
};


// ---------------------------------------------------------------------------------------------
// Values

/** `{ value, unit }`: "97 %", "12", "1 200 €". */
export function quantity(v: JsonObject): string {
    const unit = v.unit === 'percent' ? '%' : v.unit === 'EUR' ? '€' : undefined;
    return `${numberText(v.value, MISSING.value)}${unit ? `${NNBSP}${unit}` : ''}`;
}

/** `{ amount, perDay }`: "4 150 000 €", "58,40 € par jour". */
export function amount(v: JsonObject): string {
    return `${formatEurosValue(Number(v.amount))}${v.perDay ? ' par jour' : ''}`;
}

export function capacityText(c: JsonObject): string {
    const unit = shown(c.unit ?? 'places');
    const funded = c.funded !== undefined && c.funded !== c.authorised ? ` dont ${numberText(c.funded)} financé${unit === 'lits' ? 's' : 'es'}` : '';
    return `${numberText(c.authorised)} ${unit}${funded}`;
}

/** "120 places", "80 lits, 12 places". */
export function capacitiesText(establishment: JsonObject): string {
    const totals = new Map<string, number>();
    for (const c of (establishment.capacities ?? []) as JsonObject[]) {
        const unit = shown(c.unit ?? 'places');
        totals.set(unit, (totals.get(unit) ?? 0) + (Number(c.authorised) || 0));
    }
    return [...totals].map(([unit, n]) => `${formatNumber(n)} ${unit}`).join(', ');
}

/** The line's total over the period as the language model defines it (`lineTotal`: a tariff line has none). */
export function lineTotalText(line: JsonObject): string {
    const total = lineTotal(jsonAmountFigures(line));
    if (total.kind === 'daily') return 'tarif journalier';
    return total.kind === 'yearly' ? `${formatEuros(total.cents)} sur la durée` : 'aucun montant';
}

/** Fields whose values are keywords of the contract, and the labels that word them. */
const KEYWORD_FIELDS: Record<string, keyof typeof RULES> = {
    modality: 'modality', nature: 'nature', fundingSource: 'source', method: 'indexation', legalStatus: 'status',
    direction: 'direction', criterion: 'criterion',
};

/** Fields whose values are identifiers of other elements: shown by the name of what they name. */
const REFERENCE_FIELDS = new Set([
    'establishment', 'establishments', 'payer', 'fundingLine', 'indicator', 'basedOn', 'party', 'members', 'tarificationAuthorities', 'catalogue',
    'withdrawnEstablishments',
]);

/** Fields whose numbers are years or codes, written without thousands separators. */
const PLAIN_NUMBERS = new Set(['year', 'code', 'day', 'month', 'number', 'department']);

/**
 * A JSON value as the contract would write it: "4 150 000 €", "97 %", "1er janvier 2013", "ESAT (246)",
 * "dotation globalisée commune". `field` is the JSON key the value is at (the last key of the record's path that
 * is not an identity), to word keywords and leave years alone.
 */
export function formatValue(value: unknown, field?: string, names: ElementNames = NO_NAMES): string {
    if (value === undefined || value === null) return '—';
    if (typeof value === 'number') {
        if (field === 'amount') return formatEurosValue(value);
        return field !== undefined && PLAIN_NUMBERS.has(field) ? shown(value) : formatNumber(value);
    }
    if (typeof value === 'string') {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
        if (field !== undefined && KEYWORD_FIELDS[field]) return label(KEYWORD_FIELDS[field], value);
        return field !== undefined && REFERENCE_FIELDS.has(field) ? names.quoted(value) : value;
    }
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (Array.isArray(value)) return value.map(v => formatValue(v, field, names)).join(', ');
    const object = value as JsonObject;
    if ('value' in object) return quantity(object);
    if ('amount' in object && typeof object.amount === 'number') return amount(object);
    if ('authorised' in object) return capacityText(object);
    if ('code' in object) return object.key ? `${shown(object.key)} (${shown(object.code)})` : shown(object.code);
    if ('scope' in object) return shown(object.scope);
    if ('places' in object) return `${numberText(object.places)} places`;
    if ('document' in object && 'day' in object) return `le ${shown(object.day, MISSING.number)} ${monthName(Number(object.month)) ?? MISSING.month}`;
    if ('kind' in object && 'year' in object && !('id' in object)) return `${REVIEWS[shown(object.kind)]?.name ?? shown(object.kind)} ${shown(object.year)}`;
    if ('frequency' in object) return label('frequency', object.frequency);
    if ('method' in object) return label('indexation', object.method);
    if ('members' in object) return ((object.members ?? []) as unknown[]).map(m => names.quoted(m)).join(', ');
    if ('number' in object) return `avenant n°${NBSP}${shown(object.number)}`;
    if ('id' in object) return names.quotedElement(object);
    if ('party' in object) return names.quoted(object.party);
    if ('year' in object) return shown(object.year);
    return JSON.stringify(value);
}
