/**
 * What each change means, in French and in the contract's units: "cible 2017 de « Taux d'occupation » : 97 % → 98 %",
 * "dotation « Dotation globalisée commune » 2015 : +41 915 € (4 233 415 € → 4 275 330 €)". Elements are named by their
 * names and titles in the contract, never by the identifiers of the source (`describe/names.ts`); free text is quoted
 * « … »; long texts (préambule, diagnostic, descriptions) are said to be changed, and the formats show their words
 * changed. Besides the sentence, a record gets what changed (`subject`) and its values before and after, for tables.
 */
import type { ChangeRecord } from './change.js';
import { type ChangePath, parseChangePath } from './change-path.js';
import { amountDelta } from './describe/amount-change.js';
import { done, type Field, fieldOf } from './describe/fields.js';
import { describeItem } from './describe/items.js';
import { type ElementNames, NO_NAMES } from './describe/names.js';
import { amount, capacitiesText, formatValue, NBSP, quantity, shown, type JsonObject } from './describe/values.js';

export { ElementNames } from './describe/names.js';
export { formatEurosDelta, formatEurosValue, formatValue } from './describe/values.js';
export { headline } from './describe/headline.js';

/** The words of a change record: its sentence, and for a table what changed with its values before and after. */
export interface ChangeWords {
    readonly description: string;
    readonly subject?: string;
    readonly before?: string;
    readonly after?: string;
}

/** "X : a → b", "X ajouté : b", "X retiré (a)"; for long texts, "X modifié". */
function describeField(record: ChangeRecord, field: Field): ChangeWords {
    const format = field.format;
    const kind = record.kind === 'rename' || record.kind === 'move' ? 'change' : record.kind;
    if (!format) return { description: `${field.name} ${done(kind, field.feminine)}` };
    switch (kind) {
        case 'add': {
            const after = format(record.new);
            return { description: `${field.name} ${done('add', field.feminine)} : ${after}`, subject: `${field.name} ${done('add', field.feminine)}`, after };
        }
        case 'remove': {
            const before = format(record.old);
            return { description: `${field.name} ${done('remove', field.feminine)} (${before})`, subject: `${field.name} ${done('remove', field.feminine)}`, before };
        }
        default: {
            const before = format(record.old);
            const after = format(record.new);
            return { description: `${field.name} : ${before} → ${after}`, subject: field.name, before, after };
        }
    }
}

/** Values for a table of the records whose sentence holds them: targets and amounts. */
function tableValues(record: ChangeRecord, place: ChangePath, description: string): Omit<ChangeWords, 'description'> {
    if (record.kind !== 'change') return {};
    const [subject] = description.split(' : ');
    const old = record.old as JsonObject;
    const now = record.new as JsonObject;
    switch (place.kind) {
        case 'indicator-target':
            return { subject, before: quantity(old), after: quantity(now) };
        case 'funding-amount':
        case 'funding-share':
            return { subject, before: amount(old), after: `${amount(now)} (${amountDelta(old, now)})` };
        case 'cnr':
            if (place.field !== 'amount') return {};
            return { subject, before: amount({ amount: record.old }), after: `${amount({ amount: record.new })} (${amountDelta({ amount: record.old }, { amount: record.new })})` };
    }
    return {};
}

/**
 * The description of a change, by the typed place of its path (an avenant's funding, signatories, authorities and
 * added establishments are the contract's places with `avenant` set); `items` are the elements around it by
 * canonical pattern (the establishment, the indicator, the funding line, the avenant…), `names` the names of both
 * versions' elements by identifier.
 */
export function describeChange(record: ChangeRecord, items: ReadonlyMap<string, JsonObject>, names: ElementNames = NO_NAMES): ChangeWords {
    const place = parseChangePath(record.path);
    const avenant = items.get('contract.avenants[]');
    const wholeAvenant = place.kind === 'avenant' && place.field === undefined;
    let words: ChangeWords | undefined;
    if (place.avenant !== undefined && place.kind === 'establishment' && place.field === undefined && (record.kind === 'add' || record.kind === 'remove')) {
        const value = (record.kind === 'add' ? record.new : record.old) as JsonObject;
        words = { description: `${record.kind === 'add' ? 'ajoute aussi' : 'n\'ajoute plus'} l'établissement ${names.quotedElement(value)} (${capacitiesText(value)})` };
    } else {
        const description = describeItem(record, place, items, names);
        if (description !== undefined) {
            words = { description, ...tableValues(record, place, description) };
        } else {
            const field = fieldOf(place, items, names);
            if (field) words = describeField(record, field);
        }
    }
    words ??= { description: generic(record, names) };
    if (avenant !== undefined && !wholeAvenant && !/de l'avenant n°/.test(words.description)) {
        const prefix = `avenant n°${NBSP}${shown(avenant.number)} : `;
        return { ...words, description: prefix + words.description, ...(words.subject ? { subject: prefix + words.subject } : {}) };
    }
    return words;
}

function generic(record: ChangeRecord, names: ElementNames): string {
    const where = record.path.join(' › ');
    switch (record.kind) {
        case 'add': return `${where} : ${formatValue(record.new, undefined, names)} ajouté`;
        case 'remove': return `${where} : ${formatValue(record.old, undefined, names)} retiré`;
        case 'rename': return `${where} : renommé de ${names.quoted(record.from)} en ${names.quoted(record.to)}`;
        case 'move': return `${where} : déplacé de ${names.quoted(record.from)} vers ${names.quoted(record.to)}`;
        default: return `${where} : ${formatValue(record.old, undefined, names)} → ${formatValue(record.new, undefined, names)}`;
    }
}
