/** The `cpom` command line. Exit codes: 0 clean, 1 problems found, 2 usage or I/O error. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type CommandIO, FORMATS, type Format, runCheck } from './check.js';
import { DOCUMENT_FORMATS, type DocumentFormat, parseFormats } from './document-formats.js';
import { VERSION } from './install-paths.js';
import { cliLocale } from './locale.js';
import { runRules } from './rules-command.js';
import { visibleText } from './terminal-text.js';


function parseMaxWarnings(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < -1) {
        throw new InvalidArgumentError('expected an integer ≥ 0 (or -1 for no limit)');
    }
    return n;
}

export function defaultIO(): CommandIO {
    return {
        cwd: process.cwd(),
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
        version: VERSION,
        env: process.env,
    };
}

export async function main(argv: readonly string[], commandIO: CommandIO = defaultIO()): Promise<number> {
    // Messages quote paths, names and the text of contracts: their control characters are shown, never sent raw.
    const io: CommandIO = { ...commandIO, stderr: text => commandIO.stderr(visibleText(text)) };
    let exitCode = 0;
    const program = new Command('cpom')
        .description('Language toolchain for French medico-social CPOM contracts (contrats pluriannuels d\'objectifs et de moyens).')
        .version(VERSION, '-v, --version')
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .showHelpAfterError('(cpom --help for usage)');

    program.command('check')
        .description('validate contracts (.cpom files, folders, globs) and report every problem with its place and code')
        .argument('<paths...>', 'files, folders or globs')
        .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('human'))
        .addOption(new Option('--lang <lang>', 'language of messages (default: fr, or "lang" of cpom.config.json)').choices(['fr', 'en']))
        .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseMaxWarnings)
        .option('-o, --output <file>', 'write the report to a file instead of the standard output')
        .option('-c, --config <file>', 'use this cpom.config.json instead of looking up from each contract')
        .option('-q, --quiet', 'report errors only')
        .option('--no-color', 'no colours in the human format')
        .action(async (paths: string[], options: { format: Format; lang?: 'fr' | 'en'; maxWarnings?: number; output?: string; config?: string; quiet?: boolean; color: boolean }) => {
            const color = options.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
            exitCode = await runCheck(paths, { ...options, color }, io);
        });

    program.command('generate')
        .description('generate the contract document (html, md, docx, pdf) and the JSON for authority systems')
        .argument('<paths...>', 'contract files, folders or globs')
        .option('-f, --format <formats>', `comma-separated formats among ${DOCUMENT_FORMATS.join(', ')}`, parseFormats, ['html'] as DocumentFormat[])
        .option('-o, --out <dir>', 'output folder', '.')
        .option('--force', 'generate even when the contract has errors')
        .option('-c, --config <file>', 'use this cpom.config.json')
        .action(async (paths: string[], options: { format: DocumentFormat[]; out: string; force?: boolean; config?: string }) => {
            // Loaded on demand: `cpom check` does not pay for the document libraries at start-up.
            const { runGenerate } = await import('./generate.js');
            exitCode = await runGenerate(paths, { formats: options.format, out: options.out, force: options.force, config: options.config }, io);
        });

    program.command('diff')
        .description('semantic diff of two versions of a contract: what changed, in the contract\'s terms, and whether it needs an avenant')
        .usage('[options] OLD.cpom NEW.cpom | [REV [REV2]] [-- PATHS...]')
        .argument('<operands...>', 'two versions of a contract file, or git revisions (one: REV vs the working tree; two: REV vs REV2) then paths')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
        .option('--exit-code', 'exit 1 when there are semantic changes, 0 when there are none (as git diff --exit-code)')
        .option('-o, --output <file>', 'write the diff to a file')
        .option('--contract <name>', 'the contract to compare, when a file declares several')
        .option('--no-color', 'no colours in the text format')
        .action(async (operands: string[], options: { format: 'text' | 'markdown' | 'json'; exitCode?: boolean; output?: string; contract?: string; color: boolean }) => {
            const { runDiffCommand } = await import('./diff-command.js');
            const color = options.color && !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
            // Commander drops `--`: the operands after it are paths (cpom diff REV -- PATHS).
            const dash = argv.indexOf('--');
            const paths = dash >= 0 ? argv.slice(dash + 1) : undefined;
            exitCode = await runDiffCommand(operands.slice(0, operands.length - (paths?.length ?? 0)), paths, { ...options, color }, io);
        });

    program.command('git-setup')
        .description('set up git to show semantic diffs of .cpom files: *.cpom diff=cpom in .gitattributes, diff driver and textconv in the git config')
        .option('--global', 'in the global git config and attributes file instead of the current repository')
        .action(async (options: { global?: boolean }) => {
            const { runGitSetup } = await import('./git.js');
            exitCode = await runGitSetup(options, io);
        });

    // Called by git once `cpom git-setup` has run: not for people.
    program.command('git-diff-driver', { hidden: true })
        .argument('[args...]', 'path old-file old-hex old-mode new-file new-hex new-mode')
        .allowUnknownOption()
        .helpOption(false)
        .action(async (args: string[]) => {
            const { runGitDiffDriver } = await import('./git.js');
            exitCode = await runGitDiffDriver(args, io);
        });
    program.command('textconv', { hidden: true })
        .argument('<file>', 'a .cpom file')
        .action(async (file: string) => {
            const { runTextconv } = await import('./git.js');
            exitCode = await runTextconv(file, io);
        });

    program.command('avenant')
        .description('draft the avenant implied by the substantive changes between two versions of a contract')
        .argument('<old>', 'the contract in force (.cpom file)')
        .argument('<new>', 'the amended contract (.cpom file)')
        .requiredOption('-n, --number <n>', 'the number of the avenant')
        .option('-f, --format <formats>', `comma-separated formats among ${DOCUMENT_FORMATS.join(', ')}`, parseFormats, ['html'] as DocumentFormat[])
        .option('-o, --out <dir>', 'output folder', '.')
        .option('--effet <date>', 'date of effect (ISO); default: the first day of the month after its signature')
        .option('--force', 'draft even when the new version has errors')
        .option('--contract <name>', 'the contract to amend, when a file declares several')
        .action(async (oldFile: string, newFile: string, options: { number: string; format: DocumentFormat[]; out: string; effet?: string; force?: boolean; contract?: string }) => {
            const { runAvenant } = await import('./avenant-command.js');
            exitCode = await runAvenant(oldFile, newFile, { ...options, formats: options.format }, io);
        });

    program.command('lsp')
        .description('start the language server (for editors with an LSP client)')
        .requiredOption('--stdio', 'talk LSP over the standard input and output')
        .action(async () => {
            const { runLanguageServer } = await import('./lsp-command.js');
            runLanguageServer();
        });

    program.command('rules')
        .description('list the rules, show one, or write their Markdown pages')
        .argument('[code]', 'a rule code (CPOM041) or name (finess-key)')
        .addOption(new Option('--lang <lang>', 'language of titles').choices(['fr', 'en']).default('fr'))
        .option('--write-docs <dir>', 'write one Markdown page per rule and an index into this folder')
        .action((code: string | undefined, options: { lang: 'fr' | 'en'; writeDocs?: string }) => {
            exitCode = runRules(code, options, io);
        });

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
        io.stderr(cliLocale(undefined, io.env) === 'fr'
            ? `cpom: erreur interne (une anomalie de cpom, signalez-la avec la commande et ses fichiers) : ${detail}\n`
            : `cpom: internal error (a defect of cpom, please report it with the command and its files): ${detail}\n`);
        return 2;
    }
}
