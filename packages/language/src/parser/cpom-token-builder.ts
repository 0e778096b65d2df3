/**
 * Lexes quoted texts with a linear scan instead of the grammar's regular expression. V8 runs a group repeated
 * under `*` with a backtracking stack that grows with the number of iterations: the grammar's STRING pattern threw
 * "Maximum call stack size exceeded" on a 5 MB text (any form of it does on millions of escapes). The scan accepts
 * exactly what the grammar's pattern accepts — `"…"` where a backslash escapes any character but a line break,
 * and `“…”` without escapes — in constant stack, whatever the length.
 *
 * And in linear time over a whole text: an opening quote without its closing one scans to the end of the text, and
 * so did every later one (20,000 `“` took 2 s to lex, 100,000 a minute; `"\` repeated, as long). What a failed scan
 * proves is kept for the rest of the lexing (keyed by Chevrotain's token list of that run), so that each character
 * is scanned once.
 *
 * And it builds the keyword tokens with less work at start-up (a third of a cold `cpom check` was the lexer's
 * construction): each keyword says it holds no line break, which Chevrotain otherwise finds by analysing each of
 * the 265 patterns; and the partial regular expression of each terminal, which tells whether a keyword is also a
 * prefix of that terminal (the keyword's longer alternatives), is built once instead of once per keyword.
 */
import type { CustomPatternMatcherFunc, IToken, TokenType } from 'chevrotain';
import { DefaultTokenBuilder, type GrammarAST, RegExpUtils } from 'langium';

export class CpomTokenBuilder extends DefaultTokenBuilder {
    /** Per terminal token: the partial expression of `^pattern$` (Langium's `partialMatches`), or null. */
    private readonly partialPatterns = new WeakMap<TokenType, RegExp | null>();

    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        // Chevrotain's default line terminators; a token that declares LINE_BREAKS is not analysed.
        token.LINE_BREAKS ??= /[\n\r]/.test(keyword.value);
        return token;
    }

    /** Langium's `findLongerAlt` (4.2): the terminals that match a prefix of the keyword (and are not empty). */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const partial = this.partialPatternOf(token);
            const match = partial ? keyword.value.match(partial) : null;
            return match !== null && match[0].length > 0;
        });
    }

    private partialPatternOf(token: TokenType): RegExp | null {
        let partial = this.partialPatterns.get(token);
        if (partial === undefined) {
            const source = (token.PATTERN as { source?: string } | undefined)?.source;
            partial = source ? RegExpUtils.partialRegExp('^' + source + '$') : null;
            this.partialPatterns.set(token, partial);
        }
        return partial;
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'STRING') {
            token.PATTERN = { exec: matchString };
            token.START_CHARS_HINT = ['"', '“'];
            token.LINE_BREAKS = true;
        }
        return token;
    }
}

/** Line terminators, which `.` of the grammar's `\\.` does not match. */
function isLineTerminator(c: number): boolean {
    return c === 0x0A || c === 0x0D || c === 0x2028 || c === 0x2029;
}

/**
 * What failed scans of one text proved. A `"` scan from `straightFrom` found no closing quote before `straightTo`:
 * every `"` in between was escaped in that scan, so a scan from any of them reads the same characters from the next
 * one on and fails too. A `“` scan from `curlyFrom` found no `”` after it: nor will a later one.
 */
interface FailedScans {
    straightFrom: number;
    straightTo: number;
    curlyFrom: number;
}

/** Per lexing run: Chevrotain passes the same token list to every match of one run, a new one to the next run. */
const scansByRun = new WeakMap<IToken[], FailedScans>();

/** The quoted text starting at `offset`, as the grammar's STRING terminal defines it; null when there is none. */
export const matchString: CustomPatternMatcherFunc = (text, offset, tokens) => {
    let scans: FailedScans | undefined;
    if (tokens) {
        scans = scansByRun.get(tokens);
        if (!scans) scansByRun.set(tokens, scans = { straightFrom: -1, straightTo: -1, curlyFrom: -1 });
    }
    const end = stringEnd(text, offset, scans);
    return end < 0 ? null : [text.slice(offset, end)];
};

/** Offset just past the quoted text starting at `offset`, or -1; `scans`: what earlier failed scans of `text` proved. */
export function stringEnd(text: string, offset: number, scans?: FailedScans): number {
    const open = text.charCodeAt(offset);
    if (open === 0x201C) { // “ … ”, no escapes
        if (scans && scans.curlyFrom >= 0 && offset > scans.curlyFrom) return -1;
        const close = text.indexOf('”', offset + 1);
        if (close < 0 && scans) scans.curlyFrom = offset;
        return close < 0 ? -1 : close + 1;
    }
    if (open !== 0x22) return -1;
    if (scans && offset > scans.straightFrom && offset < scans.straightTo) return -1;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return i + 1;
        if (c === 0x5C) {
            // A backslash escapes the next character, unless it is a line break or the end of the text.
            if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return failed(scans, offset, i);
            i++;
        }
    }
    return failed(scans, offset, text.length);
}

function failed(scans: FailedScans | undefined, from: number, to: number): -1 {
    if (scans) {
        scans.straightFrom = from;
        scans.straightTo = to;
    }
    return -1;
}
