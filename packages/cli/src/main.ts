/**
 * The `cpom` command line. Exit codes: 0 clean, 1 problems found, 2 usage or I/O error. Everything it says is in
 * French unless asked otherwise (locale.ts): the help, commander's usage errors, I/O errors and notes.
 */
import { isatty } from 'node:tty';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type ISODate, isIsoDate, type Locale } from '@cpom/language';
import { type CommandIO, FORMATS, type Format, runCheck } from './check.js';
import { colorWanted } from './color.js';
import { frenchCommanderError, helpConfiguration } from './commander-locale.js';
import { DOCUMENT_FORMATS, type DocumentFormat, formatsParser } from './document-formats.js';
import { documentOutputOptions } from './document-options.js';
import { VERSION } from './install-paths.js';
import { resolveCliLocale } from './locale.js';
import { runRules } from './rules-command.js';
import { registerSuiviCommands } from './suivi-cli.js';
import { visibleText } from './terminal-text.js';


function maxWarningsParser(locale: Locale): (value: string) => number {
    return value => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < -1) {
            throw new InvalidArgumentError(locale === 'fr' ? 'un entier ≥ 0 est attendu (ou -1 pour aucune limite)' : 'expected an integer ≥ 0 (or -1 for no limit)');
        }
        return n;
    };
}

/** `--jobs`: a number of threads, at least 1. */
function jobsParser(locale: Locale): (value: string) => number {
    return value => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) {
            throw new InvalidArgumentError(locale === 'fr' ? 'un entier ≥ 1 est attendu' : 'expected an integer ≥ 1');
        }
        return n;
    };
}

/** `--droit-au`: a real calendar date written AAAA-MM-JJ. */
function lawDateParser(locale: Locale): (value: string) => ISODate {
    return value => {
        if (!isIsoDate(value)) {
            throw new InvalidArgumentError(locale === 'fr' ? 'une date AAAA-MM-JJ qui existe est attendue' : 'expected an existing date written YYYY-MM-DD');
        }
        return value;
    };
}

export function defaultIO(): CommandIO {
    return {
        cwd: process.cwd(),
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
        version: VERSION,
        env: process.env,
        stdin: async () => {
            const chunks: Buffer[] = [];
            for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
            return Buffer.concat(chunks);
        },
        // process.stdin's own isTTY would make its stream (a file's loads fs/promises, readline…: ~10 ms of a cold
        // check that never reads it).
        interactive: isatty(0) && isatty(1),
    };
}

/** What the command definitions share: the program, the message language, the I/O, and where the exit code goes. */
interface CommandContext {
    readonly program: Command;
    readonly t: (fr: string, en: string) => string;
    readonly io: CommandIO;
    /** The I/O as given (its environment). */
    readonly commandIO: CommandIO;
    readonly argv: readonly string[];
    readonly locale: Locale;
    readonly langOption: () => Option;
    readonly parseFormats: ReturnType<typeof formatsParser>;
    readonly formatList: string;
    readonly exit: (code: number) => void;
}

/**
 * The process around `main`: what `bin/cpom.js` and the startup snapshot's main (snapshot-entry.ts) both run, so that
 * the two paths answer the same.
 */
export function runProcess(argv: readonly string[]): void {
    // `cpom rules | head` closes the pipe early: that is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
    });
    void main(argv).then(code => {
        process.exitCode = code;
    });
}

