/**
 * The avenants that lie beside a contract file. An avenant imports its contract, not the other way round, so loading
 * `contrat.cpom` alone reads the contract unamended: `cpom generate contrat.cpom` would leave out its avenants (and
 * `--au` would apply none) where `cpom generate .` includes them. A file of the same folder that imports a named
 * file and speaks of an avenant is loaded with it (found by a scan of its text, which may find too many: a file
 * loaded for nothing changes no result, since an avenant only counts when it amends the contract).
 */
import * as path from 'node:path';
import { importedPaths } from './check-groups.js';
import { type ContractSource, decodeContract } from './workspace.js';

/** Files beside `files` (in their folders, not among them) that import one of them and may declare an avenant. */
export function avenantFilesBeside(files: readonly string[], source: ContractSource): string[] {
    if (!source.list) return [];
    const named = new Set(files.map(f => path.resolve(f)));
    const names = [...new Set([...named].map(f => path.basename(f)))];
    const found = new Set<string>();
    for (const folder of new Set([...named].map(f => path.dirname(f)))) {
        for (const candidate of source.list(folder)) {
            if (named.has(candidate) || found.has(candidate)) continue;
            const bytes = source.read(candidate);
            if (!bytes) continue;
            const text = decodeContract(bytes, candidate);
            // Cheap tests first: a folder may hold a thousand contracts that import nothing.
            if (!text.includes('avenant') || !names.some(name => text.includes(name))) continue;
            if (importedPaths(text, candidate).some(imported => named.has(imported))) found.add(candidate);
        }
    }
    return [...found];
}
