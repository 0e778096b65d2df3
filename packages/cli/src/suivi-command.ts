/**
 * `cpom suivi CONTRACT [SUIVI...] [--annee N] --format html,md,docx,pdf,json -o DIR`: the "Rapport de suivi annuel"
 * of a contract for its comité de suivi, built from the follow-up files (`suivi_annuel du contrat X annee N`) by
 * the report model of @cpom/generator (report/). Without SUIVI files, the follow-ups beside the contract are read;
 * without --annee, the latest year is reported. Every output is written atomically as
 * `<out>/SUIVI_<N>_<CONTRACT>.<ext>`, never over a .cpom file or a file read.
 *
 * Exit codes, as `generate`: 0 written; 1 the files have errors (unless --force); 2 usage or I/O error.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ast, contractsOfFile, type FollowUp, followUpOf } from '@cpom/language';
import {
    buildFollowUpReport, exportFollowUp, renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown, serialiseJson,
} from '@cpom/generator';
import type { CommandIO } from './check.js';
import { loadRasteriser } from './chart-raster.js';
import type { DocumentFormat } from './document-formats.js';
import { goesOnDespiteErrors } from './document-output.js';
import { fileError, isSystemError, reportFailure, UsageError } from './errors.js';
import { checkOutputTarget, prepareOutputFolder, writeFileAtomic } from './output.js';
import { htmlToPdf } from './pdf.js';
import { visibleText } from './terminal-text.js';
import { createServices, loadWorkspace, type LoadedFile } from './workspace.js';

export interface SuiviReportOptions {
    readonly formats: DocumentFormat[];
    readonly out: string;
    readonly annee?: string;
    readonly force?: boolean;
}

export async function runSuiviReport(contractFile: string, followUpFiles: readonly string[], options: SuiviReportOptions, io: CommandIO): Promise<number> {
    try {
        return await suiviReport(contractFile, followUpFiles, options, io);
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}

export function parseYear(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d{4}$/.test(value.trim())) {
        throw new UsageError({ fr: `année impossible : « ${value} » (une année sur quatre chiffres est attendue : 2022)`, en: `invalid year '${value}' (expected a four-digit year: 2022)` });
    }
    return Number(value.trim());
}

/** The `.cpom` files beside the contract that hold a follow-up (`suivi_annuel`), read when no SUIVI file is given. */
function followUpsBeside(contract: string, shown: string): string[] {
    const dir = path.dirname(contract);
    try {
        return readdirSync(dir).filter(n => /\.cpom$/i.test(n)).map(n => path.join(dir, n)).filter(f => path.resolve(f) !== path.resolve(contract));
    } catch (error) {
        throw isSystemError(error) ? fileError('list', path.dirname(shown) || '.', error) : error;
    }
}

function followUpsOf(files: readonly LoadedFile[], contract: ast.Contrat): Array<{ node: ast.SuiviAnnuel; file: LoadedFile }> {
    return files.flatMap(file => ((file.document.parseResult.value as ast.CpomFile).elements ?? [])
        .filter(ast.isSuiviAnnuel).filter(s => s.contract?.ref === contract).map(node => ({ node, file })));
}

