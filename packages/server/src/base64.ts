/** Base64 of bytes in Node and in a browser worker (no Buffer there), for binary results sent over JSON-RPC. */
export function toBase64(bytes: Uint8Array): string {
    let binary = '';
    const chunk = 0x8000; // String.fromCharCode takes arguments on the stack: bounded chunks
    for (let i = 0; i < bytes.length; i += chunk) {
        binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
    }
    return btoa(binary);
}
