/**
 * The cpom extension's tests, run inside a real VS Code: VS Code for the web (browser extension host, bundle
 * dist/test/suite-web.js) and code-server (Node extension host, dist/test/suite-node.cjs). The workbench loads the
 * bundle in the extension host and calls `run()`; the harness (tests/editor/) opens a temporary copy of seeds/ and
 * examples/, prints the lines logged here, takes a screenshot at each `[cpom-screenshot]` marker and exits with the
 * code VS Code reports.
 */
import * as vscode from 'vscode';
import {
    applyToText, codeOf, completionLabels, diagnosticsWhen, EXTENSION_ID, fileUri, flattenSymbols, hoverText, positionIn,
    readHarnessConfig, screenshot, setScreenshots, show, writeText, type HarnessConfig,
} from './editor.js';
import { assert, assertEqual, runAll, sleep, test, waitFor } from './runner.js';

const SEED = 'seeds/messidor-2013.cpom';
const BROKEN = 'scratch/broken.cpom';
const UNFORMATTED = 'scratch/unformatted.cpom';
const RIGHT_KEY = 'finess 690999016'; // ESAT_LYON_GERLAND in the seed
const WRONG_KEY = 'finess 690999017';

let config: HarnessConfig = {};
let seedText = '';
let client: { sendRequest(method: string, params: unknown): Promise<unknown> } | undefined;

interface ExtensionApi {
    readonly client?: unknown;
    readonly ready?: Promise<void>;
    readonly previewHtml?: () => string | undefined;
}

function seedUri(): vscode.Uri {
    return fileUri(SEED);
}

async function seedEditor(): Promise<vscode.TextEditor> {
    return show(seedUri());
}

