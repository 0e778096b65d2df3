/** `cpom check`: validate contracts and report in the chosen format; the exit code tells the pipeline. */
import * as path from 'node:path';
import { ConfigError, type Locale } from '@cpom/language';
import { ConfigFiles } from '@cpom/language/node';
import { expandPaths, UsageError } from './files.js';
import { formatCodeQuality } from './formats/codequality.js';
import { formatGithub } from './formats/github.js';
import { formatHuman } from './formats/human.js';
import { formatJson } from './formats/json.js';
import { formatJunit } from './formats/junit.js';
import { formatSarif } from './formats/sarif.js';
import { RULES_BASE_URI } from './install-paths.js';
import { writeFileAtomic } from './output.js';
import { type CheckReport, makeReport, sortDiagnostics, toReported } from './report.js';
import { createServices, diagnosticsOf, loadWorkspace } from './workspace.js';

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
}

export interface CommandIO {
    readonly cwd: string;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly version: string;
}


export async function buildReport(paths: readonly string[], options: Pick<CheckOptions, 'lang' | 'config' | 'quiet' | 'output'>, io: Pick<CommandIO, 'cwd' | 'stderr'>): Promise<CheckReport> {
    const files = await expandPaths(paths, io.cwd);
    if (files.length === 0) {
        throw new UsageError(`no .cpom contract found in ${paths.map(p => `'${p}'`).join(', ')}`);
    }
    if (options.output) {
        const output = path.resolve(io.cwd, options.output);
        if (output.endsWith('.cpom') || files.includes(output)) {
            throw new UsageError(`refusing to write the report over a contract: '${options.output}'`);
        }
    }
    const configs = new ConfigFiles(options.config ? path.resolve(io.cwd, options.config) : undefined);
    for (const file of files) {
        configs.forFile(file); // reports a bad config before any work
    }
    const services = createServices();
    const settings = services.Cpom.cpom.Settings;
    settings.forcedLocale = options.lang;
    settings.setConfigResolver(uri => configs.forFile(uri.fsPath));
    const workspace = await loadWorkspace(services, files, message => io.stderr(`cpom: note: ${message}\n`));
    const reports = workspace.files.filter(f => f.requested).map(f => ({
        path: path.relative(io.cwd, f.path).split(path.sep).join('/') || path.basename(f.path),
        absolutePath: f.path,
        text: f.text,
        diagnostics: sortDiagnostics(diagnosticsOf(f).map(toReported).filter(d => !options.quiet || d.severity === 'error')),
    }));
    const locale = options.lang ?? (files.length > 0 ? configs.forFile(files[0]).lang : undefined) ?? 'fr';
    return makeReport(locale, reports);
}

export function render(report: CheckReport, options: CheckOptions, io: CommandIO): string {
    switch (options.format) {
        case 'human': return formatHumanReport(report, options);
        case 'json': return formatJson(report, io.version);
        case 'sarif': return formatSarif(report, { toolVersion: io.version, rulesBaseUri: RULES_BASE_URI, cwd: io.cwd });
        case 'github': return formatGithub(report);
        case 'junit': return formatJunit(report);
        case 'codequality': return formatCodeQuality(report);
    }
}

function formatHumanReport(report: CheckReport, options: CheckOptions): string {
    return formatHuman(report, { color: options.color && !options.output });
}

export function exitCodeOf(report: CheckReport, maxWarnings: number | undefined): number {
    if (report.errorCount > 0) return 1;
    if (maxWarnings !== undefined && maxWarnings >= 0 && report.warningCount > maxWarnings) return 1;
    return 0;
}

export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIO): Promise<number> {
    let report: CheckReport;
    try {
        report = await buildReport(paths, options, io);
    } catch (error) {
        if (error instanceof UsageError || error instanceof ConfigError) {
            io.stderr(`cpom: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
    const text = render(report, options, io);
    if (options.output) {
        writeFileAtomic(path.resolve(io.cwd, options.output), text);
    } else {
        io.stdout(text);
    }
    const code = exitCodeOf(report, options.maxWarnings);
    if (code === 1 && report.errorCount === 0 && options.format === 'human') {
        io.stderr(report.locale === 'fr'
            ? `cpom: trop d'avertissements (${report.warningCount}, maximum ${options.maxWarnings}).\n`
            : `cpom: too many warnings (${report.warningCount}, maximum ${options.maxWarnings}).\n`);
    }
    return code;
}
