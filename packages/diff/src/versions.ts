/**
 * Versions of a file hold contracts: pairing them by name and diffing each pair, with an empty counterpart for a
 * contract present on one side only. Shared by `cpom diff`, the git driver and the language server.
 */
import type { ContractJson, CpomJson } from '@cpom/generator';
import { diffContracts, type DiffLabels } from './diff-contracts.js';
import type { SemanticDiff } from './change.js';

export interface PairingOptions {
    /** Pair a lone contract on each side even if renamed (default true). */
    readonly pairLone?: boolean;
}

/** Pairs contracts by name; a lone contract on each side is paired even if renamed (unless `pairLone` is false). */
export function pairContracts(before: readonly CpomJson[], after: readonly CpomJson[], options: PairingOptions = {}): Array<[CpomJson | undefined, CpomJson | undefined]> {
    if ((options.pairLone ?? true) && before.length === 1 && after.length === 1) return [[before[0], after[0]]];
    const names = [...new Set([...before, ...after].map(j => j.contract.id))];
    return names.map(name => [before.find(j => j.contract.id === name), after.find(j => j.contract.id === name)]);
}

/** One diff per pair of contracts; a contract on one side only is diffed against its empty counterpart. */
export function diffContractVersions(before: readonly CpomJson[], after: readonly CpomJson[], labels: DiffLabels = {}, options: PairingOptions = {}): SemanticDiff[] {
    return pairContracts(before, after, options).map(([a, b]) => diffContracts(a ?? emptyCounterpart(b!), b ?? emptyCounterpart(a!), labels));
}

/**
 * The other side of a contract present on one side only: the same name, and the same structure with every list
 * empty and no value (but names), so that the diff lists the establishments, objectives, funding lines… added or
 * removed one by one rather than whole blocks.
 */
export function emptyCounterpart(json: CpomJson): CpomJson {
    const skeleton = (value: unknown): unknown => {
        if (Array.isArray(value)) return [];
        if (typeof value !== 'object' || value === null) return undefined;
        // The name of a single element (the gestionnaire) stays: its fields are added, not the element renamed.
        return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, key === 'id' ? child : skeleton(child)]).filter(([, child]) => child !== undefined));
    };
    // A contract only amended in this file (its avenants, no body) is reduced to its name.
    const reduced = json.contract.engagement === undefined;
    const contract = reduced
        ? { id: json.contract.id, title: json.contract.title, avenants: [] }
        : { ...(skeleton(json.contract) as object), id: json.contract.id, title: json.contract.title };
    return { ...json, contract: contract as unknown as ContractJson };
}
