/**
 * Seeded mutations of real contracts: byte and token edits, splices from other files, deep nesting, long runs,
 * control characters, lone surrogates, BOM, CR/CRLF line ends, Windows-1252 mojibake, and "structural" edits a user
 * makes (a name dropped after its keyword, a line deleted, duplicated or moved). An input is a corpus file with one
 * to four mutations applied; the same (seed, index) always gives the same input.
 */
import type { CorpusFile } from './corpus.js';
import { Random } from './random.js';

export interface FuzzInput {
    /** Index of the corpus file the input was made from. */
    readonly source: number;
    /** What was done to it, for the report. */
    readonly mutations: readonly string[];
    readonly text: string;
}

export interface MutationContext {
    readonly corpus: readonly CorpusFile[];
    /** The grammar's keywords and punctuation. */
    readonly keywords: readonly string[];
    /** Longest run a mutation may write: a few MB in the long campaign, less in `npm test`. */
    readonly maxRun: number;
}

type Mutation = (text: string, random: Random, context: MutationContext) => string;

/** Characters that break naive code: controls, separators, no-break spaces, quotes, escapes, specials. */
const NASTY = [
    '\u0000', '\u0001', '\u0007', '\b', '\t', '\u000B', '\f', '\r', '\u001B', '\u007F', '\u0085', '\u00A0', '\u200B',
    '\u200E', '\u202E', '\u2028', '\u2029', '\u202F', '\u2009', '\uFEFF', '\uFFFD', '\uFFFE', '\uFFFF', '\uD800',
    '\uDBFF', '\uDC00', '\uDFFF', '😀', 'é', 'É', 'œ', '€', '%', '"', '\\', '“', '”', '«', '»', '/', '*', '//', '/*',
    '*/', '{', '}', ':', ',', '.', '-', '<', '>', '&', '`', '|', '[', ']', '#', '_', '\n', ' ', '0', '9', 'a', 'Z',
];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D'];
const TOKEN = /"(?:\\.|[^"\\\n])*"|“[^”\n]*”|\/\/[^\n]*|[\p{L}_][\p{L}\p{N}_]*|\d+|\s+|./gsu;

function at(text: string, random: Random): number {
    return random.below(text.length + 1);
}

function insert(text: string, position: number, piece: string): string {
    return text.slice(0, position) + piece + text.slice(position);
}

function tokens(text: string): RegExpExecArray[] {
    return [...text.matchAll(TOKEN)].filter(m => !/^\s+$/.test(m[0])) as RegExpExecArray[];
}

function replaceToken(text: string, token: RegExpExecArray, by: string): string {
    return text.slice(0, token.index) + by + text.slice(token.index + token[0].length);
}

function randomCharacter(random: Random): string {
    switch (random.below(4)) {
        case 0: return random.pick(NASTY);
        case 1: return String.fromCharCode(random.below(0x80));
        case 2: return String.fromCharCode(random.below(0x10000));
        default: return String.fromCodePoint(random.below(0x110000));
    }
}

/** The string literals of a text (titles, labels, import paths), where several defects hid. */
function stringLiterals(text: string): RegExpExecArray[] {
    return [...text.matchAll(/"(?:\\.|[^"\\\n])*"|“[^”\n]*”/g)] as RegExpExecArray[];
}

/** A place inside a string literal if there is one (half the time), else anywhere. */
function placeForContent(text: string, random: Random): number {
    const literals = stringLiterals(text);
    if (literals.length > 0 && random.chance(0.5)) {
        const literal = random.pick(literals);
        return literal.index + 1 + random.below(literal[0].length - 1);
    }
    return at(text, random);
}

