/** `cpom check`: validate contracts and report in the chosen format; the exit code tells the pipeline. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ISODate, Locale } from '@cpom/language';
import { ConfigFiles } from '@cpom/language/node';
import type { Prompter } from './prompt.js';
import { type Bilingual, reportFailure, UsageError } from './errors.js';
import { expandPaths } from './files.js';
import { leaveOutIgnored } from './ignored-files.js';
import { formatCodeQuality } from './formats/codequality.js';
import { readStdinContract, type StdinContract, stdinSource, usesStdin } from './stdin.js';
import { formatGithub } from './formats/github.js';
import { humanReport } from './formats/human.js';
import { formatJson } from './formats/json.js';
import { formatJunit } from './formats/junit.js';
import { formatSarif } from './formats/sarif.js';
import { HOMEPAGE, rulePageUri } from './install-paths.js';
import { AtomicFile, checkOutputTarget } from './output.js';
import { type CheckReport, type FileReport, makeReport, sortDiagnostics, toReported } from './report.js';
import { createServices, decodeContract, diagnosticsOf, diskSource, diskWith, loadWorkspace, type Workspace } from './workspace.js';
import { type BatchSettings, CHUNK_SIZE, checkChunk, createCheckServices } from './check-batch.js';
import { chunksOf, groupByImports } from './check-groups.js';
import { checkOnWorkers, defaultJobs, workerScript } from './check-workers.js';

export const FORMATS = ['human', 'json', 'sarif', 'github', 'junit', 'codequality'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
    readonly format: Format;
    readonly lang?: Locale;
    readonly maxWarnings?: number;
    readonly output?: string;
    readonly config?: string;
    readonly quiet?: boolean;
    readonly color: boolean;
    /** With the path `-`: where the contract read on the standard input lives (stdin.ts). */
    readonly stdinFilename?: string;
    /** `--droit-au`: read the law at this date instead of each contract's date d'effet. */
    readonly lawDate?: ISODate;
    /** `--jobs`: worker threads for a batch (default: one per core; 1 checks on the main thread). */
    readonly jobs?: number;
}

export interface CommandIO {
    readonly cwd: string;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly version: string;
    /** The language of the CLI's messages (locale.ts; `main` resolves it), French when left out. */
    readonly locale?: Locale;
    /** The environment, for the language (LANG…); tests leave it out. */
    readonly env?: Readonly<Record<string, string | undefined>>;
    /** The whole standard input (`cpom check -`). */
    readonly stdin?: () => Promise<Uint8Array>;
    /** Whether questions can be asked on the terminal (`cpom init`): the standard input and output are terminals. */
    readonly interactive?: boolean;
    /** Asks the questions instead of the terminal (tests). */
    readonly prompter?: Prompter;
}


/** The cpom.config.json files that apply to `files` when they are looked up (the run reads them). */
function configFilesAbove(files: readonly string[]): string[] {
    const found = new Set<string>();
    const seen = new Set<string>();
    for (const file of files) {
        for (let dir = path.dirname(file); !seen.has(dir); dir = path.dirname(dir)) {
            seen.add(dir);
            const candidate = path.join(dir, 'cpom.config.json');
            if (existsSync(candidate)) found.add(candidate);
            if (path.dirname(dir) === dir) break;
        }
    }
    return [...found];
}

/** Above this many files, a batch is checked on worker threads (below, starting them costs more than it saves). */
const FILES_FOR_WORKERS = 2 * CHUNK_SIZE;

/**
 * The report of a check. Files on the disk are checked in chunks of files that import each other, each chunk
 * unloaded before the next (check-batch.ts), on `--jobs` worker threads when there are many; the standard input
 * is checked as `buildCheck` does.
 */
