/**
 * JSON text of an export: two-space indentation, a final newline, keys in the order the object has them (the
 * exporter builds them in a fixed order). JSON.stringify escapes quotes, backslashes and control characters and
 * writes lone surrogates as `\uXXXX`, so any string read from a contract comes back unchanged from JSON.parse.
 * `<`, `>` and `&` are left as they are: embedding the text in HTML is the renderer's business.
 */
export function serialiseJson(value: unknown): string {
    return `${JSON.stringify(value, null, 2)}\n`;
}
