/**
 * The parse stops after MAX_SYNTAX_ERRORS syntax errors. Each error costs Chevrotain's recovery some 30–50 µs
 * (exceptions, messages, the resync search, tree nodes), so a text of stray words — 145,000 names pasted in a block
 * (fuzz seed 20261204, input 6310), within the lexer's MAX_TOKENS — took seconds to parse, and as long again to link
 * and validate its broken tree, on every keystroke. No one reads past the first hundred errors of a text: past the
 * limit, the rest of the tokens are hidden from the parser (it sees the end of the text, closes what is open and
 * returns the tree so far), and one more error, worded as CPOM001 "errors", says where the reading stopped.
 */
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import type { LangiumParser, ParseResult } from 'langium';

export const MAX_SYNTAX_ERRORS = 1_000;

/** The error where the parse stopped (MAX_SYNTAX_ERRORS), in the lexer's errors: a place, worded as CPOM001 "errors". */
export interface SyntaxErrorLimitError extends ILexingError {
    readonly syntaxErrorLimit: number;
}

export function isSyntaxErrorLimitError(error: ILexingError): error is SyntaxErrorLimitError {
    return typeof (error as Partial<SyntaxErrorLimitError>).syntaxErrorLimit === 'number';
}

/** The members of Chevrotain's parser (chevrotain 11) that stopping uses. */
interface StoppableParser {
    _errors: IRecognitionException[];
    tokVector: IToken[];
    tokVectorLength: number;
    currIdx: number;
    LA(howMuch: number): IToken;
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
}

/** Makes `parser` stop reading after `limit` syntax errors (a parameter for the tests). */
export function stopAfterSyntaxErrors(parser: LangiumParser, limit = MAX_SYNTAX_ERRORS): LangiumParser {
    const wrapper = (parser as unknown as { wrapper?: StoppableParser }).wrapper;
    if (!wrapper || typeof wrapper.SAVE_ERROR !== 'function' || !Array.isArray(wrapper._errors)) return parser;
    let stoppedAt: IToken | undefined;
    const save = wrapper.SAVE_ERROR.bind(wrapper);
    wrapper.SAVE_ERROR = function (this: StoppableParser, error: IRecognitionException) {
        const saved = save(error);
        // `_errors`, not `errors`: Chevrotain's getter copies the list.
        if (stoppedAt === undefined && this._errors.length >= limit) {
            const next = this.LA(1);
            stoppedAt = Number.isFinite(error.token.startOffset) ? error.token : next;
            // The parser sees the end of the text after the current token (LA reads up to tokVectorLength).
            this.tokVector = this.tokVector.slice(0, this.currIdx + 1);
            this.tokVectorLength = this.tokVector.length;
        }
        return saved;
    };
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string, options?: { rule?: string }) => {
        stoppedAt = undefined;
        const result = parse(input, options) as ParseResult;
        // Set by SAVE_ERROR during the parse (TypeScript cannot see it).
        const at = stoppedAt as IToken | undefined;
        if (at && Number.isFinite(at.startOffset)) {
            const stop: SyntaxErrorLimitError = {
                offset: at.startOffset, line: at.startLine, column: at.startColumn, length: Math.max(1, at.image.length),
                message: `more than ${limit} syntax errors`, syntaxErrorLimit: limit,
            };
            result.lexerErrors.push(stop);
        }
        return result;
    }) as LangiumParser['parse'];
    return parser;
}
