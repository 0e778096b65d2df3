/**
 * The language server on Node: `cpom lsp --stdio` and the desktop VS Code extension (IPC). The connection's
 * transport comes from the process arguments (`--stdio`, `--node-ipc`, `--socket=`); configurations are the
 * cpom.config.json files on disk.
 */
import type { ResolvedConfig } from '@cpom/language';
import { ConfigFiles } from '@cpom/language/node';
import type { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import type { ConfigLookup } from './client-settings.js';
import { startCpomServer } from './start-server.js';

export function startNodeServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // A client that refuses a registration (file watchers, configuration) rejects a promise nobody awaits: log it,
    // never let Node end the server for it.
    process.on('unhandledRejection', reason => connection.console.error(`cpom: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));
    startCpomServer({ connection, ...NodeFileSystem, configLookup: new ConfigFilesLookup() });
}

/** cpom.config.json files read from disk, as `cpom check` reads them (nearest one, or the one given). */
class ConfigFilesLookup implements ConfigLookup {
    private explicitPath: string | undefined;
    private files: ConfigFiles | undefined;

    use(explicitPath: string | undefined): void {
        if (explicitPath === this.explicitPath) return;
        this.explicitPath = explicitPath;
        this.clear();
    }

    resolve(uri: URI): ResolvedConfig {
        // Built on first use: the constructor reads an explicit file and throws if it is bad (reported by the caller).
        this.files ??= new ConfigFiles(this.explicitPath);
        return this.files.forFile(uri.fsPath);
    }

    clear(): void {
        this.files = undefined;
    }
}
