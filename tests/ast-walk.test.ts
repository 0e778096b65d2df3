/**
 * The shared walk of a parse (workspace/ast-nodes.ts) lists exactly what Langium's stream iterators would, in the same
 * order: the phases and rules that read it (linker, reference index, validator, owner index) see what they saw.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, type ReferenceInfo, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices } from '../packages/language/src/cpom-module.js';
import { allNodes, allReferences, descendantsOf } from '../packages/language/src/workspace/ast-nodes.js';
import * as ast from '../packages/language/src/generated/ast.js';
import { ROOT } from './helpers.js';

const services = createCpomServices(EmptyFileSystem);

/** Same length and the very same objects at each place (not deep equality). */
function expectSame<T>(actual: readonly T[], expected: readonly T[]): void {
    expect(actual.length).toBe(expected.length);
    expect(actual.findIndex((item, k) => item !== expected[k])).toBe(-1);
}

/** A reference info as plain identity fields. */
const fields = (info: ReferenceInfo) => [info.reference, info.container, info.property, info.index];

describe('the shared walk of a parse', () => {
    it.each(['seeds/messidor-2013.cpom', 'examples/avenant-catalogue/avenant-2.cpom', 'examples/avenant-catalogue/cpom-les-sources.cpom'])('%s: streamAst and streamReferences order, subtrees as slices', file => {
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        const root = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join('/walk', file))).parseResult.value as ast.CpomFile;
        const nodes = AstUtils.streamAst(root).toArray();
        expectSame(allNodes(root), nodes);
        const references = nodes.flatMap(n => AstUtils.streamReferences(n).toArray());
        expect(references.length).toBeGreaterThan(0);
        expectSame(allReferences(root).flatMap(fields), references.flatMap(fields));
        for (const owner of root.elements) {
            const inside = AstUtils.streamAllContents(owner).toArray();
            expectSame(descendantsOf(owner).nodes, inside);
            expectSame(descendantsOf(owner).references.flatMap(fields), inside.flatMap(n => AstUtils.streamReferences(n).toArray()).flatMap(fields));
        }
    });
});
