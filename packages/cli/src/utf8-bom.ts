/** The UTF-8 byte order mark: kept when a file is rewritten, dropped before decoding. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
    return hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
}
