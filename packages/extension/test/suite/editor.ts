/** Helpers over the VS Code API for the suite: documents, diagnostics, positions, edits, screenshots. */
import * as vscode from 'vscode';
import { AssertionError, sleep, waitFor } from './runner.js';

export const EXTENSION_ID = 'cpom-toolchain.cpom-vscode';

/** What the harness tells the suite (`.cpom-test.json` at the root of the workspace folder), all optional. */
export interface HarnessConfig {
    /** 'web', 'code-server', 'code-server-vsix'… printed with the results. */
    readonly host?: string;
    /** When set, the extension must be loaded from a folder whose path contains this (e.g. the extensions dir). */
    readonly extensionPathContains?: string;
    /** Screenshot markers are logged only when the harness takes screenshots. */
    readonly screenshots?: boolean;
    /** Runs only the tests whose name matches this regular expression (and the critical ones). */
    readonly only?: string;
}

export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new AssertionError('no workspace folder is open');
    return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function readHarnessConfig(): Promise<HarnessConfig> {
    try {
        const bytes = await vscode.workspace.fs.readFile(fileUri('.cpom-test.json'));
        return JSON.parse(new TextDecoder().decode(bytes)) as HarnessConfig;
    } catch {
        return {};
    }
}

export async function readText(relative: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(relative)));
}

export async function writeText(relative: string, text: string): Promise<vscode.Uri> {
    const uri = fileUri(relative);
    const parent = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(parent);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
}

export function codeOf(d: vscode.Diagnostic): string {
    const code = d.code;
    if (code && typeof code === 'object') return String(code.value);
    return code === undefined ? '' : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    return JSON.stringify(diagnostics.map(d => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}/${vscode.DiagnosticSeverity[d.severity]}`));
}

/** Waits until the diagnostics of `uri` satisfy `accept`; returns them. */
export function diagnosticsWhen(uri: vscode.Uri, what: string, accept: (ds: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly vscode.Diagnostic[]> {
    return waitFor(what, () => {
        const ds = vscode.languages.getDiagnostics(uri);
        return accept(ds) ? ds : undefined;
    }, timeoutMs).catch(error => {
        throw new AssertionError(`${(error as Error).message}; diagnostics now: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`);
    });
}

/** Position of `needle` (its `occurrence`-th match) plus `offset` characters, in `text`. */
export function positionIn(document: vscode.TextDocument, needle: string, occurrence = 0, offset = 0): vscode.Position {
    const text = document.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new AssertionError(`'${needle}' not found in ${document.uri.path}`);
    }
    return document.positionAt(index + offset);
}

/** Applies text edits to a string (not to a document): what the document would become. */
export function applyToText(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
    const text = document.getText();
    const sorted = [...edits].map(e => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText }))
        .sort((a, b) => b.start - a.start || b.end - a.end);
    let result = text;
    for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
    return result;
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
}

export function completionLabels(list: vscode.CompletionList | vscode.CompletionItem[] | undefined): string[] {
    const items = Array.isArray(list) ? list : list?.items ?? [];
    return items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
}

export function flattenSymbols(symbols: ReadonlyArray<vscode.DocumentSymbol | vscode.SymbolInformation>): string[] {
    const names: string[] = [];
    const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation): void => {
        names.push(s.name);
        if ('children' in s) s.children.forEach(walk);
    };
    symbols.forEach(walk);
    return names;
}

let screenshotsOn = true;
export function setScreenshots(on: boolean): void {
    screenshotsOn = on;
}

/**
 * Asks the harness for a screenshot of the current state: lets the UI settle, logs the marker the harness watches
 * for (`[cpom-screenshot] name [hint]`), then waits while it takes the picture. Hint `collapse-explorer`: the harness
 * first collapses the first section of the side bar (the file explorer).
 */
export async function screenshot(name: string, settleMs = 1_200, holdMs = 2_000, hint?: 'collapse-explorer'): Promise<void> {
    if (!screenshotsOn) return;
    await sleep(settleMs);
    console.log(`[cpom-screenshot] ${name}${hint ? ` ${hint}` : ''}`);
    await sleep(holdMs);
}
