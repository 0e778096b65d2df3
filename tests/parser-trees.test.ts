/**
 * cpom's parser builds the very trees Langium's own parser builds (parser/fast-tree-building.ts, cpom-parser.ts): the
 * same AST (values, containers, references as typed) and CST (kinds, offsets, ranges, grammar elements, comments in
 * place), and the same errors, on every file of the seeds, the examples and the test fixtures (syntax errors
 * included). And the shortcuts that compare type names hold: the scope owners have no subtype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type AstNode, type CstNode, createLangiumParser, EmptyFileSystem, isCompositeCstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { createCpomServices } from '../packages/language/src/cpom-module.js';
import * as ast from '../packages/language/src/generated/ast.js';
import { ROOT } from './helpers.js';

const { Cpom } = createCpomServices(EmptyFileSystem);
const langiumParser = createLangiumParser(Cpom);
const cpomParser = Cpom.parser.LangiumParser;

const files = ['seeds', 'examples', 'tests/fixtures'].flatMap(folder => readdirSync(path.join(ROOT, folder), { recursive: true })
    .map(file => path.join(folder, String(file))).filter(file => file.endsWith('.cpom')));

const grammarElement = (element: AstNode | undefined) => {
    const e = element as { $type?: string; value?: string; feature?: string; rule?: { $refText?: string } } | undefined;
    return e ? `${e.$type}:${e.value ?? e.feature ?? e.rule?.$refText ?? ''}` : '-';
};

function astShape(node: AstNode): unknown {
    const shape: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === '$cstNode') shape[key] = value ? `${(value as CstNode).offset}+${(value as CstNode).length}` : value;
        else if (key === '$container') shape[key] = (value as AstNode | undefined)?.$type;
        else if (Array.isArray(value)) shape[key] = value.map(valueShape);
        else shape[key] = valueShape(value);
    }
    return shape;
}

function valueShape(value: unknown): unknown {
    if (value && typeof value === 'object' && typeof (value as AstNode).$type === 'string') return astShape(value as AstNode);
    if (value && typeof value === 'object' && '$refText' in value) {
        const reference = value as { $refText: string; $refNode?: CstNode };
        return `reference ${reference.$refText} at ${reference.$refNode?.offset}`;
    }
    return value;
}

function cstShape(node: CstNode): unknown {
    const leaf = !isCompositeCstNode(node);
    return [
        leaf ? 'leaf' : 'composite', node.offset, node.length, node.hidden, leaf ? (node as { tokenType?: { name: string } }).tokenType?.name : undefined,
        grammarElement(node.grammarSource), node.container?.offset, node.range,
        ...(isCompositeCstNode(node) ? [(node as { _astNode?: AstNode })._astNode?.$type, node.content.map(cstShape)] : []),
    ];
}

function shape(result: ParseResult<AstNode>): unknown {
    return {
        ast: astShape(result.value),
        cst: cstShape(result.value.$cstNode!),
        lexerErrors: result.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parserErrors: result.parserErrors.map(e => [e.token.startOffset, e.message]),
    };
}

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
