/**
 * The parser's error recovery on many errors of one kind: the tokens that may follow where a token was expected are
 * worked out from the grammar once per place, not once per error (fuzz seed 20261204, input 6310: 145,000 stray
 * names in a `repartition` block took 23 s of CPU to parse). Counts the grammar walks, not the time.
 */
import { EmbeddedActionsParser } from 'chevrotain';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createCpomServices, MAX_SYNTAX_ERRORS } from '@cpom/language';
import { ROOT } from './helpers.js';

type Walk = (this: unknown, path: unknown) => unknown;

describe('error recovery on many stray names', () => {
    it('walks the grammar for the follows of a place once, however many errors are made there', () => {
        // The method Langium's parser inherits from Chevrotain; the parser made after the spy calls the spy.
        let owner: object = EmbeddedActionsParser.prototype;
        while (!Object.prototype.hasOwnProperty.call(owner, 'getNextPossibleTokenTypes')) owner = Object.getPrototypeOf(owner) as object;
        const walk = (owner as { getNextPossibleTokenTypes: Walk }).getNextPossibleTokenTypes;
        let walks = 0;
        (owner as { getNextPossibleTokenTypes: Walk }).getNextPossibleTokenTypes = function (this: unknown, grammarPath: unknown) {
            walks++;
            return walk.call(this, grammarPath);
        };
        try {
            const parser = createCpomServices(EmptyFileSystem).Cpom.parser.LangiumParser;
            const base = readFileSync(path.join(ROOT, 'tests/fixtures/clean/base.cpom'), 'utf8');
            const parse = (names: number) => {
                walks = 0;
                const text = base.replace(/repartition (\d{4}) \{/, `repartition $1 {${' x'.repeat(names)}`);
                expect(text).not.toBe(base);
                return { errors: parser.parse(text).parserErrors.length, walks };
            };
            const few = parse(10);
            // Under the parse's limit of syntax errors (MAX_SYNTAX_ERRORS), so that each name is one.
            expect(900).toBeLessThan(MAX_SYNTAX_ERRORS);
            const many = parse(900);
            expect(many.errors).toBeGreaterThanOrEqual(900);
            // One walk per error before: 900 and more.
            expect(many.walks).toBeLessThanOrEqual(few.walks + 5);
        } finally {
            (owner as { getNextPossibleTokenTypes: Walk }).getNextPossibleTokenTypes = walk;
        }
    }, 60_000);
});