async function suiviReport(contractFile: string, followUpFiles: readonly string[], options: SuiviReportOptions, io: CommandIO): Promise<number> {
    const locale = io.locale ?? 'fr';
    const wantedYear = parseYear(options.annee);
    const resolve = (file: string) => path.resolve(io.cwd, file);
    const given = followUpFiles.map(resolve);
    const paths = [resolve(contractFile), ...(given.length > 0 ? given : followUpsBeside(resolve(contractFile), contractFile))];
    const services = createServices();
    services.Cpom.cpom.Settings.locale = locale;
    const workspace = await loadWorkspace(services, paths, message => io.stderr(`cpom: note: ${message[locale]}\n`));
    const contractLoaded = workspace.files.find(f => f.path === paths[0]);
    const contract = contractLoaded ? contractsOfFile(contractLoaded.document).declared[0] : undefined;
    if (!contract) {
        throw new UsageError({ fr: `aucun contrat dans « ${contractFile} » (cpom suivi CONTRAT [SUIVI...])`, en: `no contract in '${contractFile}' (cpom suivi CONTRACT [FOLLOW-UP...])` });
    }
    const found = followUpsOf(workspace.files, contract);
    if (found.length === 0) {
        throw new UsageError({
            fr: `aucun suivi annuel du contrat « ${contractFile} » : donnez les fichiers de suivi (suivi_annuel du contrat ${contract.name} annee N)`,
            en: `no yearly follow-up of the contract in '${contractFile}': give the follow-up files (suivi_annuel du contrat ${contract.name} annee N)`,
        });
    }
    const index = services.Cpom.cpom.WorkspaceIndex;
    const followUps = found.map(f => ({ ...f, followUp: followUpOf(f.node, index) }));
    const years = [...new Set(followUps.map(f => f.followUp.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
    const year = wantedYear ?? years[years.length - 1];
    const chosen = followUps.find(f => f.followUp.year === year);
    if (!chosen || year === undefined) {
        throw new UsageError({
            fr: `aucun suivi de l'année ${year ?? '?'} pour ce contrat (années trouvées : ${years.join(', ') || 'aucune'})`,
            en: `no follow-up of year ${year ?? '?'} for this contract (years found: ${years.join(', ') || 'none'})`,
        });
    }
    const relevant = workspace.files.filter(f => f === chosen.file || f === contractLoaded || !followUps.some(u => u.file === f));
    const goesOn = goesOnDespiteErrors(relevant, io, options.force, {
        refused: { fr: 'le contrat ou le suivi a des erreurs : aucun rapport écrit (--force pour l\'écrire quand même)', en: 'the contract or the follow-up has errors: no report written (use --force to write it anyway)' },
        forced: { fr: 'rapport écrit malgré les erreurs (--force) : relisez-le', en: 'report written despite the errors (--force): proofread it' },
    });
    if (!goesOn) return 1;
    const history: FollowUp[] = followUps.map(f => f.followUp);
    await writeReport(chosen.followUp, history, `SUIVI_${year}_${contract.name}`, new Set(workspace.files.map(f => f.path)), options, io);
    return 0;
}

async function writeReport(followUp: FollowUp, history: readonly FollowUp[], baseName: string, sources: ReadonlySet<string>, options: SuiviReportOptions, io: CommandIO): Promise<void> {
    const outDir = path.resolve(io.cwd, options.out);
    prepareOutputFolder(outDir, options.out);
    const report = buildFollowUpReport(followUp, { history });
    // The report's words are French only (its English version is not written yet): say so rather than mix languages.
    if (io.locale === 'en') io.stderr('cpom: note: the report is written in French (no English version of the yearly report yet)\n');
    let html: string | undefined;
    for (const format of options.formats) {
        const file = path.join(outDir, `${baseName}.${format}`);
        const shown = path.relative(io.cwd, file) || file;
        checkOutputTarget(file, sources, shown);
        switch (format) {
            case 'html':
                writeFileAtomic(file, html ??= renderFollowUpHtml(report), shown);
                break;
            case 'md':
                writeFileAtomic(file, renderFollowUpMarkdown(report), shown);
                break;
            case 'docx': {
                const rasterise = await loadRasteriser();
                if (!rasterise) {
                    io.stderr(io.locale === 'en'
                        ? 'cpom: note: charts could not be drawn as pictures (resvg or a font is missing): the DOCX gives their data tables\n'
                        : 'cpom: note: graphiques non dessinés (resvg ou une police manque) : le DOCX donne leurs tableaux de données\n');
                }
                writeFileAtomic(file, await renderFollowUpDocx(report, { rasterise }), shown);
                break;
            }
            case 'pdf':
                writeFileAtomic(file, await htmlToPdf(html ??= renderFollowUpHtml(report)), shown);
                break;
            case 'json':
                writeFileAtomic(file, serialiseJson(exportFollowUp(followUp)), shown);
                break;
        }
        io.stdout(`${visibleText(shown, '')}\n`);
    }
}
