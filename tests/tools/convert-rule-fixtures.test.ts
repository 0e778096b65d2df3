/**
 * Converts rule fixtures still in the old `// @expect CODE` form (a branch written before the $TEST$ markers) to the
 * form of rule-fixtures.ts: every diagnostic the fixture produces is marked (`// $TEST$ …` and `»…«`), then the
 * fixture becomes a patch of the base contract when it differs from it by at most 40 lines, else a whole file.
 * Run on demand: `CPOM_CONVERT_FIXTURES=1 npx vitest run tests/tools/convert-rule-fixtures.test.ts`; check the
 * result with `npx vitest run tests/rules.test.ts` (a converted fixture asserts what the rules report today).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { filesUnder, ROOT } from '../helpers.js';
import { type ActualDiagnostic, applyPatch, BASE_CONTRACT, checkFixtureText, keyOfDiagnostic, parseMarkers } from '../rule-fixtures.js';

const RULES = path.join(ROOT, 'tests/fixtures/rules');
const MAX_PATCH_LINES = 40;

function offsetOf(lines: string[], p: { line: number; character: number }): number {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
}

/** The text with a `»…«` range and a `$TEST$` comment (on the line before the range's start) per diagnostic. */
function mark(text: string, diagnostics: ActualDiagnostic[]): string {
    const lines = text.split('\n');
    const ranges = diagnostics.map(d => ({ d, s: offsetOf(lines, d.start), e: offsetOf(lines, d.end) }));
    type Ev = { at: number; kind: 'open' | 'close'; r: typeof ranges[number] };
    const events: Ev[] = ranges.flatMap(r => [{ at: r.s, kind: 'open' as const, r }, { at: r.e, kind: 'close' as const, r }]);
    // At one offset: closes before opens (an empty range opens then closes); outer ranges open first and close last.
    events.sort((a, b) => a.at - b.at
        || (a.kind === b.kind ? 0 : a.kind === 'close' ? (a.r === b.r ? 1 : -1) : (a.r === b.r ? -1 : 1))
        || (a.kind === 'open' ? b.r.e - a.r.e : b.r.s - a.r.s));
    let out = '';
    let pos = 0;
    const opened: typeof ranges = [];
    for (const ev of events) {
        out += text.slice(pos, ev.at);
        pos = ev.at;
        if (ev.kind === 'open') {
            out += '»';
            opened.push(ev.r);
        } else {
            out += '«';
        }
    }
    out += text.slice(pos);
    const comments = new Map<number, string[]>();
    for (const r of opened) comments.set(r.d.start.line, [...(comments.get(r.d.start.line) ?? []), `// $TEST$ ${r.d.severity} ${r.d.code}`]);
    return out.split('\n').flatMap((l, i) => [...(comments.get(i) ?? []).map(c => /^\s*/.exec(l)![0] + c), l]).join('\n');
}

/** `<<<< old ==== new >>>>` blocks turning the base into the target, or undefined when they would be too long. */
function patchOf(base: string, target: string): string | undefined {
    const a = base.split('\n');
    const b = target.split('\n');
    const n = a.length;
    const m = b.length;
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    type Hunk = { a0: number; a1: number; b0: number; b1: number };
    const hunks: Hunk[] = [];
    let cur: Hunk | undefined;
    for (let i = 0, j = 0; i < n || j < m;) {
        if (i < n && j < m && a[i] === b[j]) {
            if (cur) hunks.push(cur);
            cur = undefined;
            i++;
            j++;
            continue;
        }
        cur ??= { a0: i, a1: i, b0: j, b1: j };
        if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) cur.b1 = ++j;
        else cur.a1 = ++i;
    }
    if (cur) hunks.push(cur);
    if (hunks.reduce((s, h) => s + (h.a1 - h.a0) + (h.b1 - h.b0), 0) > MAX_PATCH_LINES) return undefined;
    const count = (run: string[]) => a.filter((_, k) => k + run.length <= n && run.every((l, x) => a[k + x] === l)).length;
    const blocks: Hunk[] = [];
    for (const h0 of hunks) {
        const h = { ...h0 };
        // Context lines until the old lines occur once in the base.
        while (h.a1 - h.a0 === 0 || count(a.slice(h.a0, h.a1)) !== 1) {
            if (h.a0 > 0) {
                h.a0--;
                h.b0--;
            } else if (h.a1 < n) {
                h.a1++;
                h.b1++;
            } else {
                return undefined;
            }
        }
        const last = blocks[blocks.length - 1];
        if (last && h.a0 <= last.a1) {
            last.a1 = Math.max(last.a1, h.a1);
            last.b1 = Math.max(last.b1, h.b1);
        } else {
            blocks.push(h);
        }
    }
    const text = `${blocks.map(h => ['<<<<', ...a.slice(h.a0, h.a1), '====', ...b.slice(h.b0, h.b1), '>>>>'].join('\n')).join('\n\n')}\n`;
    try {
        return applyPatch(base, text) === target ? text : undefined;
    } catch {
        return undefined;
    }
}

it.skipIf(!process.env.CPOM_CONVERT_FIXTURES)('converts the rule fixtures still annotated with @expect', async () => {
    const base = readFileSync(BASE_CONTRACT, 'utf8');
    for (const file of filesUnder(RULES, '.cpom').filter(f => !f.split(path.sep).includes('lib'))) {
        const raw = readFileSync(file, 'utf8');
        if (!/\/\/\s*@(?:expect|check)\b/.test(raw)) continue;
        // Only the annotations go: a `// cpom-ignore …   // @expect CPOM110` line keeps its suppression.
        const clean = raw.split('\n').filter(l => !/^\s*\/\/\s*@check\b/.test(l)).map(l => l.replace(/\s*\/\/\s*@expect\b.*$/, '')).join('\n');
        const diagnostics = await checkFixtureText(file, clean);
        const marked = mark(clean, diagnostics);
        const parsed = parseMarkers(marked, file);
        const again = await checkFixtureText(file, parsed.text);
        expect(again.map(keyOfDiagnostic).sort(), `${file}: the markers change the diagnostics`).toEqual(parsed.expected.map(keyOfDiagnostic).sort());
        const patch = patchOf(base, marked);
        if (patch) {
            writeFileSync(file.replace(/\.cpom$/, '.patch'), patch);
            unlinkSync(file);
        } else {
            writeFileSync(file, marked.endsWith('\n') ? marked : `${marked}\n`);
        }
        // eslint-disable-next-line no-console
        console.log(`${patch ? 'patch' : 'whole'} ${path.relative(RULES, file)}: ${diagnostics.length} diagnostics`);
    }
}, 600_000);
