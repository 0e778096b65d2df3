/**
 * cpom's requests beyond LSP, shared by the server (Node and browser) and the VS Code extension.
 * Plain types and method names only: the extension imports this file without pulling in the server.
 * Any LSP client may send them; a client that does not know them loses nothing of standard LSP.
 */

/**
 * `cpom/preview`: the contract document of a `.cpom` file as one self-contained HTML page; for a yearly follow-up
 * file (`suivi_annuel du contrat X annee N`), the "Rapport de suivi annuel" of that year (as `cpom suivi` writes it).
 */
export const PreviewRequestMethod = 'cpom/preview';
export interface PreviewParams {
    /** A contract, an avenant, a catalogue (the contract(s) it belongs to) or a yearly follow-up (its report). */
    readonly uri: string;
}
export interface PreviewResult {
    /** Complete HTML document, every user string escaped; absent when there is no contract to show. */
    readonly html?: string;
    /** Title of the previewed contract (« Suivi 2022 — <contract> » for a follow-up), for the tab. */
    readonly title?: string;
    /** What is shown: the contract document (absent: `contrat`, servers before the follow-up preview) or the yearly report. */
    readonly kind?: 'contrat' | 'suivi';
    /** Why there is nothing to show (no contract in the file, syntax error…), French. */
    readonly message?: string;
    /** Errors in the contract (and, for a follow-up, in the follow-up file); the preview is shown anyway, marked as a draft. */
    readonly errors: number;
}

/** `cpom/render`: one output format of the contract document, for the extension to write next to the file. */
export const RenderRequestMethod = 'cpom/render';
export type RenderFormat = 'html' | 'md' | 'docx' | 'json';
export interface RenderParams {
    readonly uri: string;
    readonly formats: readonly RenderFormat[];
    /** Render even when the contract has errors (as `cpom generate --force`). */
    readonly force?: boolean;
}
export interface RenderedFile {
    /** File name without folder, e.g. `messidor-2013.docx` (one per contract of the file). */
    readonly fileName: string;
    readonly format: RenderFormat;
    /** Text for html, md and json; base64 for docx. */
    readonly content: string;
    readonly encoding: 'utf8' | 'base64';
}
export interface RenderResult {
    readonly files: readonly RenderedFile[];
    /** Errors that made the server refuse (empty when files were rendered). */
    readonly refused: readonly string[];
}

/** `cpom/diff`: the semantic diff between an older text of a file (e.g. at git HEAD) and its current state. */
export const DiffRequestMethod = 'cpom/diff';
export interface DiffParams {
    readonly uri: string;
    /** The older version's text; its imports are resolved against today's workspace. */
    readonly oldText: string;
    readonly oldLabel?: string;
    readonly format: 'markdown' | 'text';
    /** Also draft the avenant with this number (one contract on each side, substantive changes): `avenantHtml`. */
    readonly avenant?: { readonly number: number };
}
export interface DiffResult {
    /** The rendered diff, or a French message saying why there is none (syntax error in a version…). */
    readonly text: string;
    readonly changes: number;
    readonly substantive: number;
    /** The drafted avenant as one HTML page, when asked and there is something to amend. */
    readonly avenantHtml?: string;
    /** Why no avenant was drafted, when one was asked (French). */
    readonly avenantMessage?: string;
}

/** `cpom/checkWorkspace`: every rule on every `.cpom` file of the workspace; diagnostics are also published. */
export const CheckWorkspaceRequestMethod = 'cpom/checkWorkspace';
export interface CheckWorkspaceResult {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

/**
 * Client settings (VS Code `cpom.*`), read by the server with `workspace/configuration` (section `cpom`) and on
 * `workspace/didChangeConfiguration`; `initializationOptions` may carry the same object for plain clients (and `{ lang: 'fr' | 'en' }`, the short form).
 */
export interface CpomClientSettings {
    /** Language of diagnostics: `fr` (default) or `en` (VS Code setting `cpom.diagnostics.language`). */
    readonly diagnostics?: { readonly language?: 'fr' | 'en' };
    /** Path of a cpom.config.json used for every file instead of the nearest one (absolute or workspace-relative). */
    readonly configPath?: string;
}
