/**
 * The `cpom suivi` command and its `importer` subcommand, registered on the program by `main.ts`: the report of the
 * yearly follow-up (suivi-command.ts) and the import of a sheet of values into a follow-up file (suivi-import.ts).
 * Both load their code on demand, so `cpom check` does not pay for the document and spreadsheet libraries.
 */
import type { Command, Option } from 'commander';
import type { CommandIO } from './check.js';
import type { DocumentFormat } from './document-formats.js';
import { documentOutputOptions } from './document-options.js';

export interface SuiviCliContext {
    readonly t: (fr: string, en: string) => string;
    readonly io: CommandIO;
    readonly parseFormats: (value: string) => DocumentFormat[];
    readonly formatList: string;
    readonly setExitCode: (code: number) => void;
    /** `--lang fr|en`: the messages (read by main.ts before parsing); the report itself is written in French. */
    readonly langOption: () => Option;
}

export function registerSuiviCommands(program: Command, { t, io, parseFormats, formatList, setExitCode, langOption }: SuiviCliContext): void {
    const [format, out] = documentOutputOptions({ t, parseFormats, formatList });
    const suivi = program.command('suivi')
        // --annee of `importer` is its own, not the report's.
        .enablePositionalOptions()
        .description(t(
            'écrire le rapport de suivi annuel d\'un contrat pour son comité de suivi (indicateurs, activité, modulation, CNR)',
            'write the yearly follow-up report of a contract for its comité de suivi (indicators, activity, modulation, CNR)'))
        .usage(t('[options] CONTRAT.cpom [SUIVI.cpom...] | importer FICHIER.xlsx|FICHIER.csv --contrat CONTRAT.cpom --annee N', '[options] CONTRACT.cpom [FOLLOW-UP.cpom...] | importer FILE.xlsx|FILE.csv --contrat CONTRACT.cpom --annee N'))
        .argument('<contract>', t('le fichier du contrat (.cpom)', 'the contract file (.cpom)'))
        .argument('[follow-ups...]', t('les fichiers de suivi annuel (par défaut : ceux du dossier du contrat)', 'the yearly follow-up files (default: those in the contract\'s folder)'))
        .option('--annee <n>', t('l\'année du rapport (par défaut : la dernière année suivie)', 'the year reported (default: the latest year followed)'))
        .addOption(format).addOption(out)
        .option('--force', t('écrire le rapport même quand le contrat ou le suivi a des erreurs', 'write the report even when the contract or the follow-up has errors'))
        .addOption(langOption())
        .action(async (contract: string, followUps: string[], options: { annee?: string; format: DocumentFormat[]; out: string; force?: boolean }) => {
            const { runSuiviReport } = await import('./suivi-command.js');
            setExitCode(await runSuiviReport(contract, followUps, { formats: options.format, out: options.out, annee: options.annee, force: options.force }, io));
        });

    suivi.command('importer')
        .description(t(
            'écrire le fichier de suivi annuel à partir d\'un tableau (XLSX ou CSV) : une ligne par indicateur ou par établissement',
            'write the yearly follow-up file from a sheet (XLSX or CSV): one row per indicator or establishment'))
        .argument('<file>', t('le tableau des valeurs (.xlsx ou .csv)', 'the sheet of values (.xlsx or .csv)'))
        .requiredOption('--contrat <file>', t('le fichier du contrat suivi (.cpom)', 'the contract file followed (.cpom)'))
        .requiredOption('--annee <n>', t('l\'année suivie', 'the year followed'))
        .option('-o, --output <file>', t('le fichier de suivi à écrire (par défaut : suivi-<année>.cpom à côté du contrat)', 'the follow-up file to write (default: suivi-<year>.cpom beside the contract)'))
        .option('--force', t('remplacer le fichier de suivi s\'il existe', 'replace the follow-up file if it exists'))
        .addOption(langOption())
        .action(async (file: string, options: { contrat: string; annee: string; output?: string; force?: boolean }) => {
            const { runSuiviImport } = await import('./suivi-import.js');
            setExitCode(await runSuiviImport(file, options, io));
        });
}
