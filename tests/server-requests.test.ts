/**
 * cpom's requests beyond LSP (preview, render, diff, check the workspace) on any text: every bundled contract cut at
 * many points, with mangled bytes; each request must answer (a document or a French message), never throw.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCpomLspServices } from '../packages/language/src/lsp/index.js';
import { checkWorkspace, diff, preview, render } from '../packages/server/src/index.js';
import { filesUnder, ROOT } from './helpers.js';

const services = createCpomLspServices(EmptyFileSystem);
const contracts = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];

beforeAll(async () => {
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
});

async function load(uri: URI, text: string): Promise<void> {
    const documents = services.shared.workspace.LangiumDocuments;
    if (documents.hasDocument(uri)) await services.shared.workspace.DocumentBuilder.update([], [uri]);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    documents.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
}

/** Texts derived from a contract: prefixes, and the whole text with a run of characters replaced by noise. */
function variants(text: string): string[] {
    const out: string[] = [];
    const step = Math.ceil(text.length / 12);
    for (let cut = 0; cut < text.length; cut += step) {
        out.push(text.slice(0, cut));
        out.push(text.slice(0, cut) + ' }{ ,: «»\u0000 ' + text.slice(cut + 7));
    }
    return out;
}

describe('cpom requests on any text', () => {
    it.each(contracts.map(f => [path.relative(ROOT, f), f]))('%s: preview, render, diff answer on every variant', async (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const uri = URI.parse(`file:///requests/${path.basename(file)}`);
        for (const variant of variants(text)) {
            await load(uri, variant);
            const shown = await preview(services, { uri: uri.toString() });
            expect(shown.html !== undefined || typeof shown.message === 'string').toBe(true);
            const rendered = await render(services, { uri: uri.toString(), formats: ['html', 'md', 'json'], force: true });
            expect(rendered.files.length > 0 || rendered.refused.length > 0).toBe(true);
            const compared = await diff(services, EmptyFileSystem.fileSystemProvider, { uri: uri.toString(), oldText: text, format: 'markdown' });
            expect(typeof compared.text).toBe('string');
        }
        await load(uri, text);
        const complete = await render(services, { uri: uri.toString(), formats: ['docx'], force: true });
        if (/^contrat /m.test(text)) {
            expect(complete.refused).toEqual([]);
            expect(complete.files.map(f => f.format)).toEqual(['docx']);
        } else {
            // An avenant or a catalogue: the contract it belongs to, when that file is loaded already (catalogue
            // imported by a contract of an earlier case), else a refusal that says why.
            const outcome = complete.files.length > 0 ? complete.files.map(f => f.format) : complete.refused;
            expect([['docx'], ['Aucun contrat à générer dans ce fichier.']]).toContainEqual(outcome);
        }
    });

    it('render of a catalogue: the contracts importing it, directly or through another catalogue', async () => {
        await load(URI.parse('file:///through/socle.cpom'), 'catalogue SOCLE { }\n');
        await load(URI.parse('file:///through/relais.cpom'), 'importe “socle.cpom”\ncatalogue RELAIS { }\n');
        await load(URI.parse('file:///through/contrat.cpom'), 'importe "relais.cpom"\ncontrat CPOM_RELAIS "Contrat" { }\n');
        for (const catalogue of ['relais.cpom', 'socle.cpom']) {
            const rendered = await render(services, { uri: `file:///through/${catalogue}`, formats: ['json'], force: true });
            expect(rendered.files.map(f => f.fileName)).toEqual(['CPOM_RELAIS.json']);
        }
        await services.shared.workspace.DocumentBuilder.update([], ['socle', 'relais', 'contrat'].map(f => URI.parse(`file:///through/${f}.cpom`)));
    });

    it('checks a workspace of broken files', async () => {
        const result = await checkWorkspace(services);
        expect(result.files).toBe(contracts.length);
        expect(result.errors + result.warnings + result.infos).toBeGreaterThan(0);
    });
});
