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

    const apply = (value: unknown) => {
        const given = readSettings(value);
        if (given.locale) settings.locale = given.locale;
        if (given.configPath !== undefined && lookup) {
            const explicit = given.configPath && workspaceRoot && !isAbsolute(given.configPath)
                ? UriUtils.joinPath(workspaceRoot, given.configPath).fsPath
                : given.configPath || undefined;
            lookup.use(explicit);
        }
    };

    shared.lsp.LanguageServer.onInitialize(params => {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        workspaceRoot = folder ? URI.parse(folder) : undefined;
        apply(params.initializationOptions);
    });

    const revalidate = () => {
        reported.clear();
        void shared.workspace.WorkspaceLock.write(async token => {
            const validated = shared.workspace.LangiumDocuments.all.filter(d => d.state >= DocumentState.Validated).toArray();
            for (const document of validated) shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            await shared.workspace.DocumentBuilder.build(validated, { validation: { categories: ALL_CHECKS } }, token);
        });
    };
    const configuration = shared.workspace.ConfigurationProvider;
    void configuration.ready.then(async () => {
        const before = { locale: settings.locale };
        apply({
            diagnostics: await configuration.getConfiguration('cpom', 'diagnostics'),
            configPath: await configuration.getConfiguration('cpom', 'configPath'),
        });
        if (settings.locale !== before.locale) revalidate();
    });
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section !== 'cpom') return;
        apply(update.configuration);
        revalidate();
    });
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (lookup && params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            lookup.clear();
            revalidate();
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

