/**
 * The first syntax error of a document, with its place: what the CLI (fmt, diff on versions) and the server
 * (preview, render, diff) say when they refuse a text. Read from the parse result, so it works on a document that
 * was parsed but not validated (an older version loaded only to be compared).
 */
import type { LangiumDocument } from 'langium';
import type { Locale } from './catalogue.js';
import { formatMessage } from './rules.js';
import { isNestingError, isTokenLimitError } from '../parser/cpom-lexer.js';
import { isSyntaxErrorLimitError } from '../parser/syntax-error-limit.js';
import { parserErrorDetail } from './syntax-messages.js';

export interface SyntaxErrorPlace {
    /** 1-based line and column. */
    readonly line: number;
    readonly column: number;
    /** The CPOM001 message, as the diagnostic words it (a sentence with its final period). */
    readonly message: string;
}

/** Characters of an unexpected run quoted in the message, as the validator does. */
const QUOTED_CHARACTERS = 20;

export function firstSyntaxError(document: LangiumDocument, locale: Locale = 'fr'): SyntaxErrorPlace | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    const text = document.textDocument.getText();
    const candidates: SyntaxErrorPlace[] = [];
    const lexing = lexerErrors[0];
    if (lexing && isNestingError(lexing)) {
        candidates.push({
            line: lexing.line ?? 1,
            column: lexing.column ?? 1,
            message: formatMessage('CPOM001', { detail: { variant: 'nesting', limit: lexing.nestingLimit } }, locale),
        });
    } else if (lexing && isTokenLimitError(lexing)) {
        candidates.push({
            line: lexing.line ?? 1,
            column: lexing.column ?? 1,
            message: formatMessage('CPOM001', { detail: { variant: 'tokens', limit: lexing.tokenLimit } }, locale),
        });
    } else if (lexing && isSyntaxErrorLimitError(lexing)) {
        candidates.push({
            line: lexing.line ?? 1,
            column: lexing.column ?? 1,
            message: formatMessage('CPOM001', { detail: { variant: 'errors', limit: lexing.syntaxErrorLimit } }, locale),
        });
    } else if (lexing) {
        const character = text.substr(lexing.offset, Math.max(1, Math.min(lexing.length, QUOTED_CHARACTERS)));
        candidates.push({
            line: lexing.line ?? 1,
            column: lexing.column ?? 1,
            message: formatMessage('CPOM001', { detail: { variant: 'character', character } }, locale),
        });
    }
    const parsing = parserErrors[0];
    if (parsing) {
        const token = parsing.token;
        const message = formatMessage('CPOM001', { detail: parserErrorDetail(parsing.message, locale) }, locale);
        if (token.startLine === undefined || Number.isNaN(token.startLine)) {
            // The end of the file (Chevrotain's EOF token has no position): the place after the last character.
            const lines = text.split(/\r\n|\r|\n/);
            candidates.push({ line: lines.length, column: lines[lines.length - 1].length + 1, message });
        } else {
            const column = token.startColumn === undefined || Number.isNaN(token.startColumn) ? 1 : token.startColumn;
            candidates.push({ line: token.startLine, column, message });
        }
    }
    return candidates.sort((a, b) => a.line - b.line || a.column - b.column)[0];
}

/** The message without its final period, to be set inside a sentence ("…, ligne 3 : Attendu : … »"). */
export function syntaxErrorClause(error: SyntaxErrorPlace): string {
    return error.message.replace(/(?<!\.)\.+$/, '');
}
