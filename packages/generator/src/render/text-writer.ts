/**
 * Rewriting user text character by character in linear time with a small constant (the writer itself is the
 * language's, shared with its quotes): escaping and white space for the renderers and the text diff.
 */
import { TextWriter } from '@cpom/language';

export { TextWriter };

/** A table of replacements for ASCII characters, for `replaceCharacters`. */
export function replacementTable(replacements: Readonly<Record<string, string>>): readonly (string | undefined)[] {
    const table: (string | undefined)[] = Array.from({ length: 128 });
    for (const [character, replacement] of Object.entries(replacements)) table[character.charCodeAt(0)] = replacement;
    return table;
}

/**
 * `text` with each character of the table replaced, in one pass (`pattern`, non-global, finds the first: a text
 * without any is returned as is).
 */
export function replaceCharacters(text: string, pattern: RegExp, table: readonly (string | undefined)[]): string {
    const first = text.search(pattern);
    if (first < 0) return text;
    const out = new TextWriter(text.length + 16);
    out.slice(text, 0, first);
    for (let i = first; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const replacement = code < 128 ? table[code] : undefined;
        if (replacement === undefined) out.unit(code);
        else out.text(replacement);
    }
    return out.toString();
}

/** `\s` of a regular expression: white space and line terminators. */
export function isWhiteSpace(code: number): boolean {
    if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0D);
    if (code < 0xA0) return false;
    return code === 0xA0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200A) || code === 0x2028 || code === 0x2029
        || code === 0x202F || code === 0x205F || code === 0x3000 || code === 0xFEFF;
}

/** `text.replace(/\s+/g, ' ')` in one pass: each run of white space as one space. */
export function collapseWhiteSpace(text: string): string {
    // Nothing but single spaces: nothing to do.
    const first = text.search(/[^\S ]| {2}/);
    if (first < 0) return text;
    const out = new TextWriter(text.length);
    let start = first;
    while (start > 0 && isWhiteSpace(text.charCodeAt(start - 1))) start--;
    out.slice(text, 0, start);
    let inRun = false;
    for (let i = start; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (!isWhiteSpace(code)) {
            out.unit(code);
            inRun = false;
        } else if (!inRun) {
            out.unit(0x20);
            inRun = true;
        }
    }
    return out.toString();
}
