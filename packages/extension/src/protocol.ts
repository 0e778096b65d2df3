/**
 * The server's custom requests and settings, from the server package's protocol file (types and method names
 * only: esbuild inlines the few constants, nothing of the server is loaded by the client).
 */
export * from '../../server/src/protocol.js';
