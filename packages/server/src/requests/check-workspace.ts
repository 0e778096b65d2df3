/**
 * `cpom/checkWorkspace`: every rule on every `.cpom` file of the workspace (loaded in the background at start-up,
 * background-indexing.ts; this waits for the end); the diagnostics of each file are published as usual, the totals returned.
 */
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import type { Connection } from 'vscode-languageserver';
import { CheckWorkspaceRequestMethod, type CheckWorkspaceResult } from '../protocol.js';
import { ALL_CHECKS } from '../full-checks.js';
import { workspaceIndexed } from '../background-indexing.js';

export function registerCheckWorkspace(connection: Connection, services: CpomLspServicesBundle): void {
    connection.onRequest(CheckWorkspaceRequestMethod, () => checkWorkspace(services));
}

export async function checkWorkspace({ shared }: CpomLspServicesBundle): Promise<CheckWorkspaceResult> {
    await workspaceIndexed(shared);
    const documents = shared.workspace.LangiumDocuments.all.toArray();
    await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build(documents, { validation: { categories: ALL_CHECKS } }, token));
    const count = (severity: number) => documents.reduce((sum, d) => sum + (d.diagnostics ?? []).filter(x => x.severity === severity).length, 0);
    return { files: documents.length, errors: count(1), warnings: count(2), infos: count(3) + count(4) };
}
