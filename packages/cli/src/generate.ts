/**
 * `cpom generate`: the contract document (HTML, Markdown, DOCX, PDF) and the JSON for authority systems,
 * from validated contracts. A contract with errors is refused unless --force; every output is written
 * atomically, never over a contract.
 *
 * Exit codes: 0 written; 1 contracts with errors (without --force); 2 usage or I/O error, or a contract that could
 * not be generated (the others are still written).
 */
import * as path from 'node:path';
import { type ast, consolidate, contractsOfFile, documentsOfContract } from '@cpom/language';
import { consolidationDay } from './consolidation-day.js';
import { buildContractDocument, exportContract, serialiseJson } from '@cpom/generator';
import type { CommandIO } from './check.js';
import { ConfigFiles } from '@cpom/language/node';
import type { DocumentFormat } from './document-formats.js';
import { goesOnDespiteErrors, writeDocument } from './document-output.js';
import { type PdfPrinter, withPdfPrinter } from './pdf.js';
import { reportFailure, UsageError } from './errors.js';
import { expandPaths } from './files.js';
import { prepareOutputFolder } from './output.js';
import { avenantFilesBeside } from './avenants-beside.js';
import { createServices, diskSource, loadWorkspace } from './workspace.js';

export interface GenerateOptions {
    readonly formats: DocumentFormat[];
    readonly out: string;
    readonly force?: boolean;
    readonly config?: string;
    /** `--au DATE`: the contract as amended on that day (ISO or French date), written as `<CONTRACT>_au_<DATE>`. */
    readonly au?: string;
}

export async function runGenerate(paths: readonly string[], options: GenerateOptions, io: CommandIO): Promise<number> {
    try {
        return await generate(paths, options, io);
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}

/**
 * One Chromium for every PDF of the command, started while the contracts are read and checked (issue 15: its start
 * then runs on the other core); closed at the end, also when nothing is printed.
 */
function generate(paths: readonly string[], options: GenerateOptions, io: CommandIO): Promise<number> {
    return withPdfPrinter(printer => {
        if (options.formats.includes('pdf')) printer.warmUp();
        return generateWith(paths, options, io, printer);
    });
}

async function generateWith(paths: readonly string[], options: GenerateOptions, io: CommandIO, printer: PdfPrinter): Promise<number> {
    const locale = io.locale ?? 'fr';
    const day = consolidationDay(options.au);
    const files = await expandPaths(paths, io.cwd);
    const configs = new ConfigFiles(options.config ? path.resolve(io.cwd, options.config) : undefined);
    const services = createServices();
    services.Cpom.cpom.Settings.setConfigResolver(uri => configs.forFile(uri.fsPath));
    services.Cpom.cpom.Settings.locale = locale;
    // A contract named alone comes with the avenants beside it: the same document as for its folder.
    const companions = avenantFilesBeside(files, diskSource);
    const workspace = await loadWorkspace(services, files, message => io.stderr(`cpom: note: ${message[locale]}\n`), diskSource, { companions });
    const index = services.Cpom.cpom.WorkspaceIndex;

    const contracts: Array<{ contract: ast.Contrat; file: string; avenants: ast.Avenant[] }> = [];
    for (const file of workspace.files.filter(f => f.requested)) {
        for (const contract of contractsOfFile(file.document).declared) {
            contracts.push({ contract, file: file.path, avenants: index.avenantsOf(contract) });
        }
    }
    if (contracts.length === 0) {
        const places = paths.map(p => (locale === 'fr' ? `« ${p} »` : `'${p}'`)).join(', ');
        throw new UsageError({
            fr: `aucun contrat trouvé dans ${places} (les catalogues et les avenants sont générés avec leur contrat)`,
            en: `no contract found in ${places} (catalogues and avenants are generated with their contract)`,
        });
    }

    // Contracts with errors (in their file, their avenants' files or what they import) are refused without --force.
    const documents = services.shared.workspace.LangiumDocuments;
    const involved = new Set(contracts.flatMap(c => documentsOfContract(c.contract, c.avenants, documents).map(d => d.uri.toString())));
    const goesOn = goesOnDespiteErrors(workspace.files.filter(f => involved.has(f.uri.toString())), io, options.force, {
        refused: { fr: 'les contrats en erreur ne sont pas générés (--force pour les générer quand même)', en: 'contracts with errors are not generated (use --force to generate them anyway)' },
        forced: { fr: 'contrats générés malgré leurs erreurs (--force) : relisez-les', en: 'contracts generated despite their errors (--force): proofread them' },
    });
    if (!goesOn) return 1;

    const outDir = path.resolve(io.cwd, options.out);
    prepareOutputFolder(outDir, options.out);
    const sources = new Set(workspace.files.map(f => f.path));
    const failed = await writeContracts(contracts, { day, outDir, sources, formats: options.formats, locale, io, printer });
    return failed > 0 ? 2 : 0;
}

interface WriteContext {
    readonly day: string | undefined;
    readonly outDir: string;
    readonly sources: ReadonlySet<string>;
    readonly formats: GenerateOptions['formats'];
    readonly locale: 'fr' | 'en';
    readonly io: CommandIO;
    readonly printer: PdfPrinter;
}

/** Writes each contract's documents; returns how many could not be generated. */
async function writeContracts(contracts: ReadonlyArray<{ contract: ast.Contrat; file: string; avenants: ast.Avenant[] }>, context: WriteContext): Promise<number> {
    const { day, outDir, sources, formats, locale, io, printer } = context;
    let failed = 0;
    for (const { contract, file, avenants } of contracts) {
        const place = `${path.relative(io.cwd, file) || file}:${(contract.$cstNode?.range.start.line ?? 0) + 1}`;
        if (!contract.name) {
            io.stderr(locale === 'fr' ? `cpom: ${place} : contrat sans nom, non généré\n` : `cpom: ${place}: contract without a name, not generated\n`);
            failed++;
            continue;
        }
        try {
            if (day !== undefined) {
                // The contract as amended on that day: the avenants in force applied, the later ones left out.
                const consolidated = consolidate(contract, avenants, day);
                await writeDocument(buildContractDocument(consolidated.contract, consolidated.avenants, { consolidatedAt: day, term: consolidated.term }), formats, {
                    outDir, baseName: `${contract.name}_au_${day}`, sources,
                    json: () => serialiseJson(exportContract(consolidated.contract, consolidated.avenants, { consolidatedAt: day })),
                }, io, printer);
                continue;
            }
            await writeDocument(buildContractDocument(contract, avenants), formats, {
                outDir, baseName: contract.name, sources, json: () => serialiseJson(exportContract(contract, avenants)),
            }, io, printer);
        } catch (error) {
            if (error instanceof UsageError) throw error; // the same for every contract (no Chromium, unwritable folder)
            // A defect of the generator on this contract: the others are still generated.
            const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            io.stderr(locale === 'fr'
                ? `cpom: le contrat ${contract.name} (${place}) n'a pas pu être généré : erreur interne (${reason}) ; signalez-la avec ce contrat\n`
                : `cpom: contract ${contract.name} (${place}) could not be generated: internal error (${reason}); please report it with this contract\n`);
            failed++;
        }
    }
    return failed;
}
