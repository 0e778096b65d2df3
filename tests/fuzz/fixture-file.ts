/**
 * A saved fuzz finding (`tests/fuzz/found/*.cpom`): a comment header (kind, stage, error, signature, how it was
 * found, the corpus file it was made from), a `// ---` line, then the input. The input is escaped so that what a
 * UTF-8 file or git would change survives: `\\` is a backslash, `\r` a carriage return, `\u{HEX}` a control
 * character, lone surrogate, BOM or other invisible, and `\u{HEX*N}` a run of N of that character (a 5 MB string
 * stays a one-line fixture).
 */
// eslint-disable-next-line no-control-regex -- finding invisible characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF0-\uFFFF]/;
const MIN_RUN = 32;

export interface Finding {
    readonly kind: 'crash' | 'hang';
    readonly stage: string;
    readonly error: string;
    readonly signature: string;
    /** `--seed S --index I` and the mutations. */
    readonly found: string;
    /** The corpus file the input was made from (the diff compares against it). */
    readonly source: string | undefined;
    readonly text: string;
}

function hex(code: number): string {
    return code.toString(16).toUpperCase();
}

function isLoneSurrogate(text: string, i: number): boolean {
    const code = text.charCodeAt(i);
    if (code >= 0xD800 && code <= 0xDBFF) return !(text.charCodeAt(i + 1) >= 0xDC00 && text.charCodeAt(i + 1) <= 0xDFFF);
    if (code >= 0xDC00 && code <= 0xDFFF) return !(text.charCodeAt(i - 1) >= 0xD800 && text.charCodeAt(i - 1) <= 0xDBFF);
    return false;
}

export function escapeInput(text: string): string {
    let out = '';
    for (let i = 0; i < text.length;) {
        const char = text[i];
        let run = 1;
        while (i + run < text.length && text[i + run] === char) run++;
        if (run >= MIN_RUN) {
            out += `\\u{${hex(char.charCodeAt(0))}*${run}}`;
            i += run;
            continue;
        }
        if (char === '\\') out += '\\\\';
        else if (char === '\r') out += '\\r';
        else if (INVISIBLE.test(char) || isLoneSurrogate(text, i)) out += `\\u{${hex(char.charCodeAt(0))}}`;
        else out += char;
        i++;
    }
    return out;
}

export function unescapeInput(escaped: string): string {
    return escaped.replace(/\\(\\|r|u\{([0-9A-F]+)(?:\*(\d+))?\})/g, (_all, what: string, code?: string, count?: string) => {
        if (what === '\\') return '\\';
        if (what === 'r') return '\r';
        return String.fromCharCode(parseInt(code!, 16)).repeat(count ? Number(count) : 1);
    });
}

/** One header line: no line break may end the comment early. */
function oneLine(value: string, max = 400): string {
    const line = value.replace(/\s*\n\s*/g, ' ⏎ ');
    return escapeInput(line.length > max ? `${line.slice(0, max)}…` : line);
}

export function writeFinding(finding: Finding): string {
    return [
        `// fuzz: ${finding.kind} in stage ${finding.stage}`,
        `// error: ${oneLine(finding.error)}`,
        `// signature: ${oneLine(finding.signature)}`,
        `// found: ${oneLine(finding.found)}`,
        `// source: ${finding.source ?? '-'}`,
        '// escapes: \\\\ backslash, \\r carriage return, \\u{HEX} one character, \\u{HEX*N} N of them',
        '// ---',
        escapeInput(finding.text),
    ].join('\n');
}

export function readFinding(file: string): Finding {
    const end = file.indexOf('\n// ---\n');
    if (end < 0) throw new Error('not a fuzz finding: no "// ---" line after the header');
    const header = new Map(file.slice(0, end).split('\n').map(line => {
        const m = /^\/\/ ([\w-]+): (.*)$/.exec(line);
        return m ? [m[1], m[2]] as const : ['', ''] as const;
    }));
    const [, kind, stage] = /^(crash|hang) in stage (\S+)$/.exec(header.get('fuzz') ?? '') ?? [];
    if (!kind) throw new Error('not a fuzz finding: no "// fuzz: KIND in stage STAGE" line');
    const source = header.get('source');
    return {
        kind: kind as Finding['kind'], stage,
        error: header.get('error') ?? '', signature: unescapeInput(header.get('signature') ?? ''), found: header.get('found') ?? '',
        source: source && source !== '-' ? source : undefined,
        text: unescapeInput(file.slice(end + '\n// ---\n'.length)),
    };
}
