/**
 * One start-up for every host of the language server (Node over stdio or IPC, a browser worker): Langium's LSP
 * services for cpom, the validation schedule, the client's settings and cpom's own requests.
 */
import { createCpomLspServices, type CpomLspServicesBundle } from '@cpom/language/lsp';
import type { FileSystemProvider, LangiumSharedCoreServices, Module } from 'langium';
import { type LangiumSharedServices, type PartialLangiumSharedServices, startLanguageServer } from 'langium/lsp';
import { GENERATOR_VERSION } from '@cpom/generator';
import type { Connection } from 'vscode-languageserver';
import { syncClientSettings, type ConfigLookup } from './client-settings.js';
import { CpomServerSharedModule } from './cpom-server-module.js';
import type { CpomWorkspaceManager } from './background-indexing.js';
import { registerCheckWorkspace } from './requests/check-workspace.js';
import { registerDiff } from './requests/diff.js';
import { registerPreview } from './requests/preview.js';
import { registerRender } from './requests/render.js';

export interface ServerHost {
    readonly connection: Connection;
    readonly fileSystemProvider: (services: LangiumSharedCoreServices) => FileSystemProvider;
    /** Reads cpom.config.json files (Node); without it every document has the empty configuration. */
    readonly configLookup?: ConfigLookup;
}

export function startCpomServer(host: ServerHost): CpomLspServicesBundle {
    // The scheduling of the editor's events (typing bursts, full checks) is in CpomServerSharedModule.
    const services = createCpomLspServices({ connection: host.connection, fileSystemProvider: host.fileSystemProvider }, CpomServerSharedModule as Module<LangiumSharedServices, PartialLangiumSharedServices>);
    (services.shared.workspace.WorkspaceManager as CpomWorkspaceManager).settings = services.Cpom.cpom.Settings;
    syncClientSettings(services, host.configLookup);
    registerPreview(host.connection, services);
    registerRender(host.connection, services);
    registerDiff(host.connection, services, host.fileSystemProvider);
    registerCheckWorkspace(host.connection, services);
    announceServerInfo(services);
    startLanguageServer(services.shared);
    return services;
}

/** The initialize result names the server (`serverInfo`), so that clients can show and log which one answers. */
function announceServerInfo(services: CpomLspServicesBundle): void {
    const server = services.shared.lsp.LanguageServer;
    const initialize = server.initialize.bind(server);
    server.initialize = async params => ({ ...(await initialize(params)), serverInfo: { name: 'cpom', version: GENERATOR_VERSION } });
}