export async function main(argv: readonly string[], commandIO: CommandIO = defaultIO()): Promise<number> {
    const locale = commandIO.locale ?? resolveCliLocale(argv, commandIO.cwd, commandIO.env);
    const t = (fr: string, en: string) => (locale === 'fr' ? fr : en);
    // Messages quote paths, names and the text of contracts: their control characters are shown, never sent raw.
    const io: CommandIO = { ...commandIO, locale, stderr: text => commandIO.stderr(visibleText(text)) };
    let exitCode = 0;
    const langOption = () => new Option('--lang <lang>', t('langue des messages (par défaut : fr, ou "lang" de cpom.config.json, ou LANG)', 'language of messages (default: fr, or "lang" of cpom.config.json, or LANG)')).choices(['fr', 'en']);
    const parseFormats = formatsParser(locale);
    const formatList = DOCUMENT_FORMATS.join(', ');
    const program = new Command('cpom')
        .description(t(
            'Outils pour les contrats pluriannuels d\'objectifs et de moyens (CPOM) du secteur médico-social.',
            'Language toolchain for French medico-social CPOM contracts (contrats pluriannuels d\'objectifs et de moyens).'))
        .version(VERSION, '-v, --version', t('afficher la version', 'output the version number'))
        .helpOption('-h, --help', t('afficher l\'aide de la commande', 'display help for command'))
        .helpCommand('help [command]', t('afficher l\'aide d\'une commande', 'display help for command'))
        .exitOverride()
        // Options after a subcommand are the subcommand's (`cpom suivi importer … --annee N`: not the report's --annee).
        .enablePositionalOptions()
        .configureHelp(helpConfiguration(locale))
        .configureOutput({
            writeOut: io.stdout,
            writeErr: io.stderr,
            outputError: (text, write) => write(locale === 'fr' ? frenchCommanderError(text) : text),
        })
        .showHelpAfterError(t('(cpom --help pour l\'aide)', '(cpom --help for usage)'));

    const ctx: CommandContext = {
        program, t, io, commandIO, argv, locale, langOption, parseFormats, formatList, exit: code => { exitCode = code; },
    };
    addCheckCommands(ctx);
    addDocumentCommands(ctx);
    addDiffCommands(ctx);
    addToolCommands(ctx);

    if (argv.length === 0) {
        io.stderr(program.helpInformation());
        return 2;
    }
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
        }
        const detail = (error as Error).stack ?? String(error);
        io.stderr(t(
            `cpom: erreur interne (une anomalie de cpom, signalez-la avec la commande et ses fichiers) : ${detail}\n`,
            `cpom: internal error (a defect of cpom, please report it with the command and its files): ${detail}\n`));
        return 2;
    }
}

