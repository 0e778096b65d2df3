/**
 * The lexer, linear on characters that start no token. Chevrotain recovers from such a character by trying every
 * pattern of the grammar (some 300) at each following offset: 10 µs a character, 3 s for 263,000 « and a minute
 * for a 5 MB run, paid again by every completion request, which lexes the whole text. This lexer adds a last-resort
 * token that takes the character no other token takes, with the run of characters after it that no token can start
 * (read from Chevrotain's first-character table), and turns these tokens back into the very lexer errors Chevrotain
 * reports: same offsets, lengths, lines, columns and messages, one error for each run.
 */
import { Lexer as ChevrotainLexer, type IToken, type ILexingError, type TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';

/** The token group the unlexable runs go to (never the parser's token stream). */
const INVALID_GROUP = 'invalid';

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
 * For each first-character index, whether no token of the lexer can start with a character of that index; undefined
 * when the lexer has no such table (then every character is tried one by one, as before).
 */
export function deadStartIndices(lexer: ChevrotainLexer): boolean[] | undefined {
    const table = lexer as unknown as FirstCharTable;
    const byIndex = table.charCodeToPatternIdxToConfig?.defaultMode;
    if (table.canModeBeOptimized?.defaultMode !== true || !Array.isArray(byIndex)) return undefined;
    const size = optimizedIndex(0xFFFF) + 1;
    return Array.from({ length: size }, (_, i) => !(byIndex[i]?.length));
}

/** The last-resort token: the character at the offset (no other token matched it) and the dead run after it. */
function invalidRunToken(dead: readonly boolean[]): TokenType {
    const startChars: number[] = [];
    for (let code = 0; code <= 0xFFFF; code++) {
        if (code === 0 || optimizedIndex(code) !== optimizedIndex(code - 1)) startChars.push(code);
    }
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

export class CpomLexer extends DefaultLexer {
    /** The grammar's tokens and the last-resort one; undefined: Chevrotain's table was not found. */
    private readonly linearLexer: ChevrotainLexer | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        const dead = deadStartIndices(this.chevrotainLexer);
        if (!dead) return;
        // The same token objects as the parser's vocabulary, in the same order, the last-resort token last, so that
        // it is tried only once every other token failed.
        this.linearLexer = new ChevrotainLexer([...Object.values(this.definition), invalidRunToken(dead)], {
            positionTracking: 'full',
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: this.errorMessageProvider,
        });
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (!this.linearLexer) return super.tokenize(text, options);
        const result = this.linearLexer.tokenize(text);
        const unlexable = result.groups[INVALID_GROUP] ?? [];
        return {
            tokens: result.tokens,
            errors: unlexable.length === 0 ? result.errors : [...result.errors, ...this.errorsOf(text, unlexable)].sort((a, b) => a.offset - b.offset),
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
