/** GitHub Actions workflow commands: annotations on the pull request's files. */
import type { CheckReport } from '../report.js';
import { visibleText } from '../terminal-text.js';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** User text in a workflow command: control characters made visible (the log is a terminal), then GitHub's escapes. */
function escapeData(text: string): string {
    return visibleText(text, '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
    const lines: string[] = [];
    for (const file of report.files) {
        for (const d of file.diagnostics) {
            const props = [
                `file=${escapeProperty(file.path)}`, `line=${d.line}`, `col=${d.column}`,
                `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(`${d.code} ${d.name}`)}`,
            ];
            lines.push(`::${COMMANDS[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
        }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