/** `check` (and its --fix) and `init`. */
function addCheckCommands(ctx: CommandContext): void {
    const { program, t, io, langOption, locale, commandIO } = ctx;
    program.command('check')
        .description(t(
            'vérifier des contrats (fichiers .cpom, dossiers, globs) et signaler chaque problème avec sa place et son code',
            'validate contracts (.cpom files, folders, globs) and report every problem with its place and code'))
        .argument('<paths...>', t('fichiers, dossiers ou globs ; - : l\'entrée standard', 'files, folders or globs; -: the standard input'))
        .addOption(new Option('-f, --format <format>', t('format du rapport', 'output format')).choices(FORMATS).default('human'))
        .addOption(langOption())
        .option('--max-warnings <n>', t('sortir avec le code 1 au-delà de ce nombre d\'avertissements', 'exit 1 when there are more warnings than this'), maxWarningsParser(locale))
        .option('-o, --output <file>', t('écrire le rapport dans un fichier plutôt que sur la sortie standard', 'write the report to a file instead of the standard output'))
        .option('-c, --config <file>', t('utiliser ce cpom.config.json au lieu de le chercher depuis chaque contrat', 'use this cpom.config.json instead of looking up from each contract'))
        .option('-q, --quiet', t('ne signaler que les erreurs', 'report errors only'))
        .option('--no-color', t('sans couleurs dans le format human (voir aussi FORCE_COLOR et NO_COLOR)', 'no colours in the human format (see also FORCE_COLOR and NO_COLOR)'))
        .option('--stdin-filename <path>', t('avec - : où se trouve le contrat lu sur l\'entrée standard (nom dans le rapport, imports, cpom.config.json)', 'with -: where the contract read on the standard input lives (name in the report, imports, cpom.config.json)'))
        .option('--droit-au <date>', t('vérifier selon le droit en vigueur à cette date (AAAA-MM-JJ) plutôt qu\'à la date d\'effet de chaque contrat ou avenant', 'check against the law in force on this date (YYYY-MM-DD) instead of each contract\'s or avenant\'s date of effect'), lawDateParser(locale))
        .option('-j, --jobs <n>', t('nombre de fils d\'exécution pour un lot de fichiers (par défaut : un par cœur ; 1 : sans fil supplémentaire)', 'threads for a batch of files (default: one per core; 1: no extra thread)'), jobsParser(locale))
        .option('--fix', t('appliquer les corrections sûres (sans choix humain) et réécrire les fichiers ; avec - : le texte corrigé sur la sortie standard', 'apply the safe fixes (no human choice) and rewrite the files; with -: the fixed text on the standard output'))
        .option('--fix-dry-run', t('comme --fix sans rien écrire : afficher le diff des corrections', 'as --fix without writing anything: print the diff of the fixes'))
        .action(async (paths: string[], options: { format: Format; lang?: 'fr' | 'en'; maxWarnings?: number; output?: string; config?: string; quiet?: boolean; color: boolean; stdinFilename?: string; droitAu?: ISODate; fix?: boolean; fixDryRun?: boolean; jobs?: number }) => {
            const color = colorWanted(options.color, process.stdout.isTTY, commandIO.env ?? process.env);
            if (options.fix || options.fixDryRun) {
                // Loaded on demand: the fixes come with the language server's services.
                const { runFix } = await import('./fix-command.js');
                ctx.exit(await runFix(paths, { ...options, color, lawDate: options.droitAu, dryRun: options.fixDryRun }, io));
                return;
            }
            ctx.exit(await runCheck(paths, { ...options, color, lawDate: options.droitAu }, io));
        });

    program.command('init')
        .description(t(
            'écrire un squelette de contrat complet (cadre, dates, gestionnaire, établissements) et son cpom.config.json ; les valeurs manquantes sont demandées sur un terminal',
            'write a complete contract skeleton (frame, dates, gestionnaire, establishments) and its cpom.config.json; missing values are asked on a terminal'))
        .argument('[file]', t('le fichier du contrat (.cpom ; par défaut : d\'après le nom du contrat)', 'the contract file (.cpom; default: from the contract\'s name)'))
        .option('--cadre <frame>', t('cadre juridique : L313-11, L313-11-1, L313-11-2, L313-12-IVter, L313-12-2', 'legal frame: L313-11, L313-11-1, L313-11-2, L313-12-IVter, L313-12-2'))
        .option('--effet <date>', t('date d\'effet (AAAA-MM-JJ)', 'effect date (YYYY-MM-DD)'))
        .option('--fin <date>', t('date de fin (par défaut : cinq ans après l\'effet, la veille)', 'end date (default: five years after the effect, the day before)'))
        .option('--gestionnaire <name>', t('nom du gestionnaire', 'name of the gestionnaire'))
        .option('--finess-gestionnaire <finess>', t('FINESS juridique du gestionnaire', 'legal FINESS number of the gestionnaire'))
        .option('--etablissement <finess[:category[:capacity]]>', t('un établissement ou service (répétable) : 690999016:ESAT:120', 'an establishment or service (repeatable): 690999016:ESAT:120'), (value: string, list: string[] = []) => [...list, value])
        .option('--nom <identifier>', t('identifiant du contrat (par défaut : CPOM_<GESTIONNAIRE>_<ANNÉE>)', 'identifier of the contract (default: CPOM_<GESTIONNAIRE>_<YEAR>)'))
        .option('-o, --out <dir>', t('dossier où écrire (par défaut : le dossier courant)', 'folder to write into (default: the current folder)'))
        .option('--force', t('remplacer les fichiers qui existent', 'replace existing files'))
        .addOption(langOption())
        .action(async (file: string | undefined, options: import('./init-command.js').InitOptions) => {
            // Loaded on demand: `cpom check` does not pay for it at start-up.
            const { runInit } = await import('./init-command.js');
            ctx.exit(await runInit(file, options, io));
        });
}

