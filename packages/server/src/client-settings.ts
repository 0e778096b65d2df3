/**
 * The client's settings applied to the server: language of diagnostics and the cpom.config.json to use, from the
 * initialization options and from the `cpom` configuration section (read when the server starts and on every
 * change). A change of setting or of a watched cpom.config.json revalidates the workspace; a bad configuration
 * is reported once to the user, never fatal.
 */
import { EMPTY_CONFIG, type ResolvedConfig } from '@cpom/language';
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { DocumentState, URI, UriUtils } from 'langium';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { CpomClientSettings } from './protocol.js';
import { ALL_CHECKS } from './full-checks.js';

/** Where configurations come from (Node: cpom.config.json files on disk). */
export interface ConfigLookup {
    /** Use this file for every document (`cpom.configPath`), or the nearest one when undefined. */
    use(explicitPath: string | undefined): void;
    /** The configuration of a document; throws on an unreadable or invalid file. */
    resolve(uri: URI): ResolvedConfig;
    /** Forget what was read (a config file changed). */
    clear(): void;
}

export const CONFIG_FILE_NAME = 'cpom.config.json';

export function syncClientSettings({ shared, Cpom }: CpomLspServicesBundle, lookup: ConfigLookup | undefined): void {
    const settings = Cpom.cpom.Settings;
    const connection = shared.lsp.Connection;
    const reported = new Set<string>();
    let workspaceRoot: URI | undefined;

    const report = (detail: string) => {
        if (reported.has(detail)) return;
        reported.add(detail);
        connection?.console.error(`cpom: configuration ignored: ${detail}`);
        // A notification, not showWarningMessage (a request: a client that does not answer would reject it).
        void connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `CPOM : configuration ignorée, ${detail}` });
    };
    settings.setConfigResolver((uri: URI): ResolvedConfig => {
        if (!lookup || uri.scheme !== 'file') return EMPTY_CONFIG;
        try {
            return lookup.resolve(uri);
        } catch (error) {
            report((error as Error).message);
            return EMPTY_CONFIG;
        }
    });

    /** Applies the given settings; true when something changed (the workspace is then revalidated). */
    let applied = '';
    let explicitConfig: string | undefined;
    const apply = (value: unknown): boolean => {
        const given = readSettings(value);
        if (given.locale) settings.locale = given.locale;
        if (given.configPath !== undefined && lookup) {
            explicitConfig = given.configPath && workspaceRoot && !isAbsolute(given.configPath)
                ? UriUtils.joinPath(workspaceRoot, given.configPath).fsPath
                : given.configPath || undefined;
            lookup.use(explicitConfig);
        }
        const now = JSON.stringify([settings.locale, explicitConfig ?? null]);
        const changed = applied !== '' && now !== applied;
        applied = now;
        return changed;
    };

    shared.lsp.LanguageServer.onInitialize(params => {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        workspaceRoot = folder ? URI.parse(folder) : undefined;
        apply(params.initializationOptions);
    });

    const configuration = shared.workspace.ConfigurationProvider;
    void configuration.ready.then(async () => {
        const changed = apply({
            diagnostics: await configuration.getConfiguration('cpom', 'diagnostics'),
            configPath: await configuration.getConfiguration('cpom', 'configPath'),
        });
        if (changed) revalidateWorkspace({ shared, Cpom }, () => reported.clear());
    });
    configuration.onConfigurationSectionUpdate(update => {
        // VS Code sends the section at start-up too: revalidate only when a setting really changed.
        if (update.section === 'cpom' && apply(update.configuration)) revalidateWorkspace({ shared, Cpom }, () => reported.clear());
    });
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (lookup && params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            lookup.clear();
            revalidateWorkspace({ shared, Cpom }, () => reported.clear());
        }
    });
}

interface GivenSettings {
    locale?: 'fr' | 'en';
    configPath?: string;
}

/** Accepts the `cpom` section (`{ diagnostics: { language }, configPath }`) and the short `{ lang }`. */
function readSettings(value: unknown): GivenSettings {
    if (typeof value !== 'object' || value === null) return {};
    const section = value as CpomClientSettings & { lang?: unknown };
    const language = section.diagnostics?.language ?? section.lang;
    return {
        locale: language === 'fr' || language === 'en' ? language : undefined,
        configPath: typeof section.configPath === 'string' ? section.configPath.trim() : undefined,
    };
}

function isAbsolute(path: string): boolean {
    return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}


/**
 * Every document again, with every rule. It may cancel a build in progress (the initial one…): Langium's `update`
 * first brings every half-built document to the end, then the rules run again on all.
 */
function revalidateWorkspace({ shared }: CpomLspServicesBundle, beforeBuild: () => void): void {
    void shared.workspace.WorkspaceManager.ready.then(() => shared.workspace.WorkspaceLock.write(async token => {
        beforeBuild();
        const builder = shared.workspace.DocumentBuilder;
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
        }
        await builder.update([], [], token);
        await builder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: { categories: ALL_CHECKS } }, token);
    }));
}
