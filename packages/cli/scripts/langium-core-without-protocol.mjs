// An esbuild plugin for the CLI's bundles: Langium's document builder imports two names from
// vscode-languageserver-protocol, whose entry evaluates the whole protocol and vscode-jsonrpc's Node connection
// (~15 % of loading the check's modules, issue 15). For that one importer, a module with the same two values:
// `ResponseError` from the very file of vscode-jsonrpc that the protocol re-exports (one class: `instanceof` holds in
// the language server), `LSPErrorCodes` copied (numbers fixed by the LSP specification).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const protocolDir = path.dirname(require.resolve('vscode-languageserver-protocol/package.json'));
const messages = require.resolve('vscode-jsonrpc/lib/common/messages.js', { paths: [protocolDir] });

export function langiumCoreWithoutProtocol() {
    return {
        name: 'cpom-langium-core-without-protocol',
        setup(context) {
            context.onResolve({ filter: /^vscode-languageserver-protocol$/ }, args =>
                (/[\\/]langium[\\/]lib[\\/]workspace[\\/]document-builder\.js$/.test(args.importer) ? { path: 'lsp-error-codes', namespace: 'cpom-protocol-subset' } : undefined));
            context.onLoad({ filter: /.*/, namespace: 'cpom-protocol-subset' }, () => ({
                contents: `export { ResponseError } from ${JSON.stringify(messages)};
export const LSPErrorCodes = { lspReservedErrorRangeStart: -32899, RequestFailed: -32803, ServerCancelled: -32802, ContentModified: -32801, RequestCancelled: -32800, lspReservedErrorRangeEnd: -32800 };
`,
                loader: 'js',
                resolveDir: path.dirname(messages),
            }));
        },
    };
}
