/**
 * The lexer, linear on characters that start no token. Chevrotain recovers from such a character by trying every
 * pattern of the grammar (some 300) at each following offset: 10 µs a character, 3 s for 263,000 « and a minute
 * for a 5 MB run, paid again by every completion request, which lexes the whole text. This lexer adds a last-resort
 * token that takes the character no other token takes, with the run of characters after it that no token can start
 * (read from Chevrotain's first-character table), and turns these tokens back into the very lexer errors Chevrotain
 * reports: same offsets, lengths, lines, columns and messages, one error for each run.
 *
 * It also bounds the nesting of `{ }`: a block opened deeper than MAX_NESTING levels is left out of the token stream
 * up to its closing brace, with a lexer error on its opening brace (CPOM001, "nesting"). No contract nests more than
 * five levels; Chevrotain's recovery costs time in the depth for each error, and 10,000 levels with as many errors
 * took 14 s to parse.
 *
 * And it bounds the number of tokens read: past MAX_TOKENS (visible, hidden and unlexable runs together) the rest of
 * the text is one left-out token, with a lexer error where it starts (CPOM001, "tokens"). Lexing, parsing and every
 * completion request cost about a microsecond a token; a run of millions of `{`, `,` or `""` took seconds of each.
 *
 * Chevrotain's lexer over the grammar's tokens alone (Langium's `DefaultLexer`) is built only if asked for: the
 * first-character table comes from the lexer with the last-resort token, and each construction analyses every
 * pattern of the grammar (a sizeable part of the start-up of `cpom check`).
 */
import { Lexer as ChevrotainLexer, type ILexerErrorMessageProvider, type IToken, type ILexingError, type TokenType } from 'chevrotain';
import { type Lexer, type LangiumCoreServices, type LexerResult, type TokenBuilder, type TokenizeOptions } from 'langium';

/** Deepest `{ }` nesting read; a deeper block is left out with an error. */
export const MAX_NESTING = 64;

/** The lexer error of a block nested too deep (its opening brace), worded as CPOM001 "nesting". */
export interface NestingError extends ILexingError {
    readonly nestingLimit: number;
}

export function isNestingError(error: ILexingError): error is NestingError {
    return typeof (error as Partial<NestingError>).nestingLimit === 'number';
}

/**
 * Most tokens read; the rest of the text is left out with an error. The 20,000-line contract of the benchmark has
 * 82,000 tokens; 250,000 tokens of error recovery parse in about half a second.
 */
export const MAX_TOKENS = 250_000;

/** The lexer error where the text stops being read (MAX_TOKENS), worded as CPOM001 "tokens". */
export interface TokenLimitError extends ILexingError {
    readonly tokenLimit: number;
}

export function isTokenLimitError(error: ILexingError): error is TokenLimitError {
    return typeof (error as Partial<TokenLimitError>).tokenLimit === 'number';
}

/** The token group the unlexable runs go to (never the parser's token stream). */
const INVALID_GROUP = 'invalid';
/** The token group of the text left unread past MAX_TOKENS. */
const UNREAD_GROUP = 'unread';

/** Chevrotain's index of a character in its first-character table (`charCodeToOptimizedIndex`, lexer.js). */
function optimizedIndex(code: number): number {
    return code < 256 ? code : 255 + Math.floor(code / 255);
}

/** The internal first-character table of a Chevrotain lexer (pinned version; checked, never assumed). */
interface FirstCharTable {
    readonly canModeBeOptimized?: Record<string, boolean>;
    readonly charCodeToPatternIdxToConfig?: Record<string, Array<unknown[] | undefined>>;
}

/**
 * For each first-character index, whether no token of the lexer but the `ignored` ones can start with a character of
 * that index; undefined when the lexer has no such table (then every character is tried one by one, as before).
 */
