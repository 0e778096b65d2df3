/**
 * `cpom.generate`: the contract documents (HTML, Markdown, Word, JSON) rendered by the server (`cpom/render`) and
 * written next to the file, in a `documents/` folder, through `vscode.workspace.fs` (so it also works in VS Code for
 * the web). A `.cpom` file is never overwritten. When the contract has errors, the user may generate anyway.
 */
import * as vscode from 'vscode';
import { RenderRequestMethod, type RenderedFile, type RenderFormat, type RenderParams, type RenderResult } from '../protocol.js';
import { type CpomServer, failureMessage } from '../server-access.js';
import { count, describeError, fileName, parentFolder, targetDocument } from '../util.js';

const OUTPUT_FOLDER = 'documents';

interface FormatItem extends vscode.QuickPickItem {
    readonly format: RenderFormat;
}

const FORMATS: readonly FormatItem[] = [
    { format: 'html', label: 'HTML', description: '.html', detail: 'Page autonome, imprimable et accessible', picked: true },
    { format: 'md', label: 'Markdown', description: '.md', detail: 'Pour les forges et les revues de texte' },
    { format: 'docx', label: 'Word', description: '.docx', detail: 'Document Word avec titres, sommaire et numéros de page' },
    { format: 'json', label: 'JSON', description: '.json', detail: 'Données pour les systèmes d\'information des autorités (schéma cpom-v1)' },
];

export function registerGenerate(server: CpomServer): vscode.Disposable {
    return vscode.commands.registerCommand('cpom.generate', async (resource?: unknown) => {
        try {
            await generate(server, resource);
        } catch (error) {
            void vscode.window.showErrorMessage(`CPOM : la génération a échoué : ${describeError(error)}.`);
        }
    });
}

async function generate(server: CpomServer, resource: unknown): Promise<void> {
    const document = await targetDocument(resource, 'générer ses documents');
    if (!document) return;
    if (document.isUntitled) {
        void vscode.window.showWarningMessage('Enregistrez d\'abord le contrat : les documents sont écrits à côté du fichier, dans un dossier documents/.');
        return;
    }
    const picked = await vscode.window.showQuickPick(FORMATS, {
        canPickMany: true,
        title: `Générer les documents de ${fileName(document.uri)}`,
        placeHolder: 'Formats à générer (dossier documents/ à côté du contrat)',
    });
    if (!picked || picked.length === 0) return;
    const formats = picked.map(item => item.format);
    const title = `CPOM : génération des documents de ${fileName(document.uri)}…`;

    const render = (force: boolean) => vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title },
        () => server.request<RenderResult>(RenderRequestMethod, { uri: document.uri.toString(), formats, force } satisfies RenderParams),
    );
    let result: RenderResult;
    try {
        result = await render(false);
        if (result.files.length === 0 && result.refused.length > 0) {
            const details = result.refused.slice(0, 3).join(' ; ') + (result.refused.length > 3 ? ' ; …' : '');
            const choice = await vscode.window.showWarningMessage(
                `Le contrat comporte des erreurs, les documents n'ont pas été générés : ${details}`,
                { modal: false },
                'Générer quand même',
                'Voir les problèmes',
            );
            if (choice === 'Voir les problèmes') {
                await vscode.commands.executeCommand('workbench.actions.view.problems');
                return;
            }
            if (choice !== 'Générer quand même') return;
            result = await render(true);
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`Les documents n'ont pas pu être produits : ${failureMessage(error)}.`);
        return;
    }
    if (result.files.length === 0) {
        const why = result.refused.length > 0 ? result.refused.join(' ; ') : 'ce fichier ne contient pas de contrat';
        void vscode.window.showWarningMessage(`Aucun document généré : ${why}.`);
        return;
    }

    const folder = vscode.Uri.joinPath(parentFolder(document.uri), OUTPUT_FOLDER);
    let written: vscode.Uri[];
    try {
        written = await writeFiles(folder, result.files);
    } catch (error) {
        void vscode.window.showErrorMessage(`Les documents n'ont pas pu être écrits dans ${OUTPUT_FOLDER}/ : ${describeError(error)}.`);
        return;
    }
    const names = written.map(fileName).join(', ');
    const actions = written.length === 1 ? ['Ouvrir'] : ['Ouvrir…'];
    const choice = await vscode.window.showInformationMessage(
        `${count(written.length, 'document généré', 'documents générés')} dans ${OUTPUT_FOLDER}/ : ${names}.`,
        ...actions,
    );
    if (!choice) return;
    const target = written.length === 1 ? written[0] : await pickFile(written);
    if (target) await openResult(target);
}

/** Writes the rendered files into `folder`; refuses any name that is not a plain file name or that is a contract. */
async function writeFiles(folder: vscode.Uri, files: readonly RenderedFile[]): Promise<vscode.Uri[]> {
    await vscode.workspace.fs.createDirectory(folder);
    const written: vscode.Uri[] = [];
    for (const file of files) {
        const name = file.fileName;
        if (!name || /[\\/]/.test(name) || name === '.' || name === '..' || /\.cpom$/i.test(name)) {
            throw new Error(`nom de fichier refusé : « ${name} »`);
        }
        const target = vscode.Uri.joinPath(folder, name);
        const bytes = file.encoding === 'base64' ? fromBase64(file.content) : new TextEncoder().encode(file.content);
        await vscode.workspace.fs.writeFile(target, bytes);
        written.push(target);
    }
    return written;
}

function fromBase64(content: string): Uint8Array {
    const binary = atob(content);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}

async function pickFile(files: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
    const item = await vscode.window.showQuickPick(files.map(uri => ({ label: fileName(uri), uri })), { placeHolder: 'Document à ouvrir' });
    return item?.uri;
}

/** Markdown in its preview, Word with the system's application (desktop) or in the explorer, the rest in an editor. */
async function openResult(uri: vscode.Uri): Promise<void> {
    try {
        if (/\.md$/i.test(uri.path)) {
            await vscode.commands.executeCommand('markdown.showPreview', uri);
        } else if (/\.docx$/i.test(uri.path)) {
            if (uri.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop) {
                const opened = await vscode.env.openExternal(uri);
                if (!opened) await vscode.commands.executeCommand('revealInExplorer', uri);
            } else {
                await vscode.commands.executeCommand('revealInExplorer', uri);
            }
        } else {
            await vscode.commands.executeCommand('vscode.open', uri);
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`Impossible d'ouvrir ${fileName(uri)} : ${describeError(error)}.`);
    }
}
