/**
 * `file:line:col severity code message`, with an excerpt of the source line and a caret under the problem.
 *
 * The report is produced piece by piece (one per diagnostic) so that it can be written as it goes. Its size stays in
 * proportion to the number of problems, whatever the length of the lines: an excerpt is cut to EXCERPT_RADIUS
 * columns around the problem (… marks a cut), and after MAX_PER_LINE problems on one line the others are counted,
 * not shown. User text is shown with its control characters made visible (terminal-text.ts).
 */
import type { CheckReport, FileReport, ReportedDiagnostic } from '../report.js';
import { textWidth, visibleText } from '../terminal-text.js';

export interface HumanOptions {
    readonly color: boolean;
}

/** Columns of source shown on each side of a problem. */
export const EXCERPT_RADIUS = 60;
/** Problems shown for one line; the others are counted. */
export const MAX_PER_LINE = 20;

const SEVERITY_WORDS = {
    fr: { error: 'erreur', warning: 'avertissement', info: 'info' },
    en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

function paint(text: string, color: string, options: HumanOptions): string {
    return options.color ? `${color}${text}${COLORS.reset}` : text;
}

/** The lines of a text, split where the parser counts lines: CR LF, LF, or a lone CR. */
class SourceLines {
    private readonly starts: number[] = [0];
    private readonly ends: number[] = [];

    constructor(private readonly text: string) {
        const breaks = /\r\n|\r|\n/g;
        let match: RegExpExecArray | null;
        while ((match = breaks.exec(text)) !== null) {
            this.ends.push(match.index);
            this.starts.push(match.index + match[0].length);
        }
        this.ends.push(text.length);
    }

    /** Line `n` (1-based) without its line break, or undefined past the end. */
    line(n: number): string | undefined {
        return n >= 1 && n <= this.starts.length ? this.text.slice(this.starts[n - 1], this.ends[n - 1]) : undefined;
    }
}

function isLowSurrogate(code: number): boolean {
    return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The part of `source` around `column` (1-based, UTF-16 units as the parser counts) as shown, and the caret line under
 * it, from `column` to `endColumn` (undefined: the problem goes on past this line). Tabs are shown as one space,
 * control characters as visible symbols; wide characters take two columns of caret.
 */
export function excerpt(source: string, column: number, endColumn: number | undefined): { text: string; pad: string; caret: string } {
    const start = Math.min(Math.max(0, column - 1), source.length);
    let from = Math.max(0, start - EXCERPT_RADIUS);
    let to = Math.min(source.length, start + 1 + EXCERPT_RADIUS);
    if (from > 0 && isLowSurrogate(source.charCodeAt(from))) from--;
    if (to < source.length && isLowSurrogate(source.charCodeAt(to))) to++;
    const end = Math.min(to, endColumn === undefined ? source.length : Math.max(endColumn - 1, start + 1));
    let text = from > 0 ? '…' : '';
    let pad = textWidth(text);
    let width = 0;
    for (let i = from; i < to;) {
        const char = String.fromCodePoint(source.codePointAt(i)!);
        const piece = char === '\t' ? ' ' : visibleText(char, '');
        const columns = textWidth(piece);
        if (i < start) pad += columns;
        else if (i < end) width += columns;
        text += piece;
        i += char.length;
    }
    if (to < source.length) text += '…';
    return { text, pad: ' '.repeat(pad), caret: '^'.repeat(Math.max(1, width)) };
}

function excerptLines(lines: SourceLines, d: ReportedDiagnostic, options: HumanOptions): string[] {
    const source = lines.line(d.line);
    if (source === undefined) return [];
    const { text, pad, caret } = excerpt(source, d.column, d.endLine === d.line ? d.endColumn : undefined);
    return [
        paint(`${String(d.line).padStart(5)} | `, COLORS.dim, options) + text,
        paint(`${' '.repeat(5)} | `, COLORS.dim, options) + pad + paint(caret, COLORS[d.severity], options),
    ];
}

function hiddenOnLine(count: number, line: number, locale: CheckReport['locale']): string {
    return locale === 'fr'
        ? `… ${count} autre${count > 1 ? 's' : ''} problème${count > 1 ? 's' : ''} sur la ligne ${line}, non affiché${count > 1 ? 's' : ''} (--format json les donne tous)\n\n`
        : `… ${count} more problem${count > 1 ? 's' : ''} on line ${line}, not shown (--format json gives them all)\n\n`;
}

function* fileChunks(file: FileReport, report: CheckReport, options: HumanOptions): Generator<string> {
    const words = SEVERITY_WORDS[report.locale];
    const lines = new SourceLines(file.text);
    const shownPath = visibleText(file.path, '');
    let line = 0;
    let onLine = 0;
    for (const d of file.diagnostics) {
        if (d.line !== line) {
            if (onLine > MAX_PER_LINE) yield hiddenOnLine(onLine - MAX_PER_LINE, line, report.locale);
            line = d.line;
            onLine = 0;
        }
        if (++onLine > MAX_PER_LINE) continue;
        const head = `${paint(`${shownPath}:${d.line}:${d.column}`, COLORS.bold, options)} ${paint(words[d.severity], COLORS[d.severity], options)} ${d.code} ${visibleText(d.message, '')}`;
        yield [head, ...excerptLines(lines, d, options), ''].join('\n') + '\n';
    }
    if (onLine > MAX_PER_LINE) yield hiddenOnLine(onLine - MAX_PER_LINE, line, report.locale);
}

/** The report piece by piece: one piece per diagnostic shown, then the summary. */
export function* humanReport(report: CheckReport, options: HumanOptions): Generator<string> {
    for (const file of report.files) yield* fileChunks(file, report, options);
    yield summary(report) + '\n';
}

export function formatHuman(report: CheckReport, options: HumanOptions): string {
    return [...humanReport(report, options)].join('');
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
