/**
 * `cpom suivi importer FILE.xlsx|FILE.csv --contrat C --annee N [-o FILE] [--force]`: writes the follow-up file of
 * year N from a sheet of values. XLSX is read with exceljs (first worksheet; a cell shown as a percentage counts as
 * one), CSV with csv-parse (separator `;`, tab or `,`, guessed from the header line; UTF-8, else Windows-1252).
 * The rows become the follow-up's text in `suivi-sheet.ts`. Nothing is written on bad input, nor over an existing
 * file without --force; the file is written atomically. Each row that matches nothing is reported with its line.
 *
 * Exit codes: 0 written (unmatched rows reported); 2 usage or I/O error, nothing written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contractsOfFile, countOf, periodWithAvenants } from '@cpom/language';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CommandIO } from './check.js';
import { fileError, isSystemError, reportFailure, UsageError } from './errors.js';
import { writeFileAtomic } from './output.js';
import { parseYear } from './suivi-command.js';
import { type SheetRow, sheetToFollowUp } from './suivi-sheet.js';
import { visibleText } from './terminal-text.js';
import { createServices, decodeContract, loadWorkspace } from './workspace.js';

export interface SuiviImportOptions {
    readonly contrat: string;
    readonly annee: string;
    readonly output?: string;
    readonly force?: boolean;
}

export async function runSuiviImport(file: string, options: SuiviImportOptions, io: CommandIO): Promise<number> {
    try {
        return await suiviImport(file, options, io);
    } catch (error) {
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}

function readBytes(file: string, shown: string): Buffer {
    try {
        return readFileSync(file);
    } catch (error) {
        throw isSystemError(error) ? fileError('read', shown, error) : error;
    }
}

async function readRows(file: string, shown: string, warn: (text: string) => void): Promise<SheetRow[]> {
    const extension = path.extname(file).toLowerCase();
    if (extension === '.csv') return csvRows(decodeContract(readBytes(file, shown), shown, m => warn(m.fr)), shown);
    if (extension === '.xlsx') return xlsxRows(readBytes(file, shown), shown);
    throw new UsageError({
        fr: `« ${shown} » : format non pris en charge (${extension || 'sans extension'}) ; un tableau .xlsx ou .csv est attendu`,
        en: `'${shown}': unsupported format (${extension || 'no extension'}); an .xlsx or .csv sheet is expected`,
    });
}

function csvRows(text: string, shown: string): SheetRow[] {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
        records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false, bom: true }) as unknown as typeof records;
    } catch (error) {
        const line = (error as { lines?: number }).lines;
        throw new UsageError({
            fr: `« ${shown} »${line ? `, ligne ${line}` : ''} : CSV illisible (${(error as Error).message})`,
            en: `'${shown}'${line ? `, line ${line}` : ''}: unreadable CSV (${(error as Error).message})`,
        });
    }
    return records.map(r => ({ line: r.info.lines, cells: r.record }));
}

async function xlsxRows(bytes: Buffer, shown: string): Promise<SheetRow[]> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
        throw new UsageError({ fr: `« ${shown} » n'est pas un classeur XLSX lisible`, en: `'${shown}' is not a readable XLSX workbook` });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new UsageError({ fr: `« ${shown} » n'a aucune feuille`, en: `'${shown}' has no worksheet` });
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, row => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
            cells[column - 1] = cellText(cell.value, cell.numFmt);
        });
        rows.push({ line: row.number, cells: Array.from(cells, c => c ?? '') });
    });
    return rows;
}

/** A cell as the user sees it: a number formatted as a percentage is written with `%`. */
function cellText(value: unknown, numFmt: string | undefined): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') {
        return numFmt?.includes('%') ? `${String(Math.round(value * 100 * 1e9) / 1e9).replace('.', ',')} %` : String(value).replace('.', ',');
    }
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object') {
        const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: string };
        if (v.richText) return v.richText.map(r => r.text).join('');
        if (v.result !== undefined) return cellText(v.result, numFmt);
        if (typeof v.text === 'string') return v.text;
    }
    return String(value as string | boolean);
}

