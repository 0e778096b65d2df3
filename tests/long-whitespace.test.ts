/**
 * Long runs of white space (or digits) in the user's text never freeze a renderer: a valid contract whose every
 * string — title, names, labels, diagnostic texts, préambule, descriptions, actions, addresses — holds runs of
 * 100,000 spaces, tabs, line breaks, mixed white space or digits goes through every output (contract document in
 * HTML, Markdown and DOCX, JSON export, diff text and Markdown both ways, avenant) and the server's preview.
 *
 * Each regular expression applied to user text must be linear: French spacing and the Markdown line joining used to
 * rescan a run from each of its characters (84 s for the Markdown of a title of 30,000 spaces). The bound below is
 * generous: the fixed code takes a few seconds for all the outputs of a kind, the old one hours.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContractDocument, type CpomJson, exportContract, renderDocx, renderHtml, renderMarkdown } from '@cpom/generator';
import { diffContracts, formatDiffMarkdown, formatDiffText } from '@cpom/diff';
import { createCpomLspServices } from '../packages/language/src/lsp/index.js';
import { preview } from '../packages/server/src/index.js';
import { everyOutput, withContracts } from './every-output.js';
import { ROOT } from './helpers.js';

const LENGTH = 100_000;
const RUNS: Record<string, string> = {
    spaces: ' '.repeat(LENGTH),
    tabs: '\t'.repeat(LENGTH),
    'line breaks': '\n'.repeat(LENGTH),
    'mixed white space': ' \t\r\n\u00A0'.repeat(LENGTH / 5),
    digits: '1'.repeat(LENGTH),
};

/** The clean base contract with a préambule, a description and an address, so that every kind of text is there. */
function baseText(): string {
    let text = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
    const insert = (after: string, line: string) => {
        expect(text).toContain(after);
        text = text.replace(after, `${after}\n${line}`);
    };
    insert('    departements 69, 26', '    préambule "Le présent contrat associe les parties."');
    insert('        statut association', '        adresse "Lyon (Rhône)"');
    insert('            etablissements ESAT_LYON, ESAT_VALENCE', '            description "Conventions avec les secteurs de psychiatrie."');
    return text;
}

/** Every string of the text with the run inside it, between words (where the old expressions backtracked). */
function withRuns(text: string, run: string): string {
    return text.replace(/"((?:\\.|[^"\\])*)"/g, (_, content: string) => `"${content} ${run}x${run}: fin"`);
}

/** The base contract's export, the other version of every diff and avenant: parsed once for the file. */
let baseExport: Promise<CpomJson> | undefined;
const originalExport = () => baseExport ??= withContracts(new Map([['c.cpom', baseText()]]), 'c.cpom', async ([c]) => exportContract(c.contract, c.avenants));

