/**
 * Documents, diffs and avenants show labels and numbers, never an identifier from the source: every bundled contract
 * (seeds/, examples/) is generated in HTML, Markdown and DOCX — and in PDF where Chromium and poppler are installed —
 * and compared, both ways, with a version of itself edited here (a capacity, a target, the préambule, an
 * establishment renamed); no declared name (contract, parties, establishments, axes, objectives, indicators, funding
 * lines…) may appear in the text a reader sees. JSON outputs are data for systems and keep identifiers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';

import { exportContract } from '@cpom/generator';
import { findChromium, htmlToPdf } from '../packages/cli/src/pdf.js';
import { everyOutput, type Output, withContracts } from './every-output.js';
import { filesUnder, ROOT } from './helpers.js';

interface Bundle {
    readonly name: string;
    readonly files: Map<string, string>;
    readonly main: string;
}

/** The seed alone, each example folder as one workspace (its main file: the one declaring a contract). */
function bundles(): Bundle[] {
    const result: Bundle[] = filesUnder(path.join(ROOT, 'seeds'), '.cpom')
        .map(file => ({ name: path.basename(file), files: new Map([[path.basename(file), readFileSync(file, 'utf8')]]), main: path.basename(file) }));
    for (const folder of new Set(filesUnder(path.join(ROOT, 'examples'), '.cpom').map(f => path.dirname(f)))) {
        const files = new Map(filesUnder(folder, '.cpom').filter(f => path.dirname(f) === folder).map(f => [path.basename(f), readFileSync(f, 'utf8')]));
        const main = [...files].find(([, text]) => /^contrat\s/m.test(text))![0];
        result.push({ name: path.basename(folder), files, main });
    }
    return result;
}

/** Every name declared in the parsed files, less those a title or text of the source also contains as a word. */
function declaredNames(roots: readonly AstNode[]): string[] {
    const names = new Set<string>();
    const texts: string[] = [];
    for (const root of roots) {
        for (const node of AstUtils.streamAst(root)) {
            for (const [key, value] of Object.entries(node)) {
                if (key.startsWith('$') || typeof value !== 'string') continue;
                if (key === 'name') names.add(value);
                else texts.push(value);
            }
        }
    }
    const words = texts.join(' ');
    return [...names].filter(name => name.length > 0 && !wordPattern(name).test(words));
}

function wordPattern(name: string): RegExp {
    return new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u');
}

/** What a reader sees of an output: HTML without its head, tags and styles; DOCX runs; Markdown and text as they are. */
function readable(output: Output): string {
    if (output.name.endsWith('HTML')) {
        return output.text.slice(output.text.indexOf('<body')).replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ');
    }
    // Markdown escapes `_` (`ESAT\_LYON`): read it unescaped, as it renders.
    if (output.name.endsWith('Markdown')) return output.text.replace(/\\(.)/g, '$1');
    if (output.name.endsWith('DOCX')) return [...output.text.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join(' ');
    return output.text;
}

/** A version of a contract edited as an author would: a capacity, a target, the préambule, an establishment renamed. */
function edited(text: string): string {
    let result = text
        .replace(/(capacit[ée]\s+(?:[a-z_]+\s+)?)(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + 5}`)
        .replace(/(cibles\s+\d{4}\s*:\s*)(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + 1}`)
        .replace(/(pr[ée]ambule\s+")/, '$1Après une concertation élargie aux usagers, ');
    const establishment = /[ée]tablissement\s+([A-Za-z_][A-Za-z0-9_]*)\s+"/.exec(result)?.[1];
    if (establishment) result = result.replace(new RegExp(`\\b${establishment}\\b`, 'g'), `${establishment}_NOUVEAU`);
    return result;
}

function leaks(outputs: readonly Output[], names: readonly string[]): string[] {
    const found: string[] = [];
    for (const output of outputs.filter(o => !/JSON|metadata/.test(o.name))) {
        const text = readable(output);
        for (const name of names) {
            const match = wordPattern(name).exec(text);
            if (match) found.push(`${output.name}: ${name} in «${text.slice(Math.max(0, match.index - 40), match.index + name.length + 40).replace(/\s+/g, ' ')}»`);
        }
    }
    return found;
}

function hasPoppler(): boolean {
    try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
}

const canPrint = findChromium() !== undefined && hasPoppler();

describe('no identifier from the source in a document, a diff or an avenant', () => {
    for (const bundle of bundles()) {
        it(`${bundle.name}: HTML, Markdown, DOCX, diff and avenant both ways${canPrint ? ', PDF' : ''}`, async () => {
            const editedFiles = new Map(bundle.files);
            editedFiles.set(bundle.main, edited(bundle.files.get(bundle.main)!));
            const [other, otherNames] = await withContracts(editedFiles, bundle.main, async (contracts, document) => [
                exportContract(contracts[0]!.contract, contracts[0]!.avenants),
                declaredNames([document.parseResult.value]),
            ] as const);
            await withContracts(bundle.files, bundle.main, async (contracts, document) => {
                const roots = [document.parseResult.value, ...contracts.map(c => AstUtils.getDocument(c.contract).parseResult.value)];
                const names = [...new Set([...declaredNames(roots), ...otherNames])];
                expect(names.length).toBeGreaterThan(5);
                const outputs: Output[] = [];
                for (const parsed of contracts) outputs.push(...await everyOutput(parsed, other));
                if (canPrint) {
                    const html = outputs.find(o => o.name === 'HTML')!.text;
                    outputs.push({ name: 'PDF', text: execFileSync('pdftotext', ['-', '-'], { input: await htmlToPdf(html), encoding: 'utf8' }) });
                }
                expect(outputs.some(o => o.name.startsWith('diff'))).toBe(true);
                expect(leaks(outputs, names)).toEqual([]);
            });
        });
    }

    it('finds an identifier where one is shown (the check itself can fail)', () => {
        expect(leaks([{ name: 'Markdown', text: 'Fiche action FA01 — Titre' }], ['FA01'])).toHaveLength(1);
        expect(leaks([{ name: 'HTML', text: '<body><a href="#fiche-FA01">Fiche action n° 1</a></body>' }], ['FA01'])).toEqual([]);
    });
});


