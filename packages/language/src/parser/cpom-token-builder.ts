/**
 * Lexes quoted texts with a linear scan instead of the grammar's regular expression. V8 runs a group repeated
 * under `*` with a backtracking stack that grows with the number of iterations: the grammar's STRING pattern threw
 * "Maximum call stack size exceeded" on a 5 MB text (any form of it does on millions of escapes). The scan accepts
 * exactly what the grammar's pattern accepts — `"…"` where a backslash escapes any character but a line break,
 * and `“…”` without escapes — in constant stack, whatever the length.
 */
import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';
import { DefaultTokenBuilder, type GrammarAST } from 'langium';

export class CpomTokenBuilder extends DefaultTokenBuilder {
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

/** The quoted text starting at `offset`, as the grammar's STRING terminal defines it; null when there is none. */
export const matchString: CustomPatternMatcherFunc = (text, offset) => {
    const end = stringEnd(text, offset);
    return end < 0 ? null : [text.slice(offset, end)];
};

/** Offset just past the quoted text starting at `offset`, or -1. */
export function stringEnd(text: string, offset: number): number {
    const open = text.charCodeAt(offset);
    if (open === 0x201C) { // “ … ”, no escapes
        const close = text.indexOf('”', offset + 1);
        return close < 0 ? -1 : close + 1;
    }
    if (open !== 0x22) return -1;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return i + 1;
        if (c === 0x5C) {
            // A backslash escapes the next character, unless it is a line break or the end of the text.
            if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return -1;
            i++;
        }
    }
    return -1;
}
