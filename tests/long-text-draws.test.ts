/**
 * A long text drawn many times is converted once, and the work on it does not grow with how many times it is drawn
 * or how many lines it has (fuzz seed 20261203: a gestionnaire's name of 4 million line breaks froze the HTML, a
 * text of 3 million spaces the Markdown, and the quick fixes of a text of 2 million "é" froze the code actions).
 * The measures are deterministic: how many times a regular expression runs over the long text
 * (`RegExp.prototype.exec`, which `test`, `search`, `match` and `replace` call when it is replaced), and how many
 * lines are trimmed. No time is asserted.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { buildContractDocument, renderDocx, renderHtml, renderMarkdown } from '@cpom/generator';
import { runsXml } from '../packages/generator/src/render/docx-xml.js';
import { measure } from '../packages/generator/src/render/docx-columns.js';
import { withContracts } from './every-output.js';
import { ROOT } from './helpers.js';
import { lspServices } from './lsp-services.js';

const LENGTH = 200_000;
/** Regular expression runs over a long text to convert it once, by format. */
const ONE_CONVERSION: Record<string, number> = { HTML: 3, Markdown: 3, DOCX: 5 };

/** Calls `use` and counts the regular expression runs over a text of at least `LENGTH` characters, by text. */
async function execsOnLongTexts(use: () => unknown): Promise<Map<string, number>> {
    const runs = new Map<string, number>();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its `this`
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, text: string) {
        if (typeof text === 'string' && text.length >= LENGTH) runs.set(text, (runs.get(text) ?? 0) + 1);
        return exec.call(this, text);
    };
    try {
        await use();
    } finally {
        RegExp.prototype.exec = exec;
    }
    return runs;
}

describe('a long name drawn many times', () => {
    // The gestionnaire is named on the title page, in the clauses, the signatures and the annexes.
    const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
    const name = /gestionnaire \w+ "([^"]*)"/.exec(base)![1]!;
    const hostile = base.replace(`"${name}"`, `"${name} ${'\n'.repeat(LENGTH)}fin : ${'\n'.repeat(LENGTH)}fin"`);

    it.each(['HTML', 'Markdown', 'DOCX'])('%s: each long text is spaced and escaped once, however often it is drawn', async (format) => {
        await withContracts(new Map([['c.cpom', hostile]]), 'c.cpom', async ([parsed]) => {
            const document = buildContractDocument(parsed.contract, parsed.avenants);
            const draw = () => (format === 'HTML' ? renderHtml(document) : format === 'Markdown' ? renderMarkdown(document) : renderDocx(document));
            const runs = await execsOnLongTexts(draw);
            expect(runs.size).toBeGreaterThan(0);
            // One draw's worth: French spacing (a search, and one more per spaced sign), escaping (one), and in Word the
            // blank lines and forbidden characters. Each draw looked again: 4 in HTML, 20 in Word before.
            expect(Math.max(...runs.values())).toBeLessThanOrEqual(ONE_CONVERSION[format]!);
        });
    }, 120_000);

    it('DOCX: a text of many line breaks is not cut into lines and trimmed one by one', () => {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its `this`
        const trim = String.prototype.trim;
        let trimmed = 0;
        String.prototype.trim = function (this: string) {
            trimmed++;
            return trim.call(this);
        };
        try {
            const xml = runsXml(`a${'\n'.repeat(LENGTH)}b \n \n\nc`);
            // The blank lines in a row are one: a, a blank line, b, a blank line, c.
            expect(xml.match(/<w:t xml:space="preserve">[^<]*<\/w:t>/g)).toEqual(['a', '', 'b ', ' ', 'c'].map(t => `<w:t xml:space="preserve">${t}</w:t>`));
        } finally {
            String.prototype.trim = trim;
        }
        expect(trimmed).toBeLessThan(10);
    });
});

describe('a Word table of many rows', () => {
    it('is drawn without spreading its rows into one call (the call stack overflowed past some 100,000)', async () => {
        const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
        await withContracts(new Map([['c.cpom', base]]), 'c.cpom', async ([parsed]) => {
            const document = buildContractDocument(parsed.contract, parsed.avenants);
            const rows = Array.from({ length: LENGTH }, (_, i) => [`x${i}`, '1']);
            const [first, ...rest] = document.body;
            const big = { ...first!, blocks: [...first!.blocks, { kind: 'table' as const, caption: 'Répartition', columns: [{ label: 'Établissement' }, { label: 'Montant', align: 'right' as const }], rows }] };
            const bytes = await renderDocx({ ...document, body: [big, ...rest] });
            expect(bytes.length).toBeGreaterThan(0);
        });
    }, 120_000);
});

describe('a Word table\'s long text of characters past U+2000', () => {
    it('is measured from a table of widths, not by a regular expression per character', () => {
        // Each character past the first 8,192 code units was tested against six expressions: 80 ms on a table of
        // 4 million characters (fuzz seed 20261203, input 30412). Counts the expression runs, not the time.
        // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its `this`
        const exec = RegExp.prototype.exec;
        let runs = 0;
        RegExp.prototype.exec = function (this: RegExp, text: string) {
            runs++;
            return exec.call(this, text);
        };
        let measured: ReturnType<typeof measure>;
        try {
            measured = measure(`${'\u2030'.repeat(LENGTH)} 😀\uD800`);
        } finally {
            RegExp.prototype.exec = exec;
        }
        // Each of the four code units' width is worked out once (six expressions at most), then read: 1.2 million before.
        expect(runs).toBeLessThanOrEqual(4 * 6);
        expect(measured.whole).toBeCloseTo(0.62 * (LENGTH + 2) + 0.318, 6);
        expect(measured.longestWord).toBeCloseTo(0.62 * LENGTH, 6);
    });
});

describe('the quick fixes of a long text', () => {
    it('CPOM002: the text is read for its spelling once, not once per diagnostic', async () => {
        const services = lspServices();
        const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
        // Establishments named nowhere (each a CPOM002 whose fix declares it) and a long run of "é" in a text.
        const text = base
            .replace(/etablissements ESAT_LYON, ESAT_VALENCE/, `etablissements ${Array.from({ length: 20 }, (_, i) => `ESAT_X${i}`).join(', ')}`)
            .replace('"', `"${'é'.repeat(LENGTH)}`);
        const document = await parseDocument(services, text);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = (document.diagnostics ?? []).filter(d => (d.data as { code?: string } | undefined)?.code === 'CPOM002');
        expect(diagnostics.length).toBeGreaterThanOrEqual(20);
        const ask = (count: number) => execsOnLongTexts(() => services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) },
            context: { diagnostics: diagnostics.slice(0, count) },
        }));
        const all = await ask(diagnostics.length);
        const whole = [...all.values()].reduce((a, b) => a + b, 0);
        // Each fix searched the whole text twice, twice; now the first request reads it, the next ones not at all.
        expect(whole).toBeLessThan(20);
        expect([...(await ask(diagnostics.length)).values()].reduce((a, b) => a + b, 0)).toBe(0);
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }, 120_000);
});
