/** `file:line:col severity code message`, with the source line and a caret under the problem. */
import type { CheckReport, FileReport, ReportedDiagnostic } from '../report.js';

export interface HumanOptions {
    readonly color: boolean;
}

const SEVERITY_WORDS = {
    fr: { error: 'erreur', warning: 'avertissement', info: 'info' },
    en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

function paint(text: string, color: string, options: HumanOptions): string {
    return options.color ? `${color}${text}${COLORS.reset}` : text;
}

function excerpt(file: FileReport, d: ReportedDiagnostic, options: HumanOptions): string[] {
    const lines = file.text.split(/\r?\n/);
    const source = lines[d.line - 1];
    if (source === undefined) return [];
    const gutter = String(d.line).padStart(5);
    const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, source.length - d.column + 1);
    const shown = source.replace(/\t/g, ' ');
    return [
        paint(`${gutter} | `, COLORS.dim, options) + shown,
        paint(`${' '.repeat(5)} | `, COLORS.dim, options) + ' '.repeat(Math.max(0, d.column - 1)) + paint('^'.repeat(Math.min(width, Math.max(1, shown.length - d.column + 1))), COLORS[d.severity], options),
    ];
}

export function formatHuman(report: CheckReport, options: HumanOptions): string {
    const words = SEVERITY_WORDS[report.locale];
    const out: string[] = [];
    for (const file of report.files) {
        for (const d of file.diagnostics) {
            out.push(`${paint(`${file.path}:${d.line}:${d.column}`, COLORS.bold, options)} ${paint(words[d.severity], COLORS[d.severity], options)} ${d.code} ${d.message}`);
            out.push(...excerpt(file, d, options));
            out.push('');
        }
    }
    out.push(summary(report));
    return out.join('\n') + '\n';
}

export function summary(report: CheckReport): string {
    const files = report.files.length;
    const { errorCount: e, warningCount: w, infoCount: i } = report;
    if (report.locale === 'fr') {
        const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
        const status = e + w === 0 ? '✔' : '✖';
        return `${status} ${plural(files, 'fichier')} vérifié${files > 1 ? 's' : ''} : ${plural(e, 'erreur')}, ${plural(w, 'avertissement')}, ${i} info${i > 1 ? 's' : ''}.`;
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const status = e + w === 0 ? '✔' : '✖';
    return `${status} ${plural(files, 'file')} checked: ${plural(e, 'error')}, ${plural(w, 'warning')}, ${i} info.`;
}
