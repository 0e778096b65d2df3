/** JUnit XML: one suite per file, one failing test case per diagnostic (as ESLint's junit formatter). */
import type { CheckReport } from '../report.js';
import { visibleText } from '../terminal-text.js';

/**
 * Text as XML character data or attribute value. XML 1.0 forbids most control characters and U+FFFE/U+FFFF even
 * escaped: they are shown as the terminal shows them (␛, \uffff); a lone surrogate is not a character either.
 */
export function escapeXml(text: string): string {
    return visibleText(text, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function formatJunit(report: CheckReport): string {
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const total = report.files.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
    const failures = report.errorCount + report.warningCount + report.infoCount;
    out.push(`<testsuites name="cpom" tests="${total}" failures="${failures}">`);
    for (const file of report.files) {
        const path = escapeXml(file.path);
        out.push(`  <testsuite name="${path}" tests="${Math.max(1, file.diagnostics.length)}" failures="${file.diagnostics.length}" errors="0">`);
        if (file.diagnostics.length === 0) {
            out.push(`    <testcase name="cpom check" classname="${path}"/>`);
        }
        for (const d of file.diagnostics) {
            out.push(`    <testcase name="${escapeXml(`${d.code} ${d.name} (${d.line}:${d.column})`)}" classname="${path}">`);
            out.push(`      <failure message="${escapeXml(d.message)}" type="${d.severity}">${escapeXml(`${d.severity} ${d.code} at ${file.path}:${d.line}:${d.column}: ${d.message}`)}</failure>`);
            out.push('    </testcase>');
        }
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}