const MUTATIONS: Record<string, Mutation> = {
    deleteBytes(text, random) {
        const start = at(text, random);
        return text.slice(0, start) + text.slice(start + random.logLength(1, 400));
    },
    insertCharacters(text, random) {
        const count = random.between(1, 8);
        let piece = '';
        for (let i = 0; i < count; i++) piece += randomCharacter(random);
        return insert(text, placeForContent(text, random), piece);
    },
    replaceCharacter(text, random) {
        const position = random.below(text.length);
        return text.slice(0, position) + randomCharacter(random) + text.slice(position + 1);
    },
    flipBit(text, random) {
        const position = random.below(text.length);
        const code = text.charCodeAt(position) ^ (1 << random.below(16));
        return text.slice(0, position) + String.fromCharCode(code) + text.slice(position + 1);
    },
    deleteToken(text, random) {
        const all = tokens(text);
        return all.length === 0 ? text : replaceToken(text, random.pick(all), '');
    },
    duplicateToken(text, random) {
        const all = tokens(text);
        if (all.length === 0) return text;
        const token = random.pick(all);
        return replaceToken(text, token, `${token[0]} ${token[0]}`);
    },
    replaceToken(text, random, context) {
        const all = tokens(text);
        if (all.length === 0) return text;
        const donor = random.chance(0.5) ? random.pick(context.keywords) : random.pick(all)[0];
        return replaceToken(text, random.pick(all), donor);
    },
    insertKeyword(text, random, context) {
        return insert(text, at(text, random), ` ${random.pick(context.keywords)} `);
    },
    swapTokens(text, random) {
        const all = tokens(text);
        if (all.length < 2) return text;
        let [a, b] = [random.pick(all), random.pick(all)];
        if (a.index > b.index) [a, b] = [b, a];
        if (a.index + a[0].length > b.index) return text;
        return text.slice(0, a.index) + b[0] + text.slice(a.index + a[0].length, b.index) + a[0] + text.slice(b.index + b[0].length);
    },
    /** A declaration loses its name: `action ACT1 "…"` becomes `action "…"`. */
    dropName(text, random) {
        const declarations = [...text.matchAll(/\b([\p{L}_]+)[ \t]+([A-Z_][A-Za-z0-9_]*)(?=[ \t]+["“{])/gu)];
        if (declarations.length === 0) return text;
        const m = random.pick(declarations);
        const nameAt = m.index + m[0].length - m[2].length;
        return text.slice(0, nameAt - 1) + text.slice(nameAt + m[2].length);
    },
    /** A name is renamed to another name of the file (duplicates, dangling and cyclic references). */
    renameName(text, random) {
        const names = [...new Set([...text.matchAll(/\b[A-Z][A-Z0-9_]+\b/g)].map(m => m[0]))];
        if (names.length < 2) return text;
        return text.split(random.pick(names)).join(random.pick(names));
    },
    /** A line broken between two words (the text still parses: the formatter and the diff get to work). */
    breakLine(text, random) {
        const spaces = [...text.matchAll(/(?<=\S) (?=\S)/g)];
        if (spaces.length === 0) return text;
        const m = random.pick(spaces);
        return text.slice(0, m.index) + random.pick(['\n', '\n    ', '\n\n', ' \n ']) + text.slice(m.index + 1);
    },
    /** Two lines joined (the text still parses). */
    joinLines(text, random) {
        const breaks = [...text.matchAll(/\n[ \t]*/g)];
        if (breaks.length === 0) return text;
        const m = random.pick(breaks);
        return text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
    },
    spliceFromCorpus(text, random, context) {
        const donor = random.pick(context.corpus).text;
        const start = random.below(donor.length);
        const piece = donor.slice(start, start + random.logLength(1, 2000));
        const position = at(text, random);
        const replaced = random.chance(0.5) ? random.logLength(1, 400) : 0;
        return text.slice(0, position) + piece + text.slice(position + replaced);
    },
    appendCorpusFile(text, random, context) {
        return `${text}\n${random.pick(context.corpus).text}`;
    },
    deleteLine(text, random) {
        const lines = text.split('\n');
        lines.splice(random.below(lines.length), random.logLength(1, 20));
        return lines.join('\n');
    },
    duplicateLines(text, random) {
        const lines = text.split('\n');
        const start = random.below(lines.length);
        const chunk = lines.slice(start, start + random.logLength(1, 30));
        lines.splice(random.below(lines.length + 1), 0, ...chunk);
        return lines.join('\n');
    },
    moveLine(text, random) {
        const lines = text.split('\n');
        const [line] = lines.splice(random.below(lines.length), 1);
        lines.splice(random.below(lines.length + 1), 0, line);
        return lines.join('\n');
    },
    truncate(text, random) {
        return text.slice(0, at(text, random));
    },
    deepNesting(text, random, context) {
        const depth = random.chance(0.1) ? random.logLength(500, Math.min(context.maxRun, 20_000)) : random.logLength(4, 500);
        const opener = random.pick(['{', '{ ', 'perimetre { ', 'axe A "a" { ', 'objectif O "o" { ', '(', '[', '/*']);
        const closer = random.chance(0.5) ? random.pick(['}', ' }', ')', ']', '*/']).repeat(depth) : '';
        return insert(text, at(text, random), opener.repeat(depth) + closer);
    },
    longRun(text, random, context) {
        // Mostly a few thousand characters; one in ten up to the limit (megabytes cost seconds per input).
        const length = random.chance(0.1) ? random.logLength(2000, context.maxRun) : random.logLength(16, Math.min(context.maxRun, 5000));
        const unit = random.pick([' ', 'a', '9', 'é', '\u00A0', '\n', '\t', '"', '\\', '{', '-', '*', '/', '0 ', 'x ', '«', '\uD800', '😀']);
        return insert(text, placeForContent(text, random), unit.repeat(Math.max(1, Math.floor(length / unit.length))));
    },
    longNumber(text, random, context) {
        const numbers = [...text.matchAll(/\d[\d ]*/g)];
        if (numbers.length === 0) return text;
        const m = random.pick(numbers);
        const digits = '9'.repeat(random.logLength(10, Math.min(context.maxRun, 100_000)));
        return text.slice(0, m.index) + digits + text.slice(m.index + m[0].length);
    },
    loneSurrogate(text, random) {
        return insert(text, placeForContent(text, random), random.pick(LONE_SURROGATES));
    },
    controlCharacter(text, random) {
        return insert(text, placeForContent(text, random), String.fromCharCode(random.pick([0, 1, 8, 11, 12, 27, 127, 0x85, 0x2028, 0x2029])));
    },
    byteOrderMark(text, random) {
        return random.chance(0.5) ? `\uFEFF${text}` : insert(text, at(text, random), '\uFEFF');
    },
    lineEnds(text, random) {
        switch (random.below(3)) {
            case 0: return text.replace(/\n/g, '\r\n');
            case 1: return text.replace(/\n/g, '\r');
            default: return text.replace(/\n/g, () => random.pick(['\n', '\r\n', '\r', '\n\r']));
        }
    },
    /** UTF-8 bytes read as Windows-1252 (`é` → `Ã©`), or Windows-1252 bytes read as UTF-8 (`é` → U+FFFD). */
    windows1252(text, random) {
        if (random.chance(0.5)) return new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));
        return new TextDecoder('utf-8').decode(Buffer.from(text, 'latin1'));
    },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** The grammar's keywords (quoted in the grammar) and punctuation, for token mutations. */
export function grammarKeywords(grammar: string): string[] {
    return [...new Set([...grammar.matchAll(/'([^'\s]+)'/g)].map(m => m[1]))].sort();
}

/** Input `index` of the campaign seeded with `seed`. */
export function makeInput(seed: number, index: number, context: MutationContext): FuzzInput {
    const random = Random.forInput(seed, index);
    const source = random.below(context.corpus.length);
    let text = context.corpus[source].text;
    const mutations: string[] = [];
    const count = random.between(1, 4);
    for (let i = 0; i < count; i++) {
        // The encoding and size mutations are rarer: they change the whole text, or make it big and slow.
        const name = random.chance(0.12)
            ? random.pick(['longRun', 'deepNesting', 'longNumber', 'windows1252', 'lineEnds', 'byteOrderMark', 'appendCorpusFile'])
            : random.pick(MUTATION_NAMES);
        text = MUTATIONS[name](text, random, context);
        mutations.push(name);
    }
    return { source, mutations, text };
}
