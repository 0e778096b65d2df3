/**
 * Syntax colouring of the .cpom language for CodeMirror: comments, quoted texts, dates, numbers, keywords
 * (lower-case words: the language's keywords are lower case, the names users declare are upper case by custom).
 * A stream tokenizer, not a parser: the language server does the parsing.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

interface State { inString: boolean }

const cpomStream = StreamLanguage.define<State>({
    name: 'cpom',
    startState: () => ({ inString: false }),
    token(stream, state) {
        if (state.inString) {
            while (!stream.eol()) {
                const next = stream.next();
                if (next === '\\') stream.next();
                else if (next === '"') { state.inString = false; break; }
            }
            return 'string';
        }
        if (stream.eatSpace()) return null;
        if (stream.match('//')) { stream.skipToEnd(); return 'comment'; }
        if (stream.peek() === '"') { stream.next(); state.inString = true; return 'string'; }
        if (stream.match(/^\d{4}-\d{2}-\d{2}\b/)) return 'number';
        if (stream.match(/^\d[\d\s\u00a0\u202f]*(,\d+)?(?![\w])/)) return 'number';
        if (stream.match(/^[a-zà-ÿ][a-zà-ÿ_'’-]*/)) return 'keyword';
        if (stream.match(/^[A-Za-z0-9_À-ÿ.]+/)) return 'variableName';
        stream.next();
        return null;
    },
    languageData: { commentTokens: { line: '//' } },
});

/** Colours with at least 4.5:1 contrast on white (WCAG AA). */
const cpomHighlight = HighlightStyle.define([
    { tag: tags.comment, color: '#4d6b3c', fontStyle: 'italic' },
    { tag: tags.string, color: '#8a3b12' },
    { tag: tags.number, color: '#1d5f8a' },
    { tag: tags.keyword, color: '#6b2c91', fontWeight: '600' },
    { tag: tags.variableName, color: '#1f2328' },
]);

export const cpomLanguage = [cpomStream, syntaxHighlighting(cpomHighlight)];
