/**
 * `cpom lsp --stdio`: the language server, for any editor with an LSP client (the same server as the VS Code
 * extension's: @cpom/server). Locale and configuration from the client (initializationOptions `{ lang }` or the
 * `cpom` configuration section), per document from the nearest cpom.config.json; a bad configuration is
 * reported, never fatal.
 */
import { startNodeServer } from '@cpom/server/node';

export function runLanguageServer(): void {
    startNodeServer();
}
