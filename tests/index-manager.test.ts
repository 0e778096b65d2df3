/**
 * The symbol index looked up by URI (CpomIndexManager): the exports of the files asked for, in the order Langium's
 * scan of every document gave them (the order the documents entered the index), so that among duplicate names
 * the same declaration wins.
 */
import { DefaultIndexManager, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices } from '@cpom/language';

const catalogue = (name: string) => `catalogue ${name} "Référentiel" {\n    autorité ARS_X ars "ARS"\n}\n`;

describe('CpomIndexManager', () => {
    it('answers by URI what a scan of every document answers, in the same order, after removals and re-indexing', async () => {
        const { shared } = createCpomServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const documents = shared.workspace.LangiumDocuments;
        const index = shared.workspace.IndexManager;
        const uris = ['d', 'b', 'a', 'c'].map(name => URI.parse(`memory:///w/${name}.cpom`));
        const load = async (files: URI[]) => {
            const loaded = files.map(uri => factory.fromString(catalogue(`CAT_${uri.path.slice(3, 4).toUpperCase()}`), uri));
            loaded.forEach(d => documents.addDocument(d));
            await shared.workspace.DocumentBuilder.build(loaded, {});
        };
        await load(uris);
        await shared.workspace.DocumentBuilder.update([], [uris[1]]);
        await load([uris[1]]);
        const scan = (type: string, asked: Set<string>) => DefaultIndexManager.prototype.allElements.call(index, type, asked).map(d => d.name).toArray();
        for (const asked of [new Set([uris[0], uris[1], uris[3]].map(String)), new Set(uris.map(String)), new Set(['memory:///w/none.cpom'])]) {
            const names = index.allElements('Catalogue', asked).map(d => d.name).toArray();
            expect(names).toEqual(scan('Catalogue', asked));
        }
        expect(index.allElements('Catalogue', new Set(uris.map(String))).map(d => d.name).toArray()).toEqual(['CAT_D', 'CAT_A', 'CAT_C', 'CAT_B']);
    });
});