test('activates on opening a .cpom file', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert(extension, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map(e => e.id).filter(id => !id.startsWith('vscode.')).join(', ')}`);
    const activeBefore = extension.isActive;
    const start = Date.now();
    const editor = await seedEditor();
    assertEqual(editor.document.languageId, 'cpom', `language id of ${SEED}`);
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined), 30_000, 50);
    const activeMs = Date.now() - start;
    const api = extension.exports;
    assert(api !== undefined, 'the extension has no exports: activate() threw or returned nothing (see the workbench log)');
    assert(typeof api.ready?.then === 'function', `activate() must return { client, ready }; got keys ${JSON.stringify(Object.keys(api ?? {}))}`);
    await api.ready;
    const readyMs = Date.now() - start;
    assert(api.client, 'activate() returned no client');
    client = api.client as typeof client;
    if (config.extensionPathContains) {
        assert(extension.extensionUri.toString().includes(config.extensionPathContains),
            `the extension was loaded from ${extension.extensionUri.toString()}, not from a folder containing ${config.extensionPathContains}`);
    }
    seedText = editor.document.getText();
    console.log(`  extension ${extension.id} ${String(extension.packageJSON.version)} from ${extension.extensionUri.toString()}`);
    console.log(`  activation: ${activeBefore ? 'already active before the .cpom was opened' : `active ${activeMs} ms after opening the .cpom`}, ready (language client started) ${readyMs} ms after opening`);
}, { timeoutMs: 60_000, critical: true });

test('the seed has no error, only the CPOM014 info', async () => {
    const start = Date.now();
    const diagnostics = await diagnosticsWhen(seedUri(), 'the CPOM014 info on the seed', ds => ds.some(d => codeOf(d) === 'CPOM014'));
    console.log(`  first diagnostics of the seed ${Date.now() - start} ms after the client was ready`);
    assertEqual(diagnostics.map(codeOf), ['CPOM014'], 'codes of the seed\'s diagnostics');
    assertEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Information, 'severity of CPOM014');
});

test('a wrong FINESS key is an error CPOM041 on its line', async () => {
    assert(seedText.includes(RIGHT_KEY), `the seed has no '${RIGHT_KEY}'`);
    const uri = await writeText(BROKEN, seedText.replace('contrat CPOM_MESSIDOR_2013', 'contrat CPOM_BROKEN').replace(RIGHT_KEY, WRONG_KEY));
    const editor = await show(uri);
    const diagnostics = await diagnosticsWhen(uri, 'CPOM041 on the broken copy', ds => ds.some(d => codeOf(d) === 'CPOM041'));
    assertEqual(diagnostics.map(codeOf).sort(), ['CPOM014', 'CPOM041'], 'codes of the broken copy\'s diagnostics');
    const key = diagnostics.find(d => codeOf(d) === 'CPOM041')!;
    assertEqual(key.severity, vscode.DiagnosticSeverity.Error, 'severity of CPOM041');
    const expected = positionIn(editor.document, WRONG_KEY, 0, 'finess '.length);
    assertEqual([key.range.start.line, key.range.start.character], [expected.line, expected.character], 'start (line, character) of CPOM041');
    assert(key.message.includes('690999017'), `message of CPOM041 does not name the number: ${key.message}`);

    // Screenshot (a): the squiggle under the number, the Problems panel open.
    editor.selection = new vscode.Selection(key.range.start, key.range.start);
    editor.revealRange(key.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('diagnostic');
});

test('completion in an establishment list offers the establishments', async () => {
    const editor = await seedEditor();
    const needle = 'établissements ESAT_LYON_GERLAND, ESAT_LYON_VAISE';
    const position = positionIn(editor.document, needle, 0, 'établissements ESAT_LYON_GERLAND, '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = completionLabels(list);
    for (const name of ['ESAT_LYON_VAISE', 'ESAT_GRENOBLE', 'ESAT_ANNECY']) {
        assert(labels.includes(name), `completion at ${position.line + 1}:${position.character + 1} lacks ${name}; got ${JSON.stringify(labels.slice(0, 30))}`);
    }
});

test('hover on an establishment reference shows its FINESS', async () => {
    const editor = await seedEditor();
    const position = positionIn(editor.document, 'établissements ESAT_LYON_GERLAND', 0, 'établissements '.length + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hoverText(hovers ?? []);
    assert(text.includes('690999016'), `hover at ${position.line + 1}:${position.character + 1} does not show the FINESS 690999016: ${JSON.stringify(text.slice(0, 300))}`);
    assert(text.includes('ESAT_LYON_GERLAND') || text.includes('Lyon Gerland'), `hover does not name the establishment: ${JSON.stringify(text.slice(0, 300))}`);

    // Screenshot (b): the hover card over the reference.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await seedEditor();
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await sleep(500);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover', 1_500);
});

test('the CPOM041 quick fix corrects the key and the error goes away', async () => {
    const uri = fileUri(BROKEN);
    const editor = await show(uri);
    const diagnostics = await diagnosticsWhen(uri, 'CPOM041 on the broken copy', ds => ds.some(d => codeOf(d) === 'CPOM041'));
    const key = diagnostics.find(d => codeOf(d) === 'CPOM041')!;
    const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, key.range);
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && typeof (a as vscode.Command).command !== 'string');
    const fix = fixes.find(a => a.diagnostics?.some(d => codeOf(d) === 'CPOM041')) ?? fixes.find(a => a.title.includes('690999016'));
    assert(fix, `no quick fix for CPOM041; actions: ${JSON.stringify((actions ?? []).map(a => a.title))}`);
    assert(fix.edit, `the quick fix '${fix.title}' has no edit`);
    console.log(`  quick fix: ${fix.title}`);
    assert(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the quick fix');
    const text = editor.document.getText();
    assert(text.includes(RIGHT_KEY) && !text.includes(WRONG_KEY), `the quick fix did not write ${RIGHT_KEY}`);
    const after = await diagnosticsWhen(uri, 'CPOM041 to disappear', ds => !ds.some(d => codeOf(d) === 'CPOM041') && ds.length > 0);
    assertEqual(after.map(codeOf), ['CPOM014'], 'codes after the quick fix');
    await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('formatting a badly indented copy gives the seed\'s layout, and is idempotent', async () => {
    const seed = await vscode.workspace.openTextDocument(seedUri());
    const options: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true };
    const seedEdits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', seed.uri, options) ?? [];
    const formattedSeed = applyToText(seed, seedEdits);
    console.log(`  the seed is ${formattedSeed === seed.getText() ? 'a fixed point of the formatter' : `not a fixed point of the formatter (${seedEdits.length} edits)`}`);

    const rename = (t: string): string => t.replace('contrat CPOM_MESSIDOR_2013', 'contrat CPOM_UNFORMATTED');
    const messy = rename(seed.getText()).split('\n').map(line => line.trimStart()).join('\n');
    const uri = await writeText(UNFORMATTED, messy);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, options) ?? [];
    assert(edits.length > 0, 'no formatting edits for the badly indented copy');
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    assert(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the formatting edits');
    const formatted = document.getText();
    const expected = rename(formattedSeed);
    if (formatted !== expected) {
        const a = formatted.split('\n');
        const b = expected.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        throw new Error(`formatted copy differs from the formatted seed at line ${line + 1}: ${JSON.stringify(a[line])} instead of ${JSON.stringify(b[line])}`);
    }
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, options) ?? [];
    assertEqual(applyToText(document, again) === formatted, true, 'formatting twice gives the same text as once');
    await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('document symbols list the contract and its establishments', async () => {
    const uri = seedUri();
    // While the server indexes the rest of the folder in the background (open documents first), the seed may be
    // rebuilding after the previous test's edits: an outline asked for then is empty and VS Code asks again. So does
    // this test, until the contract's symbol is there.
    const names = await waitFor('document symbols of the seed', async () => {
        const symbols = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', uri) ?? [];
        const found = flattenSymbols(symbols);
        return found.includes('CPOM_MESSIDOR_2013') ? found : undefined;
    }, 60_000, 250);
    const establishments = [...seedText.matchAll(/établissement (\w+) "/g)].map(m => m[1]);
    assertEqual(establishments.length, 13, 'establishments declared in the seed');
    for (const name of ['CPOM_MESSIDOR_2013', ...establishments]) {
        assert(names.includes(name), `document symbols lack ${name}; got ${JSON.stringify(names.slice(0, 40))}`);
    }

    // Screenshot (c): the Outline view on the seed.
    const editor = await seedEditor();
    const position = positionIn(editor.document, 'établissement ESAT_LYON_GERLAND', 0, 'établissement '.length);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('outline.focus');
    // The Outline shares the side bar with the file explorer, which no command collapses: the harness does (a click
    // on the first section's header) so that the outline fills the side bar.
    await screenshot('outline', 2_000, 2_500, 'collapse-explorer');
// Longer than the 60 s its wait allows for the symbols (the runner's default, 30 s, cut that wait short under load).
}, { timeoutMs: 75_000 });

test('the server renders the seed as Word and JSON (cpom/render)', async () => {
    assert(client, 'no language client (activation failed)');
    const result = await client.sendRequest('cpom/render', { uri: seedUri().toString(), formats: ['docx', 'json'] }) as {
        files: Array<{ fileName: string; format: string; content: string; encoding: string }>; refused: string[];
    };
    assertEqual(JSON.stringify(result.refused), '[]', 'refusals');
    assertEqual(result.files.map(f => f.fileName).join(', '), 'CPOM_MESSIDOR_2013.docx, CPOM_MESSIDOR_2013.json', 'files');
    const [docx, json] = result.files;
    // A DOCX is a zip: "PK\x03\x04" is "UEsDB" in base64.
    assert(docx.encoding === 'base64' && docx.content.startsWith('UEsDB'), `the DOCX is not a zip: ${docx.content.slice(0, 12)}…`);
    assertEqual((JSON.parse(json.content) as { contract: { id: string } }).contract.id, 'CPOM_MESSIDOR_2013', 'JSON contract id');
    console.log(`  DOCX ${Math.round(docx.content.length * 3 / 4 / 1024)} KiB rendered by the server`);
}, { timeoutMs: 60_000 });

test('the cpom commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['cpom.showPreview', 'cpom.checkWorkspace', 'cpom.generate']) {
        assert(commands.includes(id), `command ${id} is not registered; cpom commands: ${JSON.stringify(commands.filter(c => c.startsWith('cpom')))}`);
    }
});

test('cpom.showPreview opens a webview tab showing the contract document', async () => {
    await seedEditor();
    const webviewTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview);
    const before = webviewTabs().length;
    await vscode.commands.executeCommand('cpom.showPreview');
    const tab = await waitFor('a webview tab', () => (webviewTabs().length > before ? webviewTabs()[webviewTabs().length - 1] : undefined), 20_000);
    console.log(`  preview tab: ${JSON.stringify(tab.label)} (${(tab.input as vscode.TabInputWebview).viewType})`);
    // The panel shows the document the server rendered: the contract's title, escaped, in an <h1>.
    const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.exports;
    assert(api?.previewHtml, 'the extension exposes no previewHtml');
    const title = 'CPOM MESSIDOR – ESAT Rhône-Alpes 2013-2017';
    const html = await waitFor('the preview to show the contract', () => {
        const shown = api.previewHtml!();
        return shown !== undefined && shown.includes('<h1') ? shown : undefined;
    }, 20_000);
    // The document's heading keeps the years together: `… Rhône-Alpes <span class="nowrap">2013-2017</span>`.
    assert(/<h1[^>]*>CPOM MESSIDOR – ESAT Rhône-Alpes <span[^>]*>2013-2017<\/span><\/h1>/.test(html),
        `the preview shows no <h1> with the contract's title: ${(/<h1[^]{0,200}/.exec(html) ?? [html.slice(0, 300)])[0]}`);
    assert(!html.includes('<script'), 'the preview runs no script');
    await waitFor('the preview tab to be titled after the contract', () => (webviewTabs().some(t => t.label === `Aperçu — ${title}`) ? true : undefined), 20_000);
    await screenshot('preview', 2_500);
}, { timeoutMs: 40_000 });