export async function buildReport(paths: readonly string[], options: Pick<CheckOptions, 'lang' | 'config' | 'quiet' | 'output' | 'stdinFilename' | 'lawDate' | 'jobs'>, io: Pick<CommandIO, 'cwd' | 'stderr' | 'locale' | 'stdin'>): Promise<CheckReport> {
    if (usesStdin(paths, options.stdinFilename)) {
        return (await buildCheck(paths, options, io)).report;
    }
    const { kept, configs, messages, locale } = await prepareCheck(paths, options, io);
    const settings: BatchSettings = { cwd: io.cwd, lang: options.lang, locale: messages, lawDate: options.lawDate, config: options.config ? path.resolve(io.cwd, options.config) : undefined, quiet: options.quiet };
    const warn = (message: Bilingual) => io.stderr(`cpom: note: ${message[messages]}\n`);
    // Threads by default for large batches only; `--jobs N` asks for them, each with a share of the chunks.
    const jobs = options.jobs ?? defaultJobs();
    const script = jobs > 1 && kept.length >= (options.jobs === undefined ? FILES_FOR_WORKERS : 2) ? workerScript() : undefined;
    const chunkSize = script ? Math.min(CHUNK_SIZE, Math.ceil(kept.length / jobs)) : CHUNK_SIZE;
    const chunksOfKept = () => chunksOf(groupByImports(kept, file => {
        const bytes = diskSource.read(file);
        return bytes === undefined ? undefined : decodeContract(bytes, file);
    }), chunkSize, script ? jobs : 0);
    let reports: FileReport[];
    if (script) {
        // The threads start before the files are read and grouped (a macrotask later), so that both overlap.
        const chunks = new Promise<void>(resolve => setImmediate(resolve)).then(chunksOfKept);
        reports = await checkOnWorkers(script, chunks, Math.min(jobs, Math.ceil(kept.length / chunkSize)), settings, warn);
    } else {
        const services = createCheckServices(settings, configs);
        reports = [];
        for (const chunk of chunksOfKept()) reports.push(...await checkChunk(services, chunk, settings, warn));
    }
    // In the order the files were found, as one workspace would list them.
    const order = new Map(kept.map((file, i) => [file, i]));
    reports.sort((a, b) => order.get(a.absolutePath)! - order.get(b.absolutePath)!);
    return makeReport(locale, reports);
}

/** Files to check, their configurations (a bad one is reported before any work) and the languages of the report. */
async function prepareCheck(paths: readonly string[], options: Pick<CheckOptions, 'lang' | 'config' | 'output' | 'stdinFilename'>, io: Pick<CommandIO, 'cwd' | 'stderr' | 'locale'>, stdin?: StdinContract) {
    const files = stdin ? [stdin.path] : await expandPaths(paths, io.cwd);
    const messages = options.lang ?? io.locale ?? 'fr';
    if (files.length === 0) {
        const places = paths.map(p => messages === 'fr' ? `« ${p} »` : `'${p}'`).join(', ');
        throw new UsageError({ fr: `aucun contrat .cpom trouvé dans ${places}`, en: `no .cpom contract found in ${places}` });
    }
    const explicitConfig = options.config ? path.resolve(io.cwd, options.config) : undefined;
    if (options.output) {
        checkOutputTarget(path.resolve(io.cwd, options.output), [...files, ...(explicitConfig ? [explicitConfig] : configFilesAbove(files))], options.output);
    }
    const configs = new ConfigFiles(explicitConfig);
    for (const file of files) {
        configs.forFile(file); // reports a bad config before any work
    }
    // Standard input is always checked; files found through folders and globs, or named, are left out by `ignore`.
    const { kept, notes } = stdin ? { kept: files, notes: [] } : leaveOutIgnored(files, new Set(paths.map(p => path.resolve(io.cwd, p))), configs, io.cwd);
    for (const note of notes) {
        io.stderr(`cpom: note: ${note[messages]}\n`);
    }
    const locale: Locale = options.lang ?? (files.length > 0 ? configs.forFile(files[0]).lang : undefined) ?? messages;
    return { files, kept, configs, messages, locale };
}

/** A check's report, with the workspace it was computed on (`--fix` reads the documents and their diagnostics). */
export interface CheckRun {
    readonly report: CheckReport;
    readonly workspace: Workspace;
    /** The contract read on the standard input, with `-`. */
    readonly stdin?: StdinContract;
}

/**
 * Checks `paths`. `texts` replaces the content of files (absolute paths) as read from the disk (`--fix` checks its
 * fixed texts); `stdin` is the standard input already read, when it was.
 */
