/**
 * The studio's start: the language server in a web worker, the LSP client, the editor, and the wiring of the
 * toolbar, panels and dialogs. Everything runs in the page; nothing is sent anywhere.
 */
import { formatDocument, LSPClient } from '@codemirror/lsp-client';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type * as lsp from 'vscode-languageserver-protocol';
import { DiagnosticStore } from './diagnostics.js';
import { announce, byId, el } from './dom.js';
import { clearDraft, loadDraft } from './drafts.js';
import { type LoadedFile, pickFiles, pickFolder, saveText } from './file-access.js';
import { lang, setLang, t } from './i18n.js';
import { compare, prepareCompare } from './panels/compare.js';
import { generate } from './panels/generate.js';
import { renderOutline } from './panels/outline.js';
import { printPreview, refreshPreview } from './panels/preview.js';
import { refreshFixes, renderProblems } from './panels/problems.js';
import { Project } from './project.js';
import { sanitizeHtml } from './sanitize.js';
import { renderStartPage } from './start-page.js';
import { StudioWorkspace } from './studio-workspace.js';
import { workerTransport } from './worker-transport.js';
import { applyWorkspaceEdit } from './workspace-edit.js';

// The worker first: starting the language server is the longest part of loading the page.
const transport = workerTransport(message => announce(message));
const store = new DiagnosticStore();
const client = new LSPClient({
    rootUri: 'file:///espace/',
    initializationOptions: { lang },
    timeout: 60_000,
    sanitizeHTML: sanitizeHtml,
    workspace: c => new StudioWorkspace(c),
    extensions: [store.extension()],
});
store.client = client;
const view = new EditorView({ parent: byId('editor'), state: EditorState.create({ doc: '' }) });
const project = new Project(view, client, store);
(client.workspace as StudioWorkspace).onBackgroundUpdate = (uri, update) => project.updateBackground(uri, state => state.update(update).state);

function localise(): void {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = t(node.dataset.t as Parameters<typeof t>[0]);
    for (const node of document.querySelectorAll<HTMLElement>('[data-t-label]')) node.setAttribute('aria-label', t(node.dataset.tLabel as Parameters<typeof t>[0]));
    for (const node of document.querySelectorAll<HTMLElement>('[data-t-title]')) node.title = t(node.dataset.tTitle as Parameters<typeof t>[0]);
    document.title = t('appTitle');
}

function goTo(uri: string, range: lsp.Range): void {
    const file = project.files.find(f => f.uri === uri);
    if (!file) return;
    showEditor();
    project.show(file);
    const line = view.state.doc.line(Math.min(view.state.doc.lines, range.start.line + 1));
    const pos = Math.min(line.to, line.from + range.start.character);
    view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
    view.focus();
}

function showEditor(): void {
    byId('start').hidden = true;
    byId('workbench').hidden = false;
}

function showStart(): void {
    byId('start').hidden = false;
    byId('workbench').hidden = true;
    byId('start-title').focus();
}

function renderFiles(): void {
    byId('files-list').replaceChildren(...project.files.map(file => {
        const modified = project.isModified(file);
        const button = el('button', { type: 'button', 'aria-current': file === project.current ? 'true' : undefined, 'data-path': file.path },
            file.path, modified ? el('span', { class: 'modified', 'aria-label': t('unsaved'), title: t('unsaved'), text: ' ●' }) : '');
        button.addEventListener('click', () => project.show(file));
        return el('li', {}, button);
    }));
    for (const id of ['btn-save', 'btn-format', 'btn-generate', 'btn-compare', 'btn-print']) byId<HTMLButtonElement>(id).disabled = !project.current;
    byId('current-file').textContent = project.current ? `${project.current.path}${project.isModified(project.current) ? ` (${t('unsaved')})` : ''}` : t('noContract');
}

function openFiles(files: Array<LoadedFile & { savedText?: string }>, show?: string): void {
    if (files.length === 0) return;
    if (project.hasUnsaved() && !confirm(t('replaceOpenConfirm'))) return;
    // Marks read by the benchmark (bench/studio.js): from opening to the first diagnostics of the shown file.
    performance.clearMarks('cpom-first-diagnostics');
    performance.mark('cpom-open');
    project.open(files, show);
    showEditor();
    view.focus();
}

