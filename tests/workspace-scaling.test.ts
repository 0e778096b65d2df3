/**
 * ARCHITECTURE.md's invariant: nothing on the validation or linking path scans the whole workspace per file or per
 * reference. Counted, not timed: a workspace of N contracts importing shared catalogues is built once, and every
 * document handed out by a walk of the whole workspace (`LangiumDocuments.all`) and every file the symbol index
 * looks at to answer a query is counted. Linear work gives the same count per file at 20 and at 80 files; a scan per file or per
 * reference gives four times as much per file at 80.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type AstNodeDescription, type LangiumDocument, type Stream } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices } from '@cpom/language';

const FOLDER = path.resolve(__dirname, '../examples/avenant-catalogue');
const read = (name: string) => readFileSync(path.join(FOLDER, name), 'utf8');
const CATALOGUES = ['catalogue-anap.cpom', 'referentiel-cote-dor.cpom'];
const CONTRACT = read('cpom-les-sources.cpom');

interface WorkCount { documentsWalked: number; filesScanned: number; errors: number }

/** Builds the catalogues and `files` copies of the example contract (each under its own name) and counts the scans. */
async function buildWorkspace(files: number): Promise<WorkCount> {
    const { shared } = createCpomServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const index = shared.workspace.IndexManager;
    const count: WorkCount = { documentsWalked: 0, filesScanned: 0, errors: 0 };
    const prototype = Object.getPrototypeOf(documents) as object;
    Object.defineProperty(documents, 'all', {
        get: () => (Reflect.get(prototype, 'all', documents) as Stream<LangiumDocument>).map(d => { count.documentsWalked++; return d; }),
    });
    // Langium's index walks the URIs of its symbol map to answer a query (of all files, or filtered by URI).
    const symbolIndex = (index as unknown as { symbolIndex: Map<string, AstNodeDescription[]> }).symbolIndex;
    const keys = symbolIndex.keys.bind(symbolIndex);
    symbolIndex.keys = function* () {
        for (const key of keys()) { count.filesScanned++; yield key; }
    } as typeof symbolIndex.keys;
    const factory = shared.workspace.LangiumDocumentFactory;
    const loaded = [
        ...CATALOGUES.map(name => factory.fromString(read(name), URI.file(path.join('/w', name)))),
        ...Array.from({ length: files }, (_, i) => factory.fromString(
            CONTRACT.replace('contrat CPOM_LES_SOURCES_2019', `contrat CPOM_LES_SOURCES_${i}`),
            URI.file(`/w/contrat-${i}.cpom`))),
    ];
    loaded.forEach(d => documents.addDocument(d));
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    count.errors = loaded.flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1).length;
    return count;
}

describe('the work of a workspace build grows with its files, not with their square', () => {
    it('walks the workspace and scans the index the same number of times per file at 20 and at 80 files', async () => {
        const small = await buildWorkspace(20);
        const large = await buildWorkspace(80);
        // Clean contracts: the count is that of a build that links and validates everything.
        expect(small.errors).toBe(0);
        expect(large.errors).toBe(0);
        const perFile = (c: WorkCount) => (c.documentsWalked + c.filesScanned) / 80;
        const smallPerFile = (small.documentsWalked + small.filesScanned) / 20;
        // Some walk happens (the counters are wired), and it stays linear: well under the 4× a scan per file gives.
        expect(large.documentsWalked).toBeGreaterThan(0);
        expect(perFile(large)).toBeLessThanOrEqual(smallPerFile * 1.5);
    });
});
