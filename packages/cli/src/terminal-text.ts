/**
 * User text in human-readable output (terminal, logs, annotations, text and Markdown reports). A contract may hold
 * any character in its strings and comments: an ESC, OSC or BEL printed raw would drive the reader's terminal
 * (colours, titles, hyperlinks, even keystrokes on old terminals), and bidirectional overrides can make a line read
 * differently than it is (Trojan Source). They are shown instead: C0 controls as their Unicode control pictures
 * (ESC → ␛), the others as `\x9b` / `\u202e` escapes. One function for every output.
 */
import { eastAsianWidth } from 'get-east-asian-width';

// C0 controls, DEL, C1 controls, bidirectional controls (embeddings, overrides, isolates, ALM), BOM and noncharacters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;

function shown(char: string): string {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character made visible, but those in `keep` (by default line feed and tab, which a
 * multi-line output needs).
 */
export function visibleText(text: string, keep = '\n\t'): string {
    return text.replace(INVISIBLE, char => (keep.includes(char) ? char : shown(char)));
}

/** Deep copy of a JSON-like value with `visibleText` applied to every string (data about to be formatted as text). */
export function visibleStrings<T>(value: T, keep = '\n\t'): T {
    if (typeof value === 'string') return visibleText(value, keep) as T;
    if (Array.isArray(value)) return value.map(item => visibleStrings(item, keep)) as T;
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visibleStrings(item, keep)])) as T;
    }
    return value;
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/** Columns a character (one code point, as shown) takes in a terminal: 0 for combining marks, 2 for wide ones. */
export function charWidth(char: string): number {
    if (ZERO_WIDTH.test(char)) return 0;
    return eastAsianWidth(char.codePointAt(0)!);
}

/** Columns a visible string takes in a terminal. */
export function textWidth(text: string): number {
    let width = 0;
    for (const char of text) width += charWidth(char);
    return width;
}
