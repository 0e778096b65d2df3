/**
 * The one runner for rule fixtures: every .cpom under tests/fixtures must produce exactly the diagnostics
 * it announces (see fixtures.ts), and every rule of the catalogue has a fixture that triggers it and one
 * that does not.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '@cpom/language';
import { checkFiles, filesUnder, ROOT } from './helpers.js';
import { keyOf, readFixture } from './fixtures.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures');
// Catalogues under lib/ are imported by fixtures; the version pairs under diff/ belong to tests/diff.test.ts.
const fixtureFiles = filesUnder(FIXTURES, '.cpom').filter(f => !f.split(path.sep).includes('lib') && !path.relative(FIXTURES, f).startsWith(`diff${path.sep}`));

describe('fixtures produce exactly the diagnostics they announce', () => {
    it.each(fixtureFiles.map(f => [path.relative(FIXTURES, f), f]))('%s', async (_name, file) => {
        const spec = readFixture(file);
        const diagnostics = (await checkFiles([file])).get(file) ?? [];
        const actual = diagnostics
            .filter(d => !spec.checked || spec.checked.has(d.code))
            .map(d => ({ line: d.line, code: d.code, message: d.message }));
        const expectedKeys = spec.expected.filter(e => !spec.checked || spec.checked.has(e.code)).map(keyOf).sort();
        const actualKeys = actual.map(keyOf).sort();
        // On failure, show the messages of what was reported.
        expect(actualKeys, actual.map(a => `${a.line} ${a.code} ${a.message}`).join('\n')).toEqual(expectedKeys);
        for (const e of spec.expected.filter(x => x.severity !== undefined)) {
            const found = diagnostics.filter(d => d.line === e.line && d.code === e.code).map(d => d.severity);
            expect(found, `severity of ${e.code} on line ${e.line}`).toContain(e.severity);
        }
    });
});

describe('every rule has a triggering and a non-triggering fixture', () => {
    it.each(RULES.map(r => [r.code, r.name]))('%s %s', (code) => {
        const triggers = path.join(FIXTURES, 'rules', code, 'triggers.cpom');
        const passes = path.join(FIXTURES, 'rules', code, 'passes.cpom');
        expect(existsSync(triggers), `${triggers} is missing`).toBe(true);
        expect(existsSync(passes), `${passes} is missing`).toBe(true);
        const trigger = readFixture(triggers);
        expect(trigger.expected.some(e => e.code === code), `${triggers} expects no ${code}`).toBe(true);
        const pass = readFixture(passes);
        expect(pass.expected.some(e => e.code === code), `${passes} expects ${code}`).toBe(false);
        if (pass.checked) {
            expect(pass.checked.has(code), `${passes} does not check ${code}`).toBe(true);
        }
    });
});
