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
            const compared = await diff(services, EmptyFileSystem.fileSystemProvider, { uri: uri.toString(), oldText: text, format: 'markdown', avenant: { number: 1 } });
            expect(typeof compared.text).toBe('string');
            expect(compared.avenantHtml !== undefined || typeof compared.avenantMessage === 'string' || compared.changes === 0).toBe(true);
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

});

describe('cpom/diff with an avenant', () => {
    const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
    const uri = 'file:///avenant/messidor.cpom';

    it('drafts the avenant of a substantive change, and says why there is none otherwise', async () => {
        await load(URI.parse(uri), SEED.replace('2016: 13, 2017: 13', '2016: 13, 2017: 15'));
        const drafted = await diff(services, EmptyFileSystem.fileSystemProvider, { uri, oldText: SEED, format: 'text', avenant: { number: 2 } });
        expect(drafted.text).toContain('13 → 15');
        expect(drafted.avenantHtml).toContain('Avenant n° 2');
        await load(URI.parse(uri), SEED);
        const none = await diff(services, EmptyFileSystem.fileSystemProvider, { uri, oldText: SEED, format: 'text', avenant: { number: 2 } });
        expect(none.avenantHtml).toBeUndefined();
        expect(none.avenantMessage).toMatch(/aucun changement de fond/i);
        await services.shared.workspace.DocumentBuilder.update([], [URI.parse(uri)]);
    });
});

describe('cpom/checkWorkspace', () => {
    const SEED = readFileSync(path.join(ROOT, 'seeds/messidor-2013.cpom'), 'utf8');
    /** Files broken in three ways, each under its own contract name, and the diagnostics each must get. */
    const BROKEN: Array<{ name: string; text: string; codes: string[] }> = [
        {
            name: 'wrong-key.cpom', // the seed has 690999016 (key 6) for ESAT_LYON_GERLAND
            text: SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_CLE').replace('finess 690999016', 'finess 690999017'),
            codes: ['CPOM014', 'CPOM041'],
        },
        {
            name: 'unknown-authority.cpom',
            text: SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_AUTORITE').replace('tarification ARS_RA', 'tarification ARS_INCONNUE'),
            codes: ['CPOM002', 'CPOM014'],
        },
        {
            name: 'syntax.cpom',
            text: SEED.replace('CPOM_MESSIDOR_2013', 'CPOM_SYNTAXE').replace('effet 2013-01-01', 'effet 2013-01-01 }}'),
            codes: ['CPOM001'],
        },
    ];

    it('validates every file with every rule and counts their diagnostics', async () => {
        const own = createCpomLspServices(EmptyFileSystem);
        await own.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const documents = BROKEN.map(({ name, text }) => {
            const document = own.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///broken/${name}`));
            own.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        const result = await checkWorkspace(own);
        expect(documents.map(d => (d.diagnostics ?? []).map(x => String(x.code)).sort())).toEqual(BROKEN.map(b => b.codes));
        const all = documents.flatMap(d => d.diagnostics ?? []);
        expect(result).toEqual({
            files: BROKEN.length,
            errors: all.filter(d => d.severity === 1).length,
            warnings: all.filter(d => d.severity === 2).length,
            infos: all.filter(d => d.severity === 3 || d.severity === 4).length,
        });
        // Which rule said what: the key, the unknown name and the syntax are errors; the seed's CPOM014 an info.
        expect(result.errors).toBe(3);
        expect(result.infos).toBe(2);
    });
});

describe('cpom/preview of a yearly follow-up file', () => {
    const FOLDER = path.join(ROOT, 'examples/ehpad-ivter');
    const at = (name: string) => URI.parse(`file:///suivi-preview/${name}`);

    it('shows the report of its year, with the other years of the contract in its charts', async () => {
        for (const name of ['cpom-ehpad-dordogne.cpom', 'suivi-2021.cpom', 'suivi-2022.cpom']) {
            await load(at(name), readFileSync(path.join(FOLDER, name), 'utf8'));
        }
        const shown = await preview(services, { uri: at('suivi-2022.cpom').toString() });
        expect(shown.kind).toBe('suivi');
        expect(shown.title).toMatch(/^Suivi 2022 — /);
        expect(shown.html).toContain('<p class="doc-kind">Rapport de suivi annuel 2022</p>');
        expect(shown.html).toMatch(/<p class="headline">6\sindicateurs atteints sur\s8\s?; modulation de 20\s584,69\s€ sur les financements de 2023\.<\/p>/);
        // The chart of the occupancy gives 2021 (the other file) and 2022.
        expect(shown.html).toMatch(/<th scope="row">2021<\/th><td class="num">[^<]*<\/td><td class="num">96,2\s%<\/td>/);
        // The contract itself still previews as the contract document.
        const contract = await preview(services, { uri: at('cpom-ehpad-dordogne.cpom').toString() });
        expect(contract.kind).toBeUndefined();
        expect(contract.html).not.toContain('Rapport de suivi annuel');
    });

    it('says why there is no report: contract not imported, syntax error', async () => {
        await load(at('orphan.cpom'), 'suivi_annuel du contrat CPOM_INCONNU annee 2021 {\n}\n');
        const orphan = await preview(services, { uri: at('orphan.cpom').toString() });
        expect(orphan.html).toBeUndefined();
        expect(orphan.message).toMatch(/^Aperçu du suivi impossible : le contrat « CPOM_INCONNU » n'est pas trouvé/);
        await load(at('cut.cpom'), 'suivi_annuel du contrat CPOM_INCONNU annee 2021 {\n');
        const cut = await preview(services, { uri: at('cut.cpom').toString() });
        expect(cut.message).toMatch(/^Aperçu impossible : erreur de syntaxe/);
    });
});