async function save(): Promise<void> {
    const file = project.current;
    if (!file) return;
    const text = project.text(file);
    const outcome = await saveText(file.path, text, file.handle, file.lastModified, () => confirm(t('overwriteConfirm')));
    if (outcome.kind === 'written') { project.markSaved(file, text, outcome.handle, outcome.lastModified); announce(t('saved')); }
    if (outcome.kind === 'downloaded') { project.markSaved(file, text); announce(t('downloaded')); }
}

function applyFix(action: lsp.CodeAction): void {
    if (action.edit) applyWorkspaceEdit(client, action.edit, view);
    view.focus();
}

const showProblems = () => renderProblems(store, project, goTo, applyFix);

/** The quick fixes, preview and outline of the shown file, shortly after its analysis or when another is shown. */
let refreshTimer = -1;
function refreshShown(uri: string): void {
    clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => {
        void refreshFixes(store, uri).then(showProblems);
        void refreshPreview(client, uri);
        void renderOutline(client, uri, goTo);
    }, 150);
}
store.onChange(uri => {
    showProblems();
    if (uri !== project.current?.uri) return;
    if (performance.getEntriesByName('cpom-first-diagnostics').length === 0) performance.mark('cpom-first-diagnostics');
    refreshShown(uri);
    announce(t('serverReady'));
});
let shown: string | undefined;
project.onChange(() => {
    renderFiles();
    showProblems();
    if (project.current && project.current.uri !== shown && store.byUri.has(project.current.uri)) refreshShown(project.current.uri);
    shown = project.current?.uri;
});

function wireToolbar(): void {
    byId('btn-home').addEventListener('click', showStart);
    byId('btn-open').addEventListener('click', () => void pickFiles().then(files => files && openFiles(files)));
    byId('btn-open-folder').addEventListener('click', () => void pickFolder().then(files => files && openFiles(files)));
    byId('start-open').addEventListener('click', () => void pickFiles().then(files => files && openFiles(files)));
    byId('start-open-folder').addEventListener('click', () => void pickFolder().then(files => files && openFiles(files)));
    byId('btn-save').addEventListener('click', () => void save());
    byId('btn-format').addEventListener('click', () => { formatDocument(view); view.focus(); });
    byId('btn-print').addEventListener('click', printPreview);
    byId('btn-lang').addEventListener('click', () => {
        setLang(lang === 'fr' ? 'en' : 'fr');
        const url = new URL(location.href);
        url.searchParams.set('lang', lang);
        location.replace(url);
    });
    const generateDialog = byId<HTMLDialogElement>('generate-dialog');
    byId('btn-generate').addEventListener('click', () => { if (project.current) generateDialog.showModal(); });
    byId('generate-form').addEventListener('submit', event => {
        event.preventDefault();
        if (project.current) void generate(client, project.current.uri);
    });
    const compareDialog = byId<HTMLDialogElement>('compare-dialog');
    byId('btn-compare').addEventListener('click', () => { if (project.current) { prepareCompare(project); compareDialog.showModal(); } });
    byId('compare-form').addEventListener('submit', event => {
        event.preventDefault();
        void compare(client, project);
    });
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-close]')) {
        button.addEventListener('click', () => button.closest('dialog')?.close());
    }
    document.addEventListener('keydown', event => {
        if ((event.ctrlKey || event.metaKey) && event.key === 's') { event.preventDefault(); void save(); }
    });
    window.addEventListener('beforeunload', event => { if (project.hasUnsaved()) event.preventDefault(); });
}

/** Unsaved work from an earlier visit: offered back, never restored without asking. */
function offerDraft(): void {
    const draft = loadDraft();
    if (!draft) return;
    const dialog = byId<HTMLDialogElement>('restore-dialog');
    byId('restore-files').replaceChildren(...draft.files.filter(f => f.text !== f.savedText).map(f => el('li', { text: f.path })));
    byId('restore-yes').addEventListener('click', () => {
        dialog.close();
        openFiles(draft.files.map(f => ({ path: f.path, text: f.text, savedText: f.savedText })), draft.current);
    }, { once: true });
    byId('restore-no').addEventListener('click', () => { clearDraft(); dialog.close(); }, { once: true });
    dialog.showModal();
}

async function start(): Promise<void> {
    localise();
    renderFiles();
    wireToolbar();
    renderStartPage(openFiles);
    offerDraft();
    performance.mark('cpom-interactive');
    announce(t('serverStarting'));
    client.connect(await transport);
    await client.initializing;
    announce(t('serverReady'));
    performance.mark('cpom-ready');
    document.body.dataset.ready = 'true';
}

void start();