export function deadStartIndices(lexer: ChevrotainLexer, ignored: readonly TokenType[] = []): boolean[] | undefined {
    const table = lexer as unknown as FirstCharTable;
    const byIndex = table.charCodeToPatternIdxToConfig?.defaultMode;
    if (table.canModeBeOptimized?.defaultMode !== true || !Array.isArray(byIndex)) return undefined;
    const typeOf = (config: unknown) => (config as { tokenType?: TokenType }).tokenType;
    // Each entry names its token type (Chevrotain 11's pattern configuration): needed to leave `ignored` out.
    if (ignored.length > 0 && byIndex.some(configs => configs?.some(config => typeOf(config) === undefined))) return undefined;
    const size = optimizedIndex(0xFFFF) + 1;
    return Array.from({ length: size }, (_, i) => !byIndex[i]?.some(config => !ignored.includes(typeOf(config)!)));
}

/** One character of each index of Chevrotain's first-character table: a token that may start anywhere. */
function anyStartChars(): number[] {
    const startChars: number[] = [];
    for (let code = 0; code <= 0xFFFF; code++) {
        if (code === 0 || optimizedIndex(code) !== optimizedIndex(code - 1)) startChars.push(code);
    }
    return startChars;
}

/**
 * The first token tried at every offset: nothing until `limit` tokens were read (of any group), then the whole rest
 * of the text, so that the lexer stops there.
 */
function unreadRestToken(limit: number, startChars: number[]): TokenType {
    return {
        name: 'CPOM_UNREAD',
        GROUP: UNREAD_GROUP,
        LINE_BREAKS: false,
        START_CHARS_HINT: startChars,
        PATTERN: {
            exec: (text: string, offset: number, tokens: IToken[], groups: Record<string, IToken[] | undefined>) => {
                if (tokens.length + (groups.hidden?.length ?? 0) + (groups[INVALID_GROUP]?.length ?? 0) < limit) return null;
                return [text.slice(offset)] as unknown as RegExpExecArray;
            },
        },
    } as TokenType;
}

/** The last-resort token: the character at the offset (no other token matched it) and the dead run after it. */
function invalidRunToken(dead: readonly boolean[], startChars: number[]): TokenType {
    return {
        name: 'CPOM_UNLEXABLE',
        GROUP: INVALID_GROUP,
        LINE_BREAKS: false,
        START_CHARS_HINT: startChars,
        PATTERN: {
            exec: (text: string, offset: number) => {
                let end = offset + 1;
                while (end < text.length && dead[optimizedIndex(text.charCodeAt(end))]) end++;
                return [text.slice(offset, end)] as RegExpExecArray;
            },
        },
    } as TokenType;
}

export class CpomLexer implements Lexer {
    private readonly tokenBuilder: TokenBuilder;
    private readonly errorMessageProvider: ILexerErrorMessageProvider;
    private readonly skipValidations: boolean;
    private readonly tokenTypes: Record<string, TokenType>;
    /** The grammar's tokens and the last-resort one; undefined: Chevrotain's table was not found. */
    private readonly linearLexer: ChevrotainLexer | undefined;
    private plainLexer: ChevrotainLexer | undefined;

    constructor(services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        this.errorMessageProvider = services.parser.LexerErrorMessageProvider;
        this.skipValidations = services.LanguageMetaData.mode === 'production';
        // As Langium's DefaultLexer (4.2): the grammar's tokens, by name.
        const built = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        if (!Array.isArray(built)) throw new Error('CpomLexer: the token builder must give a list of tokens');
        this.tokenTypes = Object.fromEntries(built.map(token => [token.name, token]));
        // The same token objects as the parser's vocabulary, in the same order, the last-resort token last, so that
        // it is tried only once every other token failed; the limit first, so that it stops the lexer at once. The
        // last-resort token reads the dead table, filled once the lexer has built its first-character table.
        const dead: boolean[] = [];
        const startChars = anyStartChars();
        const extra = [unreadRestToken(MAX_TOKENS, startChars), invalidRunToken(dead, startChars)];
        const linear = this.chevrotainLexerOf([extra[0], ...Object.values(this.tokenTypes), extra[1]]);
        const found = deadStartIndices(linear, extra);
        if (found) {
            dead.push(...found);
            this.linearLexer = linear;
        }
    }

