/** Machine-readable report. `formatVersion` changes only when a field changes meaning or disappears. */
import type { CheckReport } from '../report.js';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(report: CheckReport, toolVersion: string): string {
    return JSON.stringify({
        formatVersion: JSON_FORMAT_VERSION,
        tool: { name: 'cpom', version: toolVersion },
        locale: report.locale,
        summary: {
            files: report.files.length,
            errors: report.errorCount,
            warnings: report.warningCount,
            infos: report.infoCount,
        },
        files: report.files.map(f => ({
            path: f.path,
            diagnostics: f.diagnostics.map(d => ({
                code: d.code,
                name: d.name,
                severity: d.severity,
                message: d.message,
                range: { start: { line: d.line, column: d.column }, end: { line: d.endLine, column: d.endColumn } },
            })),
        })),
    }, null, 2) + '\n';
}
