/**
 * Line annotations of the fixtures outside tests/fixtures/rules (syntax, config, clean…; the rule fixtures use
 * `$TEST$` markers, rule-fixtures.ts). A fixture is a contract that says, in comments, which diagnostics it must produce:
 *
 *     finess 690999017   // @expect CPOM041
 *
 * means "a CPOM041 diagnostic starts on this line". Several codes: `// @expect CPOM041, CPOM043`. A severity after the
 * code (`// @expect CPOM017:warning`) is checked too: rules whose severity follows the law at the contract's date.
 * `// @check CPOM041 CPOM043` (anywhere) limits the comparison to those codes; without it, the fixture
 * must produce exactly the expected diagnostics and nothing else, infos included.
 * Files under a `lib/` folder are catalogues imported by fixtures, not fixtures themselves.
 */
import { readFileSync } from 'node:fs';

export interface Expectation {
    readonly line: number;
    readonly code: string;
    readonly severity?: 'error' | 'warning' | 'info';
}

export interface FixtureSpec {
    readonly expected: Expectation[];
    /** Codes compared; undefined means all. */
    readonly checked?: ReadonlySet<string>;
}

const CODE = /CPOM\d{3}/g;
const EXPECTED = /(CPOM\d{3})(?::(error|warning|info))?/g;

export function readFixture(file: string): FixtureSpec {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const expected: Expectation[] = [];
    let checked: Set<string> | undefined;
    lines.forEach((text, i) => {
        const expect = /\/\/.*@expect\s+(.*)$/.exec(text);
        if (expect) {
            for (const match of expect[1].matchAll(EXPECTED)) {
                expected.push({ line: i + 1, code: match[1], severity: match[2] as Expectation['severity'] });
            }
        }
        const check = /\/\/\s*@check\s+(.*)$/.exec(text);
        if (check) {
            checked ??= new Set();
            for (const code of check[1].match(CODE) ?? []) {
                checked.add(code);
            }
        }
    });
    return { expected, checked };
}

export function keyOf(e: Expectation): string {
    return `${String(e.line).padStart(4, '0')} ${e.code}`;
}
