/** The result of `cpom check`, independent of its output format. Lines and columns are 1-based. */
import { getRule, type Locale, type Severity } from '@cpom/language';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface ReportedDiagnostic {
    readonly code: string;
    readonly name: string;
    readonly severity: Severity;
    readonly message: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

export interface FileReport {
    /** Path as shown to the user: relative to the working directory, with forward slashes. */
    readonly path: string;
    readonly absolutePath: string;
    /** The file's text, to quote the lines of its diagnostics (a batch leaves it empty for a file without any). */
    readonly text: string;
    readonly diagnostics: ReportedDiagnostic[];
}

export interface CheckReport {
    readonly locale: Locale;
    readonly files: FileReport[];
    readonly errorCount: number;
    readonly warningCount: number;
    readonly infoCount: number;
}

const SEVERITY_BY_LSP: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

export function toReported(diagnostic: Diagnostic): ReportedDiagnostic {
    const code = String(diagnostic.code ?? 'CPOM001');
    return {
        code,
        name: getRule(code)?.name ?? code,
        severity: SEVERITY_BY_LSP[diagnostic.severity ?? 1],
        message: diagnostic.message,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
    };
}

export function sortDiagnostics(list: ReportedDiagnostic[]): ReportedDiagnostic[] {
    return list.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

export function makeReport(locale: Locale, files: FileReport[]): CheckReport {
    const all = files.flatMap(f => f.diagnostics);
    return {
        locale,
        files,
        errorCount: all.filter(d => d.severity === 'error').length,
        warningCount: all.filter(d => d.severity === 'warning').length,
        infoCount: all.filter(d => d.severity === 'info').length,
    };
}
