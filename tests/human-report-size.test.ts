/**
 * The human report's cost follows the number of problems, not the size of the text times the number of problems:
 * the text is split into lines once per file (splitting it once per diagnostic took minutes, or crashed with
 * "Invalid string length", on files with thousands of problems).
 */
import { describe, expect, it } from 'vitest';
import { formatHuman, MAX_PER_LINE } from '../packages/cli/src/formats/human.js';
import { makeReport, type ReportedDiagnostic } from '../packages/cli/src/report.js';

function diagnostic(line: number, column: number): ReportedDiagnostic {
    return { code: 'CPOM041', name: 'finess-key', severity: 'error', message: 'clé fausse', line, column, endLine: line, endColumn: column + 1 };
}

describe('human report of a large file with many problems', () => {
    it('10,000 problems on one line of a 2 MB file, and 10,000 on as many lines: finishes, each shown or counted', () => {
        const lines = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(93)}`);
        lines[0] = 'y'.repeat(100_000);
        const text = lines.join('\n');
        const onOneLine = Array.from({ length: 10_000 }, (_, i) => diagnostic(1, i * 10 + 1));
        const onManyLines = Array.from({ length: 10_000 }, (_, i) => diagnostic(2 + 2 * i, 8));
        const report = makeReport('fr', [{ path: 'big.cpom', absolutePath: '/big.cpom', text, diagnostics: [...onOneLine, ...onManyLines] }]);
        const output = formatHuman(report, { color: false });
        expect(output.match(/^big\.cpom:1:/gm)).toHaveLength(MAX_PER_LINE);
        expect(output).toContain(`… ${10_000 - MAX_PER_LINE} autres problèmes sur la ligne 1, non affichés`);
        expect(output.match(/^big\.cpom:\d+:8 /gm)).toHaveLength(10_000);
        expect(output).toContain('20000 | 019999 ');
    }, 20_000);
});