test('the "Suivi" preview of a follow-up file shows its yearly report', async () => {
    // The contract first: opened, it is known to the server in every host (the web worker reads no folder).
    await show(fileUri('examples/ehpad-ivter/cpom-ehpad-dordogne.cpom'));
    const followUp = fileUri('examples/ehpad-ivter/suivi-2022.cpom');
    await show(followUp);
    // The follow-up checked against its contract (two indicators off track): the server has both files linked.
    await diagnosticsWhen(followUp, 'the follow-up to be checked against its contract',
        ds => ds.filter(d => codeOf(d) === 'CPOM123').length === 2, 30_000);
    const commands = await vscode.commands.getCommands(true);
    assert(commands.includes('cpom.showFollowUpToSide'), 'command cpom.showFollowUpToSide is not registered');
    await vscode.commands.executeCommand('cpom.showFollowUpToSide');
    const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.exports;
    assert(api?.previewHtml, 'the extension exposes no previewHtml');
    const html = await waitFor('the preview to show the yearly report', () => {
        const shown = api.previewHtml!();
        // The report of the contract as built: a render caught while the contract was rebuilt would say "0 sur 0".
        return shown !== undefined && shown.includes('Rapport de suivi annuel 2022') && /<p class="headline">6\sindicateurs/.test(shown) ? shown : undefined;
    }, 30_000);
    assert(/<p class="headline">6\sindicateurs atteints sur\s8/.test(html), `no headline in the report: ${(/<p class="headline">[^]{0,120}/.exec(html) ?? [html.slice(0, 300)])[0]}`);
    assert(!html.includes('<script'), 'the preview runs no script');
    const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview);
    await waitFor('the preview tab to be titled after the follow-up', () => (tabs().some(t => t.label.startsWith('Suivi 2022 — ')) ? true : undefined), 20_000);
}, { timeoutMs: 90_000 });

export async function run(): Promise<void> {
    config = await readHarnessConfig();
    setScreenshots(config.screenshots ?? false);
    const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
    const extensionHost = typeof process === 'object' && typeof process.versions?.node === 'string' ? `Node ${process.versions.node}` : 'browser worker';
    console.log(`cpom editor suite on ${config.host ?? 'VS Code'}: VS Code ${vscode.version} (${vscode.env.appName}, ${uiKind} UI, ${extensionHost} extension host)`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await runAll(config.only ? new RegExp(config.only, 'i') : undefined);
}
