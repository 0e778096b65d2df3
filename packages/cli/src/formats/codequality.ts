/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): a JSON array of issues that GitLab shows
 * in merge requests when a job declares it as `artifacts:reports:codequality`.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'node:crypto';
import type { Severity } from '@cpom/language';
import type { CheckReport } from '../report.js';

/** Code Quality severities: info, minor, major, critical, blocker. Errors break the contract's legality: critical. */
const SEVERITIES: Record<Severity, string> = { error: 'critical', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
    readonly description: string;
    readonly check_name: string;
    readonly fingerprint: string;
    readonly severity: string;
    readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function formatCodeQuality(report: CheckReport): string {
    const issues: CodeQualityIssue[] = [];
    for (const file of report.files) {
        // The fingerprint identifies an issue across commits: file, rule and message, not the line (which moves
        // when lines are added above). Identical issues in one file are told apart by their rank.
        const seen = new Map<string, number>();
        for (const d of file.diagnostics) {
            const key = `${file.path}\0${d.code}\0${d.message}`;
            const rank = seen.get(key) ?? 0;
            seen.set(key, rank + 1);
            issues.push({
                description: `${d.code} ${d.message}`,
                check_name: d.name,
                fingerprint: createHash('sha256').update(`${key}\0${rank}`).digest('hex').slice(0, 32),
                severity: SEVERITIES[d.severity],
                location: { path: file.path, lines: { begin: d.line, end: d.endLine } },
            });
        }
    }
    return JSON.stringify(issues, null, 2) + '\n';
}
