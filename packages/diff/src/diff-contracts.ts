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
import type { ChangeRecord, DiffSummary, SemanticDiff } from './change.js';
import { ElementNames, formatEurosValue, headline } from './describe.js';
import { type JsonObject, named } from './diff-spec.js';
import { computeRenames, objectsAt, rewriteReferences } from './matching.js';
import { Differ } from './differ.js';

/** Total in euros of the contract's yearly funding lines (tariff lines have no total; CNR aside). */
function fundingTotal(contract: JsonObject): number {
    const lines = objectsAt(contract, ['funding', 'lines']);
    return lines.map(l => lineTotal(jsonAmountFigures(l))).reduce((sum, t) => sum + (t.kind === 'yearly' ? t.cents : 0), 0) / 100;
}

/** The JSON of a contract without the parts the diff does not compare. */
function comparable(json: CpomJson): JsonObject {
    return jsonCopy(json.contract) as JsonObject;
}

/**
 * A deep copy with the values JSON keeps, as `JSON.parse(JSON.stringify(value))` makes it (undefined members gone,
 * undefined or non-finite numbers in arrays null) but sharing the strings: that round trip escaped and read back
 * each lone surrogate of a text (1.5 million of them in a title: over a second, twice per diff).
 */
function jsonCopy(value: unknown): unknown {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map(item => (item === undefined || typeof item === 'function' ? null : jsonCopy(item)));
    const source = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
        const member = source[key];
        if (member !== undefined && typeof member !== 'function') copy[key] = jsonCopy(member);
    }
    return copy;
}

export interface DiffLabels {
    readonly oldLabel?: string;
    readonly newLabel?: string;
}

/**
 * Changes inside an avenant that the old version shows signed (a signature date) are edits of a signed text: each
 * record names that avenant. Adding the signature date of an unsigned avenant is not one.
 */
function markSignedAvenantEdits(changes: ChangeRecord[], oldJson: CpomJson): ChangeRecord[] {
    const signed = new Set((oldJson.contract.avenants ?? []).filter(a => a.signatureDate !== undefined).map(a => String(a.number)));
    if (signed.size === 0) return changes;
    return changes.map(c => (c.path[0] === 'avenants' && c.path[1] !== undefined && signed.has(c.path[1])
        ? { ...c, signedAvenant: c.path[1], description: `${c.description} (avenant déjà signé)` }
        : c));
}

export function diffContracts(oldJson: CpomJson, newJson: CpomJson, labels: DiffLabels = {}): SemanticDiff {
    const before = comparable(oldJson);
    const after = comparable(newJson);
    const renames = computeRenames(before, after);
    const differ = new Differ(renames, new ElementNames(after, before));
    differ.diffObject(rewriteReferences(before, renames) as JsonObject, after, { names: [], pattern: 'contract', items: new Map() });
    const changes = markSignedAvenantEdits(differ.changes, oldJson);
    const signedAvenantsEdited = [...new Set(changes.map(c => c.signedAvenant).filter((n): n is string => n !== undefined))];
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
        needsAvenant: substantive > 0 || signedAvenantsEdited.length > 0,
        ...(signedAvenantsEdited.length > 0 ? { signedAvenantsEdited } : {}),
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
