/**
 * `cpom generate`: the contract document (HTML, Markdown, DOCX, PDF) and the JSON for authority systems,
 * from validated contracts. A contract with errors is refused unless --force; every output is written
 * atomically, never over a contract.
 */
import * as path from 'node:path';
import { ast, ConfigError } from '@cpom/language';
import { buildContractDocument, exportContract, serialiseJson } from '@cpom/generator';
import type { CommandIO } from './check.js';
import { ConfigFiles } from '@cpom/language/node';
import type { DocumentFormat } from './document-formats.js';
import { refuseErrors, writeDocument } from './document-output.js';
import { expandPaths, UsageError } from './files.js';
import { createServices, loadWorkspace } from './workspace.js';

export interface GenerateOptions {
    readonly formats: DocumentFormat[];
    readonly out: string;
    readonly force?: boolean;
    readonly config?: string;
}

export async function runGenerate(paths: readonly string[], options: GenerateOptions, io: CommandIO): Promise<number> {
    try {
        return await generate(paths, options, io);
    } catch (error) {
        if (error instanceof UsageError || error instanceof ConfigError) {
            io.stderr(`cpom: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}

async function generate(paths: readonly string[], options: GenerateOptions, io: CommandIO): Promise<number> {
    const files = await expandPaths(paths, io.cwd);
    const configs = new ConfigFiles(options.config ? path.resolve(io.cwd, options.config) : undefined);
    const services = createServices();
    services.Cpom.cpom.Settings.setConfigResolver(uri => configs.forFile(uri.fsPath));
    const workspace = await loadWorkspace(services, files, message => io.stderr(`cpom: note: ${message}\n`));
    const index = services.Cpom.cpom.WorkspaceIndex;

    const contracts: Array<{ contract: ast.Contrat; file: string; avenants: ast.Avenant[] }> = [];
    for (const file of workspace.files.filter(f => f.requested)) {
        const root = file.document.parseResult.value;
        if (!ast.isCpomFile(root)) continue;
        for (const contract of root.elements.filter(ast.isContrat)) {
            contracts.push({ contract, file: file.path, avenants: index.avenantsOf(contract) });
        }
    }
    if (contracts.length === 0) {
        throw new UsageError(`no contract found in ${paths.map(p => `'${p}'`).join(', ')} (catalogues and avenants are generated with their contract)`);
    }

    // Refuse contracts with errors (in their file, their avenants' files or what they import).
    const involved = new Set(contracts.flatMap(c => [c.file, ...c.avenants.map(a => a.$document?.uri.fsPath ?? '')]));
    const refused = refuseErrors(workspace.files.filter(f => involved.has(f.path)), 'contracts with errors are not generated (use --force to generate them anyway)', io);
    if (refused.length > 0 && !options.force) {
        return 1;
    }

    const outDir = path.resolve(io.cwd, options.out);
    const sources = new Set(workspace.files.map(f => f.path));
    for (const { contract, avenants } of contracts) {
        await writeDocument(buildContractDocument(contract, avenants), options.formats, {
            outDir, baseName: contract.name, sources, json: () => serialiseJson(exportContract(contract, avenants)),
        }, io);
    }
    return 0;
}