describe('long runs of white space in every text', () => {
    const base = baseText();
    // The server's services, made once for the cases (each previews its own document, then removes it).
    const services = createCpomLspServices(EmptyFileSystem);
    beforeAll(() => services.shared.workspace.WorkspaceManager.initializeWorkspace([]));

    it.each(Object.keys(RUNS))('%s: every output and the preview finish within the bound', async (kind) => {
        const hostile = withRuns(base, RUNS[kind]);
        const original = await originalExport();
        // A substantive change too (capacity), so that an avenant is drafted with the long texts in it.
        const amended = hostile.replace('capacite 120 places', 'capacite 125 places');
        await withContracts(new Map([['c.cpom', amended]]), 'c.cpom', async ([parsed], document) => {
            expect(document.parseResult.parserErrors).toEqual([]);
            expect(parsed.contract.title.length).toBeGreaterThan(2 * LENGTH);
            const outputs = await everyOutput(parsed, original);
            expect(outputs.map(o => o.name)).toEqual(expect.arrayContaining(['HTML', 'Markdown', 'DOCX', 'JSON', 'avenant (other → this) Markdown']));
            // The long texts reached the outputs that keep them as typed.
            for (const name of ['JSON', 'diff (other → this) JSON']) expect(outputs.find(o => o.name === name)!.text.length).toBeGreaterThan(LENGTH);
        });
        // The server's preview: built and validated as the server does.
        const uri = URI.parse(`file:///long-whitespace/${encodeURIComponent(kind)}/c.cpom`);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(amended, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
            const shown = await preview(services, { uri: uri.toString() });
            expect(shown.html?.length ?? 0).toBeGreaterThan(LENGTH);
        } finally {
            await services.shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }, 30_000);
});

/**
 * Long runs of the characters an output escapes (Markdown's specials, HTML's and XML's, autolinks) and of words on
 * many lines: the renderers and the text diff rewrite a text in one pass (render/text-writer.ts). A regular
 * expression replace per kind of special cost a few hundred nanoseconds per match: the Markdown of a name of 1.7
 * million backslashes took 4 s, the text diff of 1.5 million words on lines of their own 3 s (fuzz seed 20261202).
 * The measure is deterministic: how many times a regular expression matches (`RegExp.prototype.exec`, which
 * `replace`, `match` and `test` call once per match when it is replaced) must not grow with the length of the runs.
 */
describe('long runs of escaped characters', () => {
    const base = baseText();
    const SPECIAL_RUNS: Record<string, string> = {
        backslashes: '\\\\', 'Markdown specials': '*_`#|~$[]', 'HTML specials': '<&>\'', autolinks: 'www.a@b://', 'words on lines': 'x\n',
    };

    /** The first `count` strings of the text (the title, the préambule, the gestionnaire's name) with the run in them. */
    function withRunsInFirst(text: string, run: string, count: number): string {
        let left = count;
        return text.replace(/"((?:\\.|[^"\\])*)"/g, (all, content: string) => (left-- > 0 ? `"${content} ${run}x${run}: fin"` : all));
    }

    /** Regular expression matches while rendering the contract with runs of `length` characters and diffing it. */
    async function matchesWith(unit: string, length: number): Promise<number> {
        const original = await originalExport();
        const hostile = withRunsInFirst(base, unit.repeat(Math.ceil(length / unit.length)), 3);
        return withContracts(new Map([['c.cpom', hostile]]), 'c.cpom', async ([parsed], document) => {
            expect(document.parseResult.parserErrors).toEqual([]);
            const contractDocument = buildContractDocument(parsed.contract, parsed.avenants);
            const json = exportContract(parsed.contract, parsed.avenants);
            const diffs = [diffContracts(original, json), diffContracts(json, original)];
            // Counted, not recorded (a spy would keep millions of arguments): the old code matched per character.
            // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its `this`
            const exec = RegExp.prototype.exec;
            let matches = 0;
            RegExp.prototype.exec = function (this: RegExp, text: string) {
                matches++;
                return exec.call(this, text);
            };
            try {
                const rendered = [renderMarkdown(contractDocument), renderHtml(contractDocument)];
                // The DOCX writes each line as a run of its own (one escape per line, as many as there are lines).
                if (!unit.includes('\n')) await renderDocx(contractDocument);
                const diffTexts = diffs.flatMap(diff => [formatDiffText(diff), formatDiffMarkdown(diff)]);
                expect(rendered.every(r => r.length > length)).toBe(true);
                expect(diffTexts.join('').length).toBeGreaterThan(length);
                return matches;
            } finally {
                RegExp.prototype.exec = exec;
            }
        });
    }

    it.each(Object.keys(SPECIAL_RUNS))('%s: the Markdown, HTML, DOCX and the text diff do not match a pattern per character', async (kind) => {
        // Runs long enough that the diff shows the texts whole (MAX_WORD_DIFF_CHARACTERS): below, jsdiff matches per word.
        const small = await matchesWith(SPECIAL_RUNS[kind], 120_000);
        // 120,000 more characters per run: the old code matched millions more times, the new a few dozen at most
        // (texts under the Markdown renderer's cache length are escaped at each draw).
        expect(Math.abs(await matchesWith(SPECIAL_RUNS[kind], 240_000) - small)).toBeLessThan(1_000);
    }, 120_000);
});
