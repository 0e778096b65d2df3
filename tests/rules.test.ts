/**
 * The one runner for rule fixtures (tests/rule-fixtures.ts says their form): every fixture under
 * tests/fixtures/rules — a patch of the base contract or a whole file, with `$TEST$` comments and `»…«` ranges —
 * produces exactly the diagnostics it announces (code, severity, start and end, a fragment of the message when
 * given) and no other; and every rule of the catalogue has a fixture that raises it and one that does not. The
 * other fixture folders (syntax, config…) keep their `// @expect` annotations (fixtures.ts).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '@cpom/language';
import { checkFiles, filesUnder, ROOT } from './helpers.js';
import { keyOf, readFixture } from './fixtures.js';
import { checkFixtureText, keyOfDiagnostic, readRuleFixture, ruleFixtureFiles } from './rule-fixtures.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures');
const RULE_FIXTURES = path.join(FIXTURES, 'rules');

describe('rule fixtures produce exactly the diagnostics they announce', () => {
    it.each(ruleFixtureFiles().map(f => [path.relative(RULE_FIXTURES, f), f]))('%s', async (_name, file) => {
        const fixture = readRuleFixture(file);
        const actual = await checkFixtureText(file, fixture.text);
        // On failure, show the messages of what was reported.
        expect(actual.map(keyOfDiagnostic).sort(), actual.map(a => `${keyOfDiagnostic(a)} ${a.message}`).join('\n'))
            .toEqual(fixture.expected.map(keyOfDiagnostic).sort());
        for (const e of fixture.expected.filter(x => x.message !== undefined)) {
            const messages = actual.filter(a => keyOfDiagnostic(a) === keyOfDiagnostic(e)).map(a => a.message);
            expect(messages.some(m => m.includes(e.message!)), `${keyOfDiagnostic(e)}: a message with « ${e.message} » among ${messages.join(' | ')}`).toBe(true);
        }
    });
});

// Catalogues under lib/ are imported by fixtures; the version pairs under diff/ belong to tests/diff.test.ts.
const annotatedFiles = filesUnder(FIXTURES, '.cpom').filter(f => {
    const relative = path.relative(FIXTURES, f);
    return !f.split(path.sep).includes('lib') && !relative.startsWith(`diff${path.sep}`) && !relative.startsWith(`rules${path.sep}`);
});

describe('other fixtures produce exactly the diagnostics they announce', () => {
    it.each(annotatedFiles.map(f => [path.relative(FIXTURES, f), f]))('%s', async (_name, file) => {
        const spec = readFixture(file);
        const diagnostics = (await checkFiles([file])).get(file) ?? [];
        const actual = diagnostics
            .filter(d => !spec.checked || spec.checked.has(d.code))
            .map(d => ({ line: d.line, code: d.code, message: d.message }));
        const expectedKeys = spec.expected.filter(e => !spec.checked || spec.checked.has(e.code)).map(keyOf).sort();
        const actualKeys = actual.map(keyOf).sort();
        expect(actualKeys, actual.map(a => `${a.line} ${a.code} ${a.message}`).join('\n')).toEqual(expectedKeys);
        for (const e of spec.expected.filter(x => x.severity !== undefined)) {
            const found = diagnostics.filter(d => d.line === e.line && d.code === e.code).map(d => d.severity);
            expect(found, `severity of ${e.code} on line ${e.line}`).toContain(e.severity);
        }
    });
});

/** The fixture `NAME.patch` or `NAME.cpom` of a rule. */
function fixtureOf(code: string, name: string): string | undefined {
    return [`${name}.patch`, `${name}.cpom`].map(f => path.join(RULE_FIXTURES, code, f)).find(existsSync);
}

describe('every rule has a raising and a non-raising fixture', () => {
    it.each(RULES.map(r => [r.code, r.name]))('%s %s', (code) => {
        const triggers = fixtureOf(code, 'triggers');
        const passes = fixtureOf(code, 'passes');
        expect(triggers, `${code}: triggers.patch or triggers.cpom is missing`).toBeDefined();
        expect(passes, `${code}: passes.patch or passes.cpom is missing`).toBeDefined();
        expect(readRuleFixture(triggers!).expected.some(e => e.code === code), `${triggers} announces no ${code}`).toBe(true);
        // A fixture announces every diagnostic it produces: announcing none of this code is asserting there is none.
        expect(readRuleFixture(passes!).expected.some(e => e.code === code), `${passes} announces ${code}`).toBe(false);
    });
});