    get definition(): Record<string, TokenType> {
        return this.tokenTypes;
    }

    /** Chevrotain's lexer over the grammar's tokens alone, as Langium's DefaultLexer builds it. */
    get chevrotainLexer(): ChevrotainLexer {
        return this.plainLexer ??= this.chevrotainLexerOf(Object.values(this.tokenTypes));
    }

    tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const result = this.linearLexer ? this.lexLinearly(text) : this.lexPlainly(text);
        const nesting = limitNesting(result.tokens, MAX_NESTING);
        if (nesting.errors.length === 0) return result;
        return { ...result, tokens: nesting.tokens, errors: [...result.errors, ...nesting.errors].sort((a, b) => a.offset - b.offset) };
    }

    private chevrotainLexerOf(tokens: TokenType[]): ChevrotainLexer {
        return new ChevrotainLexer(tokens, { positionTracking: 'full', skipValidations: this.skipValidations, errorMessageProvider: this.errorMessageProvider });
    }

    /** Langium's DefaultLexer.tokenize (4.2). */
    private lexPlainly(text: string): LexerResult {
        const result = this.chevrotainLexer.tokenize(text);
        return { tokens: result.tokens, errors: result.errors, hidden: result.groups.hidden ?? [], report: this.tokenBuilder.flushLexingReport?.(text) };
    }

    private lexLinearly(text: string): LexerResult {
        const result = this.linearLexer!.tokenize(text);
        const unlexable = result.groups[INVALID_GROUP] ?? [];
        const unread: TokenLimitError[] = (result.groups[UNREAD_GROUP] ?? []).map(token => ({
            offset: token.startOffset, line: token.startLine, column: token.startColumn, length: 1,
            message: `more than ${MAX_TOKENS} tokens`, tokenLimit: MAX_TOKENS,
        }));
        const errors = unlexable.length === 0 && unread.length === 0 ? result.errors : [...result.errors, ...this.errorsOf(text, unlexable), ...unread];
        return {
            tokens: result.tokens,
            errors: errors === result.errors ? errors : errors.sort((a, b) => a.offset - b.offset),
            hidden: result.groups.hidden ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text),
        };
    }

    /** One lexer error for each run of adjacent unlexable tokens, as Chevrotain's recovery reports it. */
    private errorsOf(text: string, tokens: readonly IToken[]): ILexingError[] {
        const errors: ILexingError[] = [];
        for (let i = 0; i < tokens.length;) {
            const first = tokens[i];
            let end = first.startOffset + first.image.length;
            for (i++; i < tokens.length && tokens[i].startOffset === end; i++) end = tokens[i].startOffset + tokens[i].image.length;
            const line = first.startLine ?? 1;
            const column = first.startColumn ?? 1;
            const length = end - first.startOffset;
            errors.push({
                offset: first.startOffset, line, column, length,
                message: this.errorMessageProvider.buildUnexpectedCharactersMessage(text, first.startOffset, length, line, column),
            });
        }
        return errors;
    }
}

/**
 * The tokens without the blocks opened deeper than `limit` (from their `{` to their `}`, or to the end), and an
 * error on the opening brace of each such block.
 */
export function limitNesting(tokens: IToken[], limit: number): { tokens: IToken[]; errors: NestingError[] } {
    const errors: NestingError[] = [];
    let depth = 0;
    let kept: IToken[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token.image === '{' && depth === limit) {
            kept ??= tokens.slice(0, i);
            errors.push({ offset: token.startOffset, line: token.startLine, column: token.startColumn, length: 1, message: `nesting deeper than ${limit} levels`, nestingLimit: limit });
            // Skip to the brace that closes this block.
            let inner = 0;
            for (; i < tokens.length; i++) {
                if (tokens[i].image === '{') inner++;
                else if (tokens[i].image === '}' && --inner === 0) break;
            }
            continue;
        }
        if (token.image === '{') depth++;
        else if (token.image === '}' && depth > 0) depth--;
        kept?.push(token);
    }
    return { tokens: kept ?? tokens, errors };
}
