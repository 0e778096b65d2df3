/** French and English messages for syntax errors, naming what was expected in the user's words. */
import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { encodeBilingual } from './bilingual.js';
import { formatMessage, type Localized } from './rules.js';

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

function expectedFound(expected: Localized, actual: Localized): string {
    return encodeBilingual({
        fr: `Attendu : ${expected.fr} ; trouvé : ${actual.fr}.`,
        en: `Expected ${expected.en} but found ${actual.en}.`,
    });
}

export class CpomParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return expectedFound(describe(expected), found(actual));
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return encodeBilingual({
            fr: `Texte inattendu ${found(firstRedundant).fr} : un contrat, un catalogue ou un avenant commence par « contrat », « catalogue » ou « avenant ».`,
            en: `Unexpected text ${found(firstRedundant).en}: a contract, a catalogue or an amendment starts with 'contrat', 'catalogue' or 'avenant'.`,
        });
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0]).filter(t => t !== undefined));
        return expectedFound(alternatives(firsts), found(actual[0]));
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = expectedIterationPaths.map(path => path[0]).filter(t => t !== undefined);
        return expectedFound(alternatives(firsts), found(actual[0]));
    }
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
