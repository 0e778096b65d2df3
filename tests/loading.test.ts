/**
 * The loading API of the shells (`loadDocuments`, `contractsOfFile`, `importersOf`, `contractsStoodFor`,
 * `documentsOfContract` of @cpom/language) on an in-memory source: imports followed transitively from the AST (both
 * quote styles), cycles, missing files, the contracts a file stands for and the documents a contract is made of.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, isReference, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { contractsOfFile, contractsStoodFor, createCpomServices, documentsOfContract, type DocumentSource, importersOf, loadDocuments } from '@cpom/language';
import { ROOT } from './helpers.js';

const FOLDER = '/contracts/';
const uri = (name: string) => URI.parse(`memory://${FOLDER}${name}`);
const nameOf = (file: URI) => file.path.slice(FOLDER.length);

/** A source over texts by file name; counts the reads of each file. */
function memorySource(files: Record<string, string>): DocumentSource & { reads: Map<string, number> } {
    const reads = new Map<string, number>();
    return {
        reads,
        read: file => {
            const name = nameOf(file);
            reads.set(name, (reads.get(name) ?? 0) + 1);
            return files[name];
        },
    };
}

/** The avenant-catalogue example, with the imports of `typographic` files written “…”. */
function example(typographic: readonly string[]): Record<string, string> {
    const dir = path.join(ROOT, 'examples/avenant-catalogue');
    const files: Record<string, string> = {};
    for (const name of readdirSync(dir).filter(f => f.endsWith('.cpom'))) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        files[name] = typographic.includes(name) ? text.replace(/^importe "([^"]*)"/gm, 'importe “$1”') : text;
    }
    return files;
}

const names = (documents: ReadonlyArray<{ document: { uri: URI } }>) => documents.map(d => nameOf(d.document.uri));

describe('loadDocuments', () => {
    it('follows imports transitively, in both quote styles, reading each file once', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const files = example(['avenant-2.cpom', 'cpom-les-sources.cpom']);
        expect(files['avenant-2.cpom']).toContain('importe “avenant-1.cpom”');
        const source = memorySource(files);
        const { documents, missing } = await loadDocuments(shared, [uri('avenant-2.cpom')], source);
        expect(missing).toEqual([]);
        expect(names(documents).sort()).toEqual(['avenant-1.cpom', 'avenant-2.cpom', 'catalogue-anap.cpom', 'cpom-les-sources.cpom', 'referentiel-cote-dor.cpom']);
        expect(documents.filter(d => d.requested).map(d => d.document.uri.toString())).toEqual([uri('avenant-2.cpom').toString()]);
        expect([...source.reads.values()].every(count => count === 1)).toBe(true);
        // Everything resolves: the names the avenants take from imported files are linked, no CPOM004.
        const errors = documents.flatMap(d => (d.document.diagnostics ?? []).filter(x => x.severity === 1).map(x => `${d.document.uri.path} ${x.code}`));
        expect(errors).toEqual([]);
    });

    it('loads each file of an import cycle once', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const source = memorySource({
            'a.cpom': 'importe "b.cpom"\ncatalogue A { }\n',
            'b.cpom': 'importe “a.cpom”\ncatalogue B { }\n',
        });
        const { documents } = await loadDocuments(shared, [uri('a.cpom'), uri('b.cpom'), uri('a.cpom')], source, { validation: false });
        expect(names(documents)).toEqual(['a.cpom', 'b.cpom']);
        expect(documents.map(d => d.requested)).toEqual([true, true]);
        expect(source.reads).toEqual(new Map([['a.cpom', 1], ['b.cpom', 1]]));
    });

    it('an import the source does not have: not loaded, CPOM004 on the importing document', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const source = memorySource({ 'a.cpom': 'importe “absent.cpom”\nimporte "b.cpom"\ncatalogue A { }\n', 'b.cpom': 'catalogue B { }\n' });
        const { documents } = await loadDocuments(shared, [uri('a.cpom')], source);
        expect(names(documents)).toEqual(['a.cpom', 'b.cpom']);
        const importing = documents[0].document.diagnostics ?? [];
        expect(importing.filter(d => d.code === 'CPOM004').map(d => d.range.start.line)).toEqual([0]);
        expect(documents[1].document.diagnostics?.some(d => d.code === 'CPOM004')).toBe(false);
    });

    it('a requested file the source does not have: reported, nothing loaded', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const source = memorySource({ 'a.cpom': 'catalogue A { }\n' });
        const result = await loadDocuments(shared, [uri('a.cpom'), uri('absent.cpom')], source);
        expect(result.documents).toEqual([]);
        expect(result.missing.map(u => u.toString())).toEqual([uri('absent.cpom').toString()]);
        expect(shared.workspace.LangiumDocuments.all.count()).toBe(0);
    });
});

    it('without the reference index (a comparison): names resolved, references not indexed', async () => {
        const referencesOfTargets = async (referenceIndex: boolean | undefined) => {
            const services = createCpomServices(EmptyFileSystem);
            const { documents } = await loadDocuments(services.shared, [uri('avenant-2.cpom')], memorySource(example([])), { validation: false, referenceIndex });
            const targets = documents.flatMap(d => d.document.references).map(r => (isReference(r) ? r.ref : undefined));
            expect(targets.length).toBeGreaterThan(0);
            expect(targets.every(t => t !== undefined)).toBe(true);
            const index = services.shared.workspace.IndexManager;
            const locator = services.Cpom.workspace.AstNodeLocator;
            return targets.reduce((count, t) => count + index.findAllReferences(t!, locator.getAstNodePath(t!)).count(), 0);
        };
        expect(await referencesOfTargets(undefined)).toBeGreaterThan(0);
        expect(await referencesOfTargets(false)).toBe(0);
    });

