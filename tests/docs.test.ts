/** The rule pages are generated from the catalogue and kept in sync; the catalogue itself is well-formed. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleMarkdown, rulesIndexMarkdown } from '@cpom/language';
import { ROOT } from './helpers.js';

describe('rule catalogue', () => {
    it('has unique, well-formed codes and names', () => {
        const codes = RULES.map(r => r.code);
        const names = RULES.map(r => r.name);
        expect(new Set(codes).size).toBe(codes.length);
        expect(new Set(names).size).toBe(names.length);
        for (const r of RULES) {
            expect(r.code).toMatch(/^CPOM\d{3}$/);
            expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
    });

    it('never makes a design proposal [G] an error presented as law', () => {
        const proposals = RULES.filter(r => r.confidence === 'G' && r.severity === 'error').map(r => r.code);
        expect(proposals).toEqual([]);
    });

    it('has both languages for every title and message, with the same placeholders', () => {
        for (const r of RULES) {
            const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
            expect(placeholders(r.message.fr), r.code).toEqual(placeholders(r.message.en));
            expect(r.title.fr.length * r.title.en.length, r.code).toBeGreaterThan(0);
            expect(r.source.fr.length, r.code).toBeGreaterThan(5);
            expect(r.source.en.length, r.code).toBeGreaterThan(5);
        }
    });
});

describe('docs/rules', () => {
    it.each(RULES.map(r => [r.code, r]))('%s page is up to date (npm run docs:rules)', (code, rule) => {
        const page = readFileSync(path.join(ROOT, 'docs/rules', `${code}.md`), 'utf8');
        expect(page).toBe(ruleMarkdown(rule as (typeof RULES)[number]));
        // Every relative link of the page leads to a file or folder of the repository.
        for (const [, target] of page.matchAll(/\]\((\.\.?\/[^)#]*)\)/g)) {
            expect(existsSync(path.resolve(ROOT, 'docs/rules', target)), `${code}: ${target}`).toBe(true);
        }
    });

    it('index is up to date', () => {
        expect(readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8')).toBe(rulesIndexMarkdown());
    });
});
