/**
 * The part of the built-in Git extension's API (`vscode.git`, API version 1) that cpom uses: finding the repository
 * of a file and reading a file at a revision. Declared here because the API's types are not published as a package
 * (they are `extensions/git/src/api/git.d.ts` in the VS Code repository).
 */
import type * as vscode from 'vscode';

export interface GitExtension {
    readonly enabled: boolean;
    getAPI(version: 1): GitApi;
}

export type GitApiState = 'uninitialized' | 'initialized';

export interface GitApi {
    readonly state: GitApiState;
    readonly onDidChangeState: vscode.Event<GitApiState>;
    readonly repositories: readonly GitRepository[];
    getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitRepository {
    readonly rootUri: vscode.Uri;
    /** The text of `path` (absolute file system path) at revision `ref`; rejects when it is not there. */
    show(ref: string, path: string): Promise<string>;
}
