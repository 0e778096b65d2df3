/**
 * `cpom lsp --stdio`: the language server, for any editor with an LSP client. Locale from the client's
 * initializationOptions (`{ lang: 'fr' | 'en' }`, default fr), configuration per document from the
 * nearest cpom.config.json; a bad configuration is logged, never fatal.
 */
import { EMPTY_CONFIG } from '@cpom/language';
import { createCpomLspServices } from '@cpom/language/lsp';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { ConfigFiles } from './config-files.js';

export function runLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cpom } = createCpomLspServices({ connection, ...NodeFileSystem });
    const settings = Cpom.cpom.Settings;
    const configs = new ConfigFiles();
    const logged = new Set<string>();
    settings.setConfigResolver(uri => {
        if (uri.scheme !== 'file') return EMPTY_CONFIG;
        try {
            return configs.forFile(uri.fsPath);
        } catch (error) {
            const message = `cpom: configuration ignored: ${(error as Error).message}`;
            if (!logged.has(message)) {
                logged.add(message);
                connection.console.error(message);
            }
            return EMPTY_CONFIG;
        }
    });
    shared.lsp.LanguageServer.onInitialize(params => {
        const lang = (params.initializationOptions as { lang?: unknown } | undefined)?.lang;
        if (lang === 'fr' || lang === 'en') settings.locale = lang;
    });
    startLanguageServer(shared);
}