/** The other `.cpom` files of the contract's folder (avenants among them); none when the folder cannot be listed. */
function cpomFilesBeside(contractPath: string): string[] {
    const dir = path.dirname(contractPath);
    try {
        return readdirSync(dir).filter(n => /\.cpom$/i.test(n)).map(n => path.join(dir, n)).filter(f => f !== contractPath);
    } catch {
        return [];
    }
}

async function suiviImport(file: string, options: SuiviImportOptions, io: CommandIO): Promise<number> {
    const locale = io.locale ?? 'fr';
    const year = parseYear(options.annee)!;
    const resolve = (p: string) => path.resolve(io.cwd, p);
    const contractPath = resolve(options.contrat);
    // The files beside the contract too: its avenants' funding lines, CNR and establishments can be named in the sheet.
    const services = createServices();
    const workspace = await loadWorkspace(services, [contractPath, ...cpomFilesBeside(contractPath)], message => io.stderr(`cpom: note: ${message[locale]}\n`));
    const contract = workspace.files.flatMap(f => (f.path === contractPath ? contractsOfFile(f.document).declared : []))[0];
    if (!contract) throw new UsageError({ fr: `aucun contrat dans « ${options.contrat} » (--contrat)`, en: `no contract in '${options.contrat}' (--contrat)` });
    const avenants = services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract);
    const period = periodWithAvenants(contract, avenants);
    const last = period ? Math.max(period.lastYear, period.prorogation?.year ?? period.lastYear) : undefined;
    if (period && last !== undefined && (year < period.firstYear || year > last)) {
        throw new UsageError({
            fr: `--annee ${year} : hors de la période du contrat « ${options.contrat} » (${period.firstYear}-${last}) ; aucun fichier écrit`,
            en: `--annee ${year}: outside the period of the contract in '${options.contrat}' (${period.firstYear}-${last}); nothing written`,
        });
    }
    const output = resolve(options.output ?? path.join(path.dirname(options.contrat), `suivi-${year}.cpom`));
    const shownOutput = path.relative(io.cwd, output) || output;
    if (output === contractPath || output === resolve(file)) {
        throw new UsageError({ fr: `refus d'écrire sur « ${shownOutput} » : cette commande lit ce fichier`, en: `refusing to write over '${shownOutput}': this command reads it` });
    }
    if (existsSync(output) && !options.force) {
        throw new UsageError({ fr: `« ${shownOutput} » existe déjà : --force pour le remplacer ; aucun fichier écrit`, en: `'${shownOutput}' already exists: use --force to replace it; nothing written` });
    }
    const rows = await readRows(resolve(file), file, text => io.stderr(`cpom: note: ${text}\n`));
    const importPath = path.relative(path.dirname(output), contractPath).split(path.sep).join('/');
    const result = sheetToFollowUp({ rows, shown: file, contract, avenants, year, importPath });
    writeFileAtomic(output, result.text, shownOutput);
    io.stdout(`${visibleText(shownOutput, '')}\n`);
    for (const note of result.notes) io.stderr(`cpom: note: « ${file} », ${note}\n`);
    for (const u of result.unmatched) {
        io.stderr(locale === 'fr'
            ? `cpom: « ${file} », ligne ${u.line} : « ${u.label} » ne correspond à aucun indicateur ni établissement du contrat ; ligne ignorée\n`
            : `cpom: '${file}', line ${u.line}: '${u.label}' matches no indicator or establishment of the contract; row skipped\n`);
    }
    io.stderr(locale === 'fr'
        ? `cpom: ${countOf(result.indicators, "valeur d'indicateur", "valeurs d'indicateur")}, ${countOf(result.activities, 'activité')} et ${countOf(result.amounts, 'montant')} importés, ${countOf(result.unmatched.length, 'ligne')} sans correspondance\n`
        : `cpom: ${englishCount(result.indicators, 'indicator value')}, ${englishCount(result.activities, 'activity', 'activities')} and ${englishCount(result.amounts, 'amount')} imported, ${englishCount(result.unmatched.length, 'unmatched row')}\n`);
    return 0;
}

/** An English count with its noun: `1 row`, `0 rows`, `2 activities`. */
function englishCount(n: number, singular: string, plural = `${singular}s`): string {
    return `${n} ${n === 1 ? singular : plural}`;
}
