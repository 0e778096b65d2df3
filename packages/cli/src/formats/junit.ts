/**
 * JUnit XML, as Jenkins, GitLab and Azure read it (the Ant / Jenkins `junit-10.xsd` shape): one suite per file,
 * one test case per diagnostic. Errors and warnings are failures; an info is a passing test case whose message is
 * in its `<system-out>` (it asks nothing of the author). A file without diagnostics is one passing test case.
 *
 * The suites carry what the schemas require: `timestamp` (the start of the check, UTC, written without a time zone
 * as Ant does), `hostname`, `time`. The files are checked together as one workspace, so the time of the whole run
 * is on `<testsuites>` and each suite and test case says 0.
 */
import { hostname } from 'node:os';
import type { CheckReport, ReportedDiagnostic } from '../report.js';
import { visibleText } from '../terminal-text.js';

export interface JunitOptions {
    /** When the check started. */
    readonly startedAt: Date;
    /** How long the check took, in milliseconds. */
    readonly durationMs: number;
    /** The machine's name (default: the host's). */
    readonly hostname?: string;
}

/**
 * Text as XML character data or attribute value. XML 1.0 forbids most control characters and U+FFFE/U+FFFF even
 * escaped: they are shown as the terminal shows them (␛, \uffff); a lone surrogate is not a character either.
 */
export function escapeXml(text: string): string {
    return visibleText(text, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `2026-12-02T09:30:00`: ISO 8601 in UTC without fractions or zone (the pattern of Ant's schema). */
function timestamp(date: Date): string {
    return date.toISOString().slice(0, 19);
}

function seconds(ms: number): string {
    return (Math.max(0, ms) / 1000).toFixed(3);
}

function isFailure(d: ReportedDiagnostic): boolean {
    return d.severity !== 'info';
}

export function formatJunit(report: CheckReport, options: JunitOptions): string {
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const host = escapeXml(options.hostname ?? hostname());
    const total = report.files.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
    const failures = report.errorCount + report.warningCount;
    out.push(`<testsuites name="cpom" tests="${total}" failures="${failures}" errors="0" skipped="0" time="${seconds(options.durationMs)}">`);
    report.files.forEach((file, id) => {
        const path = escapeXml(file.path);
        const fileFailures = file.diagnostics.filter(isFailure).length;
        out.push(`  <testsuite name="${path}" tests="${Math.max(1, file.diagnostics.length)}" failures="${fileFailures}" errors="0" skipped="0" `
            + `timestamp="${timestamp(options.startedAt)}" time="0" hostname="${host}" id="${id}" package="cpom">`);
        if (file.diagnostics.length === 0) {
            out.push(`    <testcase name="cpom check" classname="${path}" time="0"/>`);
        }
        for (const d of file.diagnostics) {
            const where = `${d.severity} ${d.code} at ${file.path}:${d.line}:${d.column}: ${d.message}`;
            out.push(`    <testcase name="${escapeXml(`${d.code} ${d.name} (${d.line}:${d.column})`)}" classname="${path}" time="0">`);
            out.push(isFailure(d)
                ? `      <failure message="${escapeXml(d.message)}" type="${d.severity}">${escapeXml(where)}</failure>`
                : `      <system-out>${escapeXml(where)}</system-out>`);
            out.push('    </testcase>');
        }
        out.push('  </testsuite>');
    });
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}