describe('the contracts a file stands for', () => {
    it('declared, amended by its avenants, importing a catalogue (directly or not)', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const files = {
            ...example(['cpom-les-sources.cpom']),
            // Two contracts in one file, importing the referential through a catalogue of their own.
            'deux.cpom': 'importe "relais.cpom"\ncontrat UN "Un" { }\ncontrat DEUX "Deux" { }\n',
            'relais.cpom': 'importe “referentiel-cote-dor.cpom”\ncatalogue RELAIS { }\n',
        };
        const { documents } = await loadDocuments(shared, [uri('deux.cpom'), uri('avenant-2.cpom')], memorySource(files), { validation: false });
        const byName = (name: string) => documents.find(d => d.document.uri.toString() === uri(name).toString())!.document;
        const all = documents.map(d => d.document);
        const contractNames = (contracts: ReadonlyArray<{ name: string }>) => contracts.map(c => c.name).sort();

        expect(contractNames(contractsOfFile(byName('deux.cpom')).declared)).toEqual(['DEUX', 'UN']);
        expect(contractNames(contractsStoodFor(byName('deux.cpom'), all))).toEqual(['DEUX', 'UN']);

        const amended = contractsOfFile(byName('avenant-2.cpom'));
        expect(amended.declared).toEqual([]);
        expect(amended.amended.map(a => [a.contract.name, a.avenants.map(x => x.number)])).toEqual([['CPOM_LES_SOURCES_2019', ['2']]]);
        expect(contractNames(contractsStoodFor(byName('avenant-2.cpom'), all))).toEqual(['CPOM_LES_SOURCES_2019']);

        expect(contractNames(contractsStoodFor(byName('referentiel-cote-dor.cpom'), all))).toEqual(['CPOM_LES_SOURCES_2019', 'DEUX', 'UN']);
        expect(importersOf([uri('referentiel-cote-dor.cpom')], all).map(d => nameOf(d.uri)).sort())
            .toEqual(['avenant-1.cpom', 'avenant-2.cpom', 'cpom-les-sources.cpom', 'deux.cpom', 'relais.cpom']);

        // What a contract is made of: its file, its avenants' files, what they import (not what those import).
        const [contract] = contractsOfFile(byName('cpom-les-sources.cpom')).declared;
        const avenants = amended.amended[0].avenants.concat(contractsOfFile(byName('avenant-1.cpom')).amended[0].avenants);
        expect(documentsOfContract(contract, avenants, shared.workspace.LangiumDocuments).map(d => nameOf(d.uri)).sort())
            .toEqual(['avenant-1.cpom', 'avenant-2.cpom', 'catalogue-anap.cpom', 'cpom-les-sources.cpom', 'referentiel-cote-dor.cpom']);
        expect(documentsOfContract(contractsOfFile(byName('deux.cpom')).declared[0], [], shared.workspace.LangiumDocuments).map(d => nameOf(d.uri)))
            .toEqual(['deux.cpom', 'relais.cpom']);
    });
});