/** `generate` and `avenant`: the documents. */
function addDocumentCommands(ctx: CommandContext): void {
    const { program, t, io } = ctx;
    const [format, out] = documentOutputOptions(ctx);
    program.command('generate')
        .description(t(
            'produire le document du contrat (html, md, docx, pdf) et le JSON pour les systèmes des autorités',
            'generate the contract document (html, md, docx, pdf) and the JSON for authority systems'))
        .argument('<paths...>', t('fichiers de contrats, dossiers ou globs', 'contract files, folders or globs'))
        .addOption(format).addOption(out)
        .option('--force', t('produire même quand le contrat a des erreurs', 'generate even when the contract has errors'))
        .option('-c, --config <file>', t('utiliser ce cpom.config.json', 'use this cpom.config.json'))
        .option('--au <date>', t('le contrat consolidé à cette date : avenants en vigueur ce jour-là appliqués (2023-01-01 ou 01/01/2023)', 'the contract consolidated on that date: the avenants in force that day applied (2023-01-01 or 01/01/2023)'))
        .action(async (paths: string[], options: { format: DocumentFormat[]; out: string; force?: boolean; config?: string; au?: string }) => {
            // Loaded on demand: `cpom check` does not pay for the document libraries at start-up.
            const { runGenerate } = await import('./generate.js');
            ctx.exit(await runGenerate(paths, { formats: options.format, out: options.out, force: options.force, config: options.config, au: options.au }, io));
        });

    const [avenantFormat, avenantOut] = documentOutputOptions(ctx);
    program.command('avenant')
        .description(t(
            'rédiger l\'avenant qu\'impliquent les changements de fond entre deux versions d\'un contrat',
            'draft the avenant implied by the substantive changes between two versions of a contract'))
        .argument('<old>', t('le contrat en vigueur (fichier .cpom)', 'the contract in force (.cpom file)'))
        .argument('<new>', t('le contrat modifié (fichier .cpom)', 'the amended contract (.cpom file)'))
        .requiredOption('-n, --number <n>', t('le numéro de l\'avenant', 'the number of the avenant'))
        .addOption(avenantFormat).addOption(avenantOut)
        .option('--effet <date>', t('date d\'effet (ISO) ; par défaut : le premier jour du mois qui suit sa signature', 'date of effect (ISO); default: the first day of the month after its signature'))
        .option('--force', t('rédiger même quand la nouvelle version a des erreurs', 'draft even when the new version has errors'))
        .option('--contract <name>', t('le contrat à modifier, quand un fichier en déclare plusieurs', 'the contract to amend, when a file declares several'))
        .option('--au <date>', t('comparer les deux versions telles que modifiées par leurs avenants en vigueur à cette date', 'compare both versions as amended by their avenants in force on that date'))
        .action(async (oldFile: string, newFile: string, options: { number: string; format: DocumentFormat[]; out: string; effet?: string; force?: boolean; contract?: string; au?: string }) => {
            const { runAvenant } = await import('./avenant-command.js');
            ctx.exit(await runAvenant(oldFile, newFile, { ...options, formats: options.format }, io));
        });
}

/** `diff`, `git-setup`, and the two commands git calls once set up. */
function addDiffCommands(ctx: CommandContext): void {
    const { program, t, io, commandIO, argv } = ctx;
    program.command('diff')
        .description(t(
            'diff sémantique de deux versions d\'un contrat : ce qui a changé, dans les termes du contrat, et s\'il faut un avenant',
            'semantic diff of two versions of a contract: what changed, in the contract\'s terms, and whether it needs an avenant'))
        .usage(t('[options] ANCIEN.cpom NOUVEAU.cpom | [REV [REV2]] [-- CHEMINS...]', '[options] OLD.cpom NEW.cpom | [REV [REV2]] [-- PATHS...]'))
        .argument('<operands...>', t(
            'deux versions d\'un fichier de contrat, ou des révisions git (une : REV contre la copie de travail ; deux : REV contre REV2) puis des chemins',
            'two versions of a contract file, or git revisions (one: REV vs the working tree; two: REV vs REV2) then paths'))
        .addOption(new Option('-f, --format <format>', t('format de sortie', 'output format')).choices(['text', 'markdown', 'json']).default('text'))
        .option('--exit-code', t('sortir avec le code 1 s\'il y a des changements sémantiques, 0 sinon (comme git diff --exit-code)', 'exit 1 when there are semantic changes, 0 when there are none (as git diff --exit-code)'))
        .option('-o, --output <file>', t('écrire le diff dans un fichier', 'write the diff to a file'))
        .option('--contract <name>', t('le contrat à comparer, quand un fichier en déclare plusieurs', 'the contract to compare, when a file declares several'))
        .option('--no-color', t('sans couleurs dans le format text', 'no colours in the text format'))
        .option('--au <date>', t('comparer chaque version telle que modifiée par ses avenants en vigueur à cette date (deux fichiers)', 'compare each version as amended by its avenants in force on that date (two files)'))
        .action(async (operands: string[], options: { format: 'text' | 'markdown' | 'json'; exitCode?: boolean; output?: string; contract?: string; color: boolean; au?: string }) => {
            const { runDiffCommand } = await import('./diff-command.js');
            const color = !options.output && colorWanted(options.color, process.stdout.isTTY, commandIO.env ?? process.env);
            // Commander drops `--`: the operands after it are paths (cpom diff REV -- PATHS).
            const dash = argv.indexOf('--');
            const paths = dash >= 0 ? argv.slice(dash + 1) : undefined;
            ctx.exit(await runDiffCommand(operands.slice(0, operands.length - (paths?.length ?? 0)), paths, { ...options, color }, io));
        });

    program.command('git-setup')
        .description(t(
            'configurer git pour montrer le diff sémantique des fichiers .cpom : *.cpom diff=cpom dans .gitattributes, pilote de diff et textconv dans la configuration git',
            'set up git to show semantic diffs of .cpom files: *.cpom diff=cpom in .gitattributes, diff driver and textconv in the git config'))
        .option('--global', t('dans la configuration git et le fichier d\'attributs globaux plutôt que ceux du dépôt', 'in the global git config and attributes file instead of the current repository'))
        .action(async (options: { global?: boolean }) => {
            const { runGitSetup } = await import('./git-setup.js');
            ctx.exit(await runGitSetup(options, io));
        });

    // Called by git once `cpom git-setup` has run: not for people.
    program.command('git-diff-driver', { hidden: true })
        .argument('[args...]', 'path old-file old-hex old-mode new-file new-hex new-mode')
        .allowUnknownOption()
        .helpOption(false)
        .action(async (args: string[]) => {
            const { runGitDiffDriver } = await import('./git-diff-driver.js');
            ctx.exit(await runGitDiffDriver(args, io));
        });
    program.command('textconv', { hidden: true })
        .argument('<file>', 'a .cpom file')
        .action(async (file: string) => {
            const { runTextconv } = await import('./git-textconv.js');
            ctx.exit(await runTextconv(file, io));
        });
}

