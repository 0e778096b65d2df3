/**
 * Helpers the JSON export needs beside the language's model (contract-model.ts): identifiers of catalogue entries,
 * numbers and amounts in euros as JSON numbers.
 */
import type { AstNode, Reference } from 'langium';
import { catalogueOf, parseCents, parseNumber } from '@cpom/language';

type Named = AstNode & { name: string };

/**
 * The identifier of a declaration in the JSON document: its name, or `CATALOGUE.NAME` for a catalogue entry —
 * what a contract writes to refer to it. Names have no dot, so the two never collide.
 */
export function idOf(node: Named): string {
    const catalogue = catalogueOf(node);
    return catalogue ? `${catalogue.name}.${node.name}` : node.name;
}

/** The identifier a reference points to; the text as written when it does not resolve (a contract with errors). */
export function refId(reference: Reference<Named> | undefined): string | undefined {
    if (!reference) return undefined;
    const target = reference.ref;
    return target ? idOf(target) : reference.$refText;
}

export function refIds(references: ReadonlyArray<Reference<Named>>): string[] {
    return references.map(r => refId(r)).filter((id): id is string => id !== undefined && id !== '');
}

/** A number as typed (`2013`, `1 200`, `97,5`); undefined when it is not a number. */
export function readNumber(typed: string | undefined): number | undefined {
    const value = parseNumber(typed);
    return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/**
 * An amount in euros as a decimal number: `4 150 000` → 4150000, `68,50` → 68.5. Read through exact cents, so
 * that `478 512,40` gives the double closest to 478512.4; an amount with more than two decimals (CPOM009) is read
 * as it is written.
 */
export function euros(typed: string | undefined): number | undefined {
    const cents = parseCents(typed);
    return cents !== undefined ? cents / 100 : parseNumber(typed);
}

/** The unit typed after a value: `%` → `percent`, `€` → `EUR`. */
export function valueUnit(unit: string | undefined): 'percent' | 'EUR' | undefined {
    return unit === '%' ? 'percent' : unit === '€' ? 'EUR' : undefined;
}

/**
 * A copy of an object without its undefined properties, keys in the same order: the export returns plain objects
 * equal to what JSON.parse gives back.
 */
export function defined<T extends object>(value: T): T {
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    // Keys rather than entries: no pair allocated per member (an export makes this call for every element).
    for (const key of Object.keys(source)) {
        if (source[key] !== undefined) result[key] = source[key];
    }
    return result as T;
}

/** Sorted by year; stable, so a repeated year keeps the order of the source. */
export function byYear<T extends { year: number }>(items: T[]): T[] {
    return items.map((item, index) => ({ item, index }))
        .sort((a, b) => a.item.year - b.item.year || a.index - b.index)
        .map(x => x.item);
}
