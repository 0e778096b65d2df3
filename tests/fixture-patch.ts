/**
 * The text of a rule fixture (rule-fixtures.ts says their form): a patch applied to the base contract, and the
 * `$TEST$` comments and `»…«` markers read and removed. No dependency, so that the fuzz corpus can read fixtures too.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Place {
    /** 0-based, as in LSP. */
    readonly line: number;
    readonly character: number;
}

export interface MarkedExpectation {
    readonly code: string;
    readonly severity: Severity;
    readonly start: Place;
    readonly end: Place;
    /** A fragment the message must contain. */
    readonly message?: string;
}

export interface RuleFixture {
    /** The text checked: the base patched (for a patch), markers removed. */
    readonly text: string;
    readonly expected: readonly MarkedExpectation[];
}

const TEST_COMMENT = /\/\/\s*\$TEST\$\s+(error|warning|info)\s+(CPOM\d{3})(?:\s+"([^"]*)")?/g;

/** Applies the `<<<< old ==== new >>>>` blocks of a patch, each old run of lines found exactly once. */
export function applyPatch(base: string, patch: string, name = 'patch'): string {
    let lines = base.split('\n');
    const blocks = patch.split('\n');
    let i = blocks.findIndex(l => l === '<<<<');
    if (i < 0) throw new Error(`${name}: no <<<< block`);
    while (i < blocks.length && blocks[i] === '<<<<') {
        const middle = blocks.indexOf('====', i + 1);
        const end = blocks.indexOf('>>>>', middle + 1);
        if (middle < 0 || end < 0) throw new Error(`${name}: block at line ${i + 1} is not closed by ==== and >>>>`);
        const oldLines = blocks.slice(i + 1, middle);
        const newLines = blocks.slice(middle + 1, end);
        const at = occurrences(lines, oldLines);
        if (at.length !== 1) {
            throw new Error(`${name}: the lines of the block at line ${i + 1} occur ${at.length} times in the text (once expected)`);
        }
        lines = [...lines.slice(0, at[0]), ...newLines, ...lines.slice(at[0] + oldLines.length)];
        i = end + 1;
        while (i < blocks.length && blocks[i].trim() === '') i++;
    }
    if (i < blocks.length) throw new Error(`${name}: line ${i + 1} is outside any block`);
    return lines.join('\n');
}

function occurrences(lines: readonly string[], run: readonly string[]): number[] {
    if (run.length === 0) return [];
    const found: number[] = [];
    for (let i = 0; i + run.length <= lines.length; i++) {
        if (run.every((l, k) => lines[i + k] === l)) found.push(i);
    }
    return found;
}

/** Removes the `»…«` markers and attaches to each range the `$TEST$` comments that precede it. */
export function parseMarkers(marked: string, name = 'fixture'): RuleFixture {
    const expected: MarkedExpectation[] = [];
    const pending: Array<Omit<MarkedExpectation, 'start' | 'end'>> = [];
    const open: Array<{ start: Place; announced: Omit<MarkedExpectation, 'start' | 'end'> }> = [];
    let text = '';
    const lines = marked.split('\n');
    lines.forEach((line, lineIndex) => {
        // The comments of a line announce the ranges that follow them (on this line or after).
        const comments = [...line.matchAll(TEST_COMMENT)].map(m => ({ index: m.index, length: m[0].length, code: m[2], severity: m[1] as Severity, message: m[3] }));
        // A message fragment may quote names as messages do (« … »): inside a $TEST$ comment these are no markers.
        const inComment = (k: number) => comments.some(c => k >= c.index && k < c.index + c.length);
        let out = '';
        for (let k = 0; k < line.length; k++) {
            for (const c of comments.filter(c => c.index === k)) pending.push({ code: c.code, severity: c.severity, message: c.message });
            const ch = line[k];
            if (inComment(k)) {
                out += ch;
            } else if (ch === '»') {
                const announced = pending.shift();
                if (!announced) throw new Error(`${name}:${lineIndex + 1}: a »…« range with no $TEST$ comment before it`);
                open.push({ start: { line: lineIndex, character: out.length }, announced });
            } else if (ch === '«') {
                const range = open.pop();
                if (!range) throw new Error(`${name}:${lineIndex + 1}: « closes no »`);
                const end = { line: lineIndex, character: out.length };
                expected.push({ ...range.announced, start: range.start, end });
            } else {
                out += ch;
            }
        }
        text += lineIndex < lines.length - 1 ? `${out}\n` : out;
    });
    if (open.length > 0) throw new Error(`${name}: a » is not closed`);
    if (pending.length > 0) throw new Error(`${name}: a $TEST$ comment announces no »…« range`);
    return { text, expected };
}
