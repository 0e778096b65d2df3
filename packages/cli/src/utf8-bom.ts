import { TextDecoder } from 'node:util';

/** The UTF-8 byte order mark: kept when a file is rewritten, dropped before decoding. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
    return hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
}

let strict: TextDecoder | undefined;

/**
 * Strict UTF-8 (a malformed byte throws), the byte order mark left to withoutUtf8Bom. Made at the first use, not when
 * the module loads: a decoder holds a native converter that V8 cannot put in the CLI's startup snapshot.
 */
export function strictUtf8(): TextDecoder {
    strict ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return strict;
}
