/**
 * French and English messages for syntax errors, naming what was expected in the user's words, and suggesting the
 * keyword a misspelt word was meant to be ("vouliez-vous dire « établissement » ?").
 */
import type { IToken, TokenType } from 'chevrotain';
import { AstUtils, type Grammar, GrammarAST, LangiumParserErrorMessageProvider } from 'langium';
import { decodeBilingual, decodeSuggestions, encodeBilingual } from './bilingual.js';
import { formatMessage, type Locale, type Localized, type MessageParams } from './rules.js';
import { closestWords, MAX_WORD_LENGTH } from './suggestions.js';

const TERMINALS: Record<string, Localized> = {
    ID: { fr: 'un nom (identifiant)', en: 'a name (identifier)' },
    STRING: { fr: 'un texte entre guillemets', en: 'a quoted text' },
    NUMBER: { fr: 'un nombre', en: 'a number' },
    DATE: { fr: 'une date AAAA-MM-JJ', en: 'a date YYYY-MM-DD' },
    ALNUM: { fr: 'un code', en: 'a code' },
    EOF: { fr: 'la fin du fichier', en: 'the end of the file' },
};

function describe(type: TokenType): Localized {
    const terminal = TERMINALS[type.name];
    if (terminal) {
        return terminal;
    }
    const keyword = type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
    return { fr: `« ${keyword} »`, en: `'${keyword}'` };
}

/** Longest part of a token quoted in a message: a text of megabytes must not make a message of megabytes. */
const QUOTED_IMAGE_LENGTH = 40;

function found(token: IToken | undefined): Localized {
    if (!token || token.tokenType?.name === 'EOF') {
        return TERMINALS.EOF;
    }
    const image = token.image.length > QUOTED_IMAGE_LENGTH ? `${token.image.slice(0, QUOTED_IMAGE_LENGTH)}…` : token.image;
    return { fr: `« ${image} »`, en: `'${image}'` };
}

function alternatives(types: TokenType[]): Localized {
    const unique = [...new Map(types.map(t => [t.name, t])).values()].slice(0, 12);
    const parts = unique.map(describe);
    const join = (locale: 'fr' | 'en', or: string) => {
        const items = parts.map(p => p[locale]);
        return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
    };
    return { fr: join('fr', 'ou'), en: join('en', 'or') };
}

/** A word as keywords and names are written: what a misspelt keyword looks like. */
const WORD = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The keyword a token type stands for, or undefined for a terminal (a name, a number, a text…). */
function keywordOf(type: TokenType | undefined): string | undefined {
    if (!type || type.name in TERMINALS || !/^[\p{L}_]/u.test(type.name)) return undefined;
    const keyword = type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
    return WORD.test(keyword) ? keyword : undefined;
}

function expectedFound(expected: Localized, actual: Localized, suggestions: readonly string[] = []): string {
    return encodeBilingual({
        fr: `Attendu : ${expected.fr} ; trouvé : ${actual.fr}.`,
        en: `Expected ${expected.en} but found ${actual.en}.`,
    }, suggestions);
}

export class CpomParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    /** @param keywords every keyword of the language, for a slip at a place where the parser expected a `}`. */
    constructor(private readonly keywords: () => readonly string[] = () => []) {
        super();
    }

    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const suggestions = this.suggestions(actual, [expected]);
        if (suggestions.length > 0 && keywordOf(expected) === undefined && keywordOf(actual.tokenType) === undefined) {
            // A clause misspelt in a block reads as the block's end: the parser's "expected }" would mislead.
            return encodeBilingual({ fr: `Mot-clé inconnu ${found(actual).fr}.`, en: `Unknown keyword ${found(actual).en}.` }, suggestions);
        }
        return expectedFound(describe(expected), found(actual), suggestions);
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        const suggestions = this.suggestions(firstRedundant, [], TOP_LEVEL_KEYWORDS);
        return encodeBilingual({
            fr: `Texte inattendu ${found(firstRedundant).fr} : un contrat, un catalogue ou un avenant commence par « contrat », « catalogue » ou « avenant ».`,
            en: `Unexpected text ${found(firstRedundant).en}: a contract, a catalogue or an amendment starts with 'contrat', 'catalogue' or 'avenant'.`,
        }, suggestions);
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0]).filter(t => t !== undefined));
        return expectedFound(alternatives(firsts), found(actual[0]), this.suggestions(actual[0], firsts));
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = expectedIterationPaths.map(path => path[0]).filter(t => t !== undefined);
        return expectedFound(alternatives(firsts), found(actual[0]), this.suggestions(actual[0], firsts));
    }

    /**
     * The keywords a word was probably meant to be: among those expected there first; else, for a word that is no
     * keyword (a keyword out of place is not a slip), among `fallback` or all the keywords of the language — a clause
     * misspelt in a block is read as the end of the block, where only `}` is expected.
     */
    private suggestions(actual: IToken | undefined, expected: readonly TokenType[], fallback?: readonly string[]): string[] {
        // No word that long is a slip of a keyword; and a regex over millions of characters may overflow the stack
        // the parser's recursion left (fuzz seed 20261207, input 86734: a 4 M-character word).
        if (!actual || actual.image.length > MAX_WORD_LENGTH || !WORD.test(actual.image)) return [];
        const expectedKeywords = expected.map(keywordOf).filter((k): k is string => k !== undefined);
        const close = closestWords(actual.image, expectedKeywords);
        if (close.length > 0 || keywordOf(actual.tokenType) !== undefined) return close;
        // Where a name could stand, any word is one: no keyword to suggest.
        if (expected.some(t => t.name === 'ID')) return [];
        return closestWords(actual.image, fallback ?? this.keywords());
    }
}

/** The keywords of a grammar that are words (`établissement`, not `{`), read once when first needed. */
export function grammarKeywords(grammar: Grammar): () => readonly string[] {
    let keywords: readonly string[] | undefined;
    return () => keywords ??= [...new Set(AstUtils.streamAllContents(grammar)
        .filter(GrammarAST.isKeyword).map(k => k.value).filter(k => WORD.test(k)))];
}

/** What a file's top level starts with. */
const TOP_LEVEL_KEYWORDS = ['contrat', 'catalogue', 'avenant', 'suivi_annuel', 'importe'];

/**
 * CPOM001's detail for a parser error, in the document's language: the message, with the suggested keywords when the
 * message carries some (the quick fix reads them from the diagnostic's parameters).
 */
export function parserErrorDetail(message: string, locale: Locale): MessageParams<'CPOM001'>['detail'] {
    const text = decodeBilingual(message, locale);
    const suggestions = decodeSuggestions(message);
    return suggestions.length > 0 ? { variant: 'misspelt', message: text, suggestions } : { variant: 'parser', message: text };
}

/** An internal error as CPOM001 quotes it: its name and message, cut to 120 characters. */
export function internalFailureText(error: unknown): string {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return what.length > 120 ? `${what.slice(0, 120)}…` : what;
}

/**
 * CPOM001's message when cpom itself failed on a text (a defect of cpom, not of the text), in both languages: that
 * file gets this error and the others are checked as usual (see workspace/cpom-document-builder.ts).
 */
export function internalFailureMessage(error: unknown): Localized {
    const detail = { variant: 'internal', error: internalFailureText(error) } as const;
    return { fr: formatMessage('CPOM001', { detail }, 'fr'), en: formatMessage('CPOM001', { detail }, 'en') };
}
