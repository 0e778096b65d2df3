/**
 * A contract as one fact per line, for line-oriented tools (`cpom textconv`, hence `git diff --no-ext-diff`,
 * `git log -p`): every value of the JSON export on its own line, named by its path of names —
 *
 *     CPOM_MESSIDOR_2013.perimeter.establishments[ESAT_LYON].capacities[places].authorised = 120
 *
 * Items of lists are named by their identity (name, year, number, party…) and sorted by it, lists of values are
 * sorted: the order of clauses, the layout and the comments of the source do not change the listing, and a changed
 * value changes exactly one line.
 */
import type { CpomJson } from '@cpom/generator';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The identity of an item of a list, as the contract names it. */
function identity(item: JsonObject): string | undefined {
    const text = (value: Json | undefined) => (value === undefined || value === null ? undefined : String(value));
    if (item.kind !== undefined && item.year !== undefined && item.id === undefined) return `${String(item.kind)} ${String(item.year)}`;
    if (item.title !== undefined && item.year !== undefined && item.id === undefined) return `${String(item.title)} ${String(item.year)}`;
    return text(item.id) ?? text(item.number) ?? text(item.party) ?? text(item.authorityId) ?? text(item.establishment)
        ?? text(item.fundingLine) ?? text(item.document) ?? text(item.year) ?? text(item.frequency)
        ?? (item.authorised !== undefined ? text(item.modality) ?? 'places' : undefined) ?? text(item.title);
}

function compareKeys(a: string, b: string): number {
    const na = Number(a);
    const nb = Number(b);
    if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return a < b ? -1 : a > b ? 1 : 0;
}

function bracket(key: string): string {
    return /^[\p{L}\p{N}_. -]+$/u.test(key) && key.trim() === key ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function walk(value: Json | undefined, prefix: string, out: string[]): void {
    if (value === undefined) return;
    if (Array.isArray(value)) {
        if (value.length > 0 && value.every(isObject)) {
            const keyed = value.map((item, i) => ({ key: identity(item) ?? String(i + 1), item }));
            keyed.sort((a, b) => compareKeys(a.key, b.key));
            const seen = new Map<string, number>();
            for (const { key, item } of keyed) {
                const n = (seen.get(key) ?? 0) + 1;
                seen.set(key, n);
                walk(item, `${prefix}${bracket(n > 1 ? `${key} #${n}` : key)}`, out);
            }
            return;
        }
        for (const item of [...new Set(value.map(v => JSON.stringify(v)))].sort()) out.push(`${prefix}[] = ${item}`);
        return;
    }
    if (isObject(value)) {
        for (const [key, child] of Object.entries(value)) walk(child, `${prefix}.${key}`, out);
        return;
    }
    out.push(`${prefix} = ${JSON.stringify(value)}`);
}

/** One fact per line; the contracts (sorted by name) separated by a blank line. */
export function listContracts(exports: readonly CpomJson[]): string {
    const sorted = [...exports].sort((a, b) => compareKeys(a.contract.id, b.contract.id));
    return sorted.map(json => {
        const out: string[] = [];
        walk(json.contract as unknown as Json, json.contract.id, out);
        return out.join('\n') + '\n';
    }).join('\n');
}
