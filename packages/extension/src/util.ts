/** Small helpers shared by the commands: the target document, French wording of errors and counts. */
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'cpom';

/** The active editor's document when it is a `.cpom` file. */
export function activeCpomDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document : undefined;
}

/**
 * The document a command works on: the resource it was invoked on (editor title, explorer), otherwise the active
 * `.cpom` editor. Warns in French and returns undefined when there is none. `purpose` completes
 * "Ouvrez un contrat (.cpom) dans l'éditeur pour …".
 */
export async function targetDocument(resource: unknown, purpose: string): Promise<vscode.TextDocument | undefined> {
    if (resource instanceof vscode.Uri) {
        let document: vscode.TextDocument;
        try {
            document = await vscode.workspace.openTextDocument(resource);
        } catch (error) {
            void vscode.window.showErrorMessage(`Impossible d'ouvrir ${fileName(resource)} : ${describeError(error)}`);
            return undefined;
        }
        if (document.languageId === LANGUAGE_ID) return document;
        void vscode.window.showWarningMessage(`${fileName(resource)} n'est pas un contrat CPOM (fichier .cpom).`);
        return undefined;
    }
    const document = activeCpomDocument();
    if (!document) void vscode.window.showWarningMessage(`Ouvrez un contrat (.cpom) dans l'éditeur pour ${purpose}.`);
    return document;
}

/** The folder of a file's URI (same scheme and authority). */
export function parentFolder(uri: vscode.Uri): vscode.Uri {
    const path = uri.path.replace(/(?<!\/)\/+$/, '');
    return uri.with({ path: path.slice(0, path.lastIndexOf('/')) || '/', query: '', fragment: '' });
}

/** Last segment of a URI's path. */
export function fileName(uri: vscode.Uri): string {
    const segments = uri.path.split('/');
    return segments[segments.length - 1] || uri.path;
}

/** `1 erreur`, `2 erreurs`, `0 erreur` (French: 0 and 1 are singular). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
    return `${n.toLocaleString('fr-FR')} ${Math.abs(n) < 2 ? singular : plural}`;
}

/** A French sentence fragment for any failure: LSP response errors, closed connections, I/O errors. */
export function describeError(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    if (code === -32601) return 'le serveur de langage ne connaît pas cette requête (versions de l\'extension et du serveur différentes)';
    if (code === -32800) return 'requête annulée';
    if (/connection (is )?(disposed|closed)|client is not running|pending response rejected/i.test(message)) {
        return 'la connexion avec le serveur de langage est interrompue';
    }
    if (error instanceof vscode.FileSystemError) {
        if (error.code === 'NoPermissions') return 'accès refusé';
        if (error.code === 'FileNotFound') return 'fichier ou dossier introuvable';
        if (error.code === 'FileExists') return 'le fichier existe déjà';
        if (error.code === 'Unavailable') return 'système de fichiers indisponible';
    }
    return message.trim() || 'erreur inconnue';
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