/** `fmt`, `lsp` and `rules`. */
function addToolCommands(ctx: CommandContext): void {
    const { program, t, io, langOption, locale, parseFormats, formatList } = ctx;
    registerSuiviCommands(program, { t, io, parseFormats, formatList, setExitCode: code => ctx.exit(code), langOption });

    program.command('fmt')
        .description(t(
            'formater des contrats comme l\'éditeur (indentation de 4 espaces, une clause par ligne, colonnes alignées) ; les fichiers sont réécrits',
            'format contracts as the editor does (4-space indentation, one clause per line, aligned columns); files are rewritten'))
        .argument('[paths...]', t('fichiers, dossiers ou globs (par défaut : le dossier courant) ; - : l\'entrée standard, texte formaté sur la sortie standard', 'files, folders or globs (default: the current folder); -: the standard input, formatted text on the standard output'))
        .option('--check', t('ne rien écrire : lister les fichiers non formatés (code de sortie 1)', 'write nothing: list the files that are not formatted (exit code 1)'))
        .option('--stdin-filename <path>', t('avec - : le nom du texte lu sur l\'entrée standard dans les messages', 'with -: the name of the text read on the standard input in messages'))
        .addOption(langOption())
        .action(async (paths: string[], options: { check?: boolean; stdinFilename?: string }) => {
            // Loaded on demand: the formatter comes with the language server's services.
            const { runFmt } = await import('./fmt-command.js');
            ctx.exit(await runFmt(paths, options, io));
        });

    program.command('lsp')
        .description(t('démarrer le serveur de langage (pour les éditeurs qui ont un client LSP)', 'start the language server (for editors with an LSP client)'))
        .requiredOption('--stdio', t('parler LSP sur l\'entrée et la sortie standard', 'talk LSP over the standard input and output'))
        .action(async () => {
            const { runLanguageServer } = await import('./lsp-command.js');
            runLanguageServer();
        });

    program.command('studio')
        .description(t('ouvrir le studio CPOM dans le navigateur (servi sur 127.0.0.1 ; rien ne quitte la machine)', 'open the CPOM studio in the browser (served on 127.0.0.1; nothing leaves the machine)'))
        .option('--port <port>', t('port à utiliser (par défaut : un port libre)', 'port to use (default: any free port)'))
        .option('--no-open', t('ne pas ouvrir le navigateur (l\'adresse est affichée)', 'do not open the browser (the address is printed)'))
        .addOption(langOption())
        .action(async (options: import('./studio-command.js').StudioOptions) => {
            // Loaded on demand: only this command runs a web server.
            const { runStudio } = await import('./studio-command.js');
            ctx.exit(await runStudio(options, io));
        });

    program.command('rules')
        .description(t('lister les règles, en montrer une, ou écrire leurs pages Markdown', 'list the rules, show one, or write their Markdown pages'))
        .argument('[code]', t('un code de règle (CPOM041) ou un nom (finess-key)', 'a rule code (CPOM041) or name (finess-key)'))
        .addOption(langOption().default(locale))
        .option('--write-docs <dir>', t('écrire une page Markdown par règle et un index dans ce dossier', 'write one Markdown page per rule and an index into this folder'))
        .action((code: string | undefined, options: { lang: Locale; writeDocs?: string }) => {
            ctx.exit(runRules(code, options, io));
        });
}