export async function buildCheck(paths: readonly string[], options: Pick<CheckOptions, 'lang' | 'config' | 'quiet' | 'output' | 'stdinFilename' | 'lawDate'>, io: Pick<CommandIO, 'cwd' | 'stderr' | 'locale' | 'stdin'>,
    texts?: ReadonlyMap<string, string>, stdinInput?: StdinContract): Promise<CheckRun> {
    const stdin = stdinInput ?? (usesStdin(paths, options.stdinFilename) ? await readStdinContract(io, options.stdinFilename) : undefined);
    const { kept, configs, messages, locale } = await prepareCheck(paths, options, io, stdin);
    const services = createServices();
    const settings = services.Cpom.cpom.Settings;
    settings.forcedLocale = options.lang;
    settings.lawDate = options.lawDate;
    settings.locale = messages; // for contracts whose configuration does not say
    settings.setConfigResolver(uri => configs.forFile(uri.fsPath));
    const source = texts && texts.size > 0 ? diskWith(texts, stdin) : stdin && stdinSource(stdin);
    const workspace = await loadWorkspace(services, kept, message => io.stderr(`cpom: note: ${message[messages]}\n`), source);
    const reports = workspace.files.filter(f => f.requested).map(f => ({
        path: f.path === stdin?.path ? stdin.shown : path.relative(io.cwd, f.path).split(path.sep).join('/') || path.basename(f.path),
        absolutePath: f.path,
        text: f.text,
        diagnostics: sortDiagnostics(diagnosticsOf(f).map(toReported).filter(d => !options.quiet || d.severity === 'error')),
    }));
    return { report: makeReport(locale, reports), workspace, stdin };
}

/** When the check ran (JUnit's timestamp and time). */
export interface CheckTiming {
    readonly startedAt: Date;
    readonly durationMs: number;
}

/** A machine-readable report as one text. */
export function render(report: CheckReport, options: CheckOptions, io: CommandIO, timing: CheckTiming = { startedAt: new Date(), durationMs: 0 }): string {
    switch (options.format) {
        case 'human': return [...humanReport(report, { color: options.color && !options.output })].join('');
        case 'json': return formatJson(report, io.version);
        case 'sarif': return formatSarif(report, { toolVersion: io.version, helpUri: rulePageUri, informationUri: HOMEPAGE, cwd: io.cwd });
        case 'github': return formatGithub(report);
        case 'junit': return formatJunit(report, timing);
        case 'codequality': return formatCodeQuality(report);
    }
}

/** Pieces of about this size are written at once: the report is never held whole in memory. */
const WRITE_SIZE = 1 << 16;

/** Writes the report, piece by piece, to the standard output or atomically to the file of `--output`. */
export function writeCheckReport(report: CheckReport, options: CheckOptions, io: CommandIO, timing: CheckTiming = { startedAt: new Date(), durationMs: 0 }): void {
    const pieces = options.format === 'human' ? humanReport(report, { color: options.color && !options.output }) : [render(report, options, io, timing)];
    const out = options.output ? new AtomicFile(path.resolve(io.cwd, options.output), options.output) : undefined;
    const write = out ? (text: string) => out.write(text) : io.stdout;
    try {
        let pending = '';
        for (const piece of pieces) {
            pending += piece;
            if (pending.length >= WRITE_SIZE) {
                write(pending);
                pending = '';
            }
        }
        if (pending) write(pending);
        out?.commit();
    } catch (error) {
        out?.abort();
        throw error;
    }
}

export function exitCodeOf(report: CheckReport, maxWarnings: number | undefined): number {
    if (report.errorCount > 0) return 1;
    if (maxWarnings !== undefined && maxWarnings >= 0 && report.warningCount > maxWarnings) return 1;
    return 0;
}

export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIO): Promise<number> {
    let report: CheckReport;
    const startedAt = new Date();
    const start = performance.now();
    try {
        report = await buildReport(paths, options, io);
        writeCheckReport(report, options, io, { startedAt, durationMs: performance.now() - start });
    } catch (error) {
        return reportFailure(error, io, options.lang ?? io.locale ?? 'fr');
    }
    const code = exitCodeOf(report, options.maxWarnings);
    if (code === 1 && report.errorCount === 0 && options.format === 'human') {
        io.stderr(report.locale === 'fr'
            ? `cpom: trop d'avertissements (${report.warningCount}, maximum ${options.maxWarnings}).\n`
            : `cpom: too many warnings (${report.warningCount}, maximum ${options.maxWarnings}).\n`);
    }
    return code;
}
