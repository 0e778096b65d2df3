/**
 * cpom's parser builds the very trees Langium's own parser builds (parser/fast-tree-building.ts, cpom-parser.ts): the
 * same AST (values, containers, references as typed) and CST (kinds, offsets, ranges, grammar elements, comments in
 * place), and the same errors, on every file of the seeds, the examples and the test fixtures (syntax errors
 * included). And the shortcuts that compare type names hold: the scope owners have no subtype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLangiumParser, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices } from '../packages/language/src/cpom-module.js';
import * as ast from '../packages/language/src/generated/ast.js';
import { ROOT } from './helpers.js';
import { shape } from './tree-shapes.js';

const { Cpom } = createCpomServices(EmptyFileSystem);
const langiumParser = createLangiumParser(Cpom);
const cpomParser = Cpom.parser.LangiumParser;

const files = ['seeds', 'examples', 'tests/fixtures'].flatMap(folder => readdirSync(path.join(ROOT, folder), { recursive: true })
    .map(file => path.join(folder, String(file))).filter(file => file.endsWith('.cpom')));

describe("cpom's parser", () => {
    it('reads files of every kind', () => {
        expect(files.length).toBeGreaterThan(100);
    });

    it.each(files)('%s: the trees and errors of Langium\'s parser', file => {
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        expect(shape(cpomParser.parse(text))).toEqual(shape(langiumParser.parse(text)));
    });

    it('compares scope owners by type name: none of their types has a subtype', () => {
        for (const type of [ast.Contrat.$type, ast.Catalogue.$type, ast.Avenant.$type, ast.SuiviAnnuel.$type, ast.CpomFile.$type]) {
            expect(Cpom.shared.AstReflection.getAllSubTypes(type)).toEqual([type]);
        }
    });
});
