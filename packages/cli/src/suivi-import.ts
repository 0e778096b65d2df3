import type { CommandIO } from './check.js';
export async function runSuiviImport(_file: string, _options: { contrat: string; annee: string; output?: string; force?: boolean }, _io: CommandIO): Promise<number> {
    return Promise.resolve(2);
}
