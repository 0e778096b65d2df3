/**
 * Every stage an input goes through, on one set of services reused for every input (the workspace is emptied
 * between inputs): parse, link, validate; format (idempotent, comments kept, AST unchanged); JSON export; the
 * contract document in HTML, Markdown and DOCX; the diff against the unmutated file both ways; the avenant drafted
 * from it; and every LSP provider. A stage that throws, logs an error, or breaks a property fails with its name.
 */
import { ast } from '@cpom/language';
import { createCpomLspServices, type CpomLspServicesBundle } from '@cpom/language/lsp';
import { buildContractDocument, type ContractDocument, type CpomJson, exportContract, renderDocx, renderHtml, renderMarkdown, serialiseJson } from '@cpom/generator';
import { diffContracts, diffContractVersions, draftAvenant, formatDiffMarkdown, formatDiffText, NoSubstantiveChangeError } from '@cpom/diff';
import { type AstNode, CstUtils, EmptyFileSystem, isLeafCstNode, isReference, type LangiumDocument, TextDocument, URI } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import type { CorpusFile } from './corpus.js';

export const STAGES = [
    'idle', 'parse', 'link', 'validate', 'format', 'export', 'document', 'html', 'markdown', 'docx', 'diff', 'avenant',
    'completion', 'hover', 'definition', 'references', 'rename', 'highlight', 'symbols', 'folding', 'semantic-tokens',
    'inlay-hints', 'code-actions', 'document-links',
] as const;
export type Stage = (typeof STAGES)[number];

/** Every validation category: the slow rules too, as on open and save and in the CLI. */
const ALL_CHECKS = ['built-in', 'fast', 'slow'];
/** Positions where the cursor providers are asked, spread over the text. */
const CURSORS = 5;

/** A stage broke a property (not an exception): the formatter changed the meaning, a validator swallowed a throw. */
export class PropertyFailure extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PropertyFailure';
    }
}

/** Where the harness is: the worker publishes it so that a hang can be attributed to its stage. */
export type StageListener = (stage: Stage) => void;

export interface RunOptions {
    /** Render DOCX (zipping makes it the slowest stage: the long campaign samples it). */
    readonly docx: boolean;
    /** For the harness's own test: loop forever in the parse stage, as a hanging parser would. */
    readonly selfTestHang?: boolean;
}

export type StageResult =
    | { readonly ok: true; readonly stages: Stage[]; readonly ms: Partial<Record<Stage, number>> }
    | { readonly ok: false; readonly stages: Stage[]; readonly ms: Partial<Record<Stage, number>>; readonly stage: Stage; readonly error: unknown };

export class StageRunner {
    private readonly services: CpomLspServicesBundle;
    private readonly originals = new Map<number, CpomJson[]>();
    private readonly logged: string[] = [];
    private stage: Stage = 'idle';
    private stageStart = 0;
    /** Time spent in each stage by the current input (for the campaign's profile). */
    private ms: Partial<Record<Stage, number>> = {};
    private options: RunOptions = { docx: true };

    constructor(private readonly corpus: readonly CorpusFile[], private readonly onStage: StageListener) {
        this.services = createCpomLspServices(EmptyFileSystem);
        // Langium reports a throwing validator or scope provider on the console, and goes on: that is a crash too.
        // eslint-disable-next-line no-console -- captures what Langium logs, it does not print
        console.error = (...args: unknown[]) => { this.logged.push(args.map(a => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' ')); };
        // eslint-disable-next-line no-console -- as above
        console.warn = console.error;
    }

    /**
     * Runs `text`, made from the corpus file named `source` (the unmutated version it is diffed against, loaded with
     * the same siblings); undefined when the file is not in the corpus (a saved fixture whose source was removed).
     */
    async run(source: string | undefined, text: string, options: RunOptions = { docx: true }): Promise<StageResult> {
        const done: Stage[] = [];
        this.ms = {};
        this.stageStart = performance.now();
        this.options = options;
        try {
            await this.runStages(this.corpus.findIndex(f => f.name === source), text, done);
            return { ok: true, stages: done, ms: this.ms };
        } catch (error) {
            return { ok: false, stages: done, ms: this.ms, stage: this.stage, error };
        } finally {
            this.stage = 'idle';
            this.onStage('idle');
            await this.clear();
        }
    }

    get currentStage(): Stage {
        return this.stage;
    }

    private enter(stage: Stage, done?: Stage[]): void {
        if (this.logged.length > 0) {
            const [first] = this.logged.splice(0);
            // The message's first line; the rest (often a stack) in the failure's stack, for the report.
            const failure = new PropertyFailure(`logged an error: ${first.split('\n')[0]}`);
            failure.stack = `${failure.stack}\nlogged:\n${first}`;
            throw failure;
        }
        if (done && this.stage !== 'idle' && !done.includes(this.stage)) done.push(this.stage);
        const now = performance.now();
        this.ms[this.stage] = (this.ms[this.stage] ?? 0) + now - this.stageStart;
        this.stageStart = now;
        this.stage = stage;
        this.onStage(stage);
    }

    private async clear(): Promise<void> {
        const uris = this.services.shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        if (uris.length > 0) await this.services.shared.workspace.DocumentBuilder.update([], uris);
        this.logged.length = 0;
    }

    private uriOf(name: string): URI {
        return URI.parse(`file:///fuzz/${name}`);
    }

    private async load(file: CorpusFile, text: string, done: Stage[]): Promise<LangiumDocument> {
        const { workspace } = this.services.shared;
        this.enter('parse', done);
        const document = workspace.LangiumDocumentFactory.fromString(text, this.uriOf(file.name));
        const siblings = file.siblings.map(name => workspace.LangiumDocumentFactory.fromString(this.corpus.find(f => f.name === name)!.text, this.uriOf(name)));
        const all = [document, ...siblings];
        for (const d of all) workspace.LangiumDocuments.addDocument(d);
        this.enter('link', done);
        await workspace.DocumentBuilder.build(all, { validation: false });
        this.enter('validate', done);
        await workspace.DocumentBuilder.build(all, { validation: { categories: ALL_CHECKS } });
        for (const d of all) {
            const swallowed = (d.diagnostics ?? []).find(diagnostic => /error occurred|unexpected error/i.test(diagnostic.message));
            if (swallowed) throw new PropertyFailure(`a check threw: ${swallowed.message}`);
        }
        return document;
    }

    /** The unmutated file's contracts, exported (the "old" version of every diff). */
    private async original(source: number): Promise<CpomJson[]> {
        if (source < 0) return [];
        let exported = this.originals.get(source);
        if (!exported) {
            const file = this.corpus[source];
            const document = await this.load(file, file.text, []);
            exported = this.exportAll(document);
            this.originals.set(source, exported);
            await this.clear();
        }
        return exported;
    }

    private exportAll(document: LangiumDocument): CpomJson[] {
        const index = this.services.Cpom.cpom.WorkspaceIndex;
        return contractsOf(document).map(c => exportContract(c, index.avenantsOf(c)));
    }

    private async runStages(source: number, text: string, done: Stage[]): Promise<void> {
        if (this.options.selfTestHang) {
            this.enter('parse', done);
            for (;;) { /* the watchdog must stop this */ }
        }
        const file = this.corpus[source] ?? { name: 'fixture.cpom', text, siblings: [] };
        const before = await this.original(source);
        const document = await this.load(file, text, done);
        const parses = document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;

        this.enter('format', done);
        await this.checkFormatter(document, parses);

        // `cpom generate --force` renders whatever the parser recovered: every stage must hold on a broken text.
        const index = this.services.Cpom.cpom.WorkspaceIndex;
        const documents: Array<[ast.Contrat, ContractDocument]> = [];
        for (const contract of contractsOf(document)) {
            this.enter('export', done);
            serialiseJson(exportContract(contract, index.avenantsOf(contract)));
            this.enter('document', done);
            documents.push([contract, buildContractDocument(contract, index.avenantsOf(contract))]);
        }
        await this.render(documents.map(([, d]) => d), done);

        // The diff and the avenant compare versions that parse (`cpom diff` refuses a syntax error).
        if (parses) {
            const after = this.exportAll(document);
            this.enter('diff', done);
            for (const diff of [...diffContractVersions(before, after), ...diffContractVersions(after, before)]) {
                formatDiffText(diff);
                formatDiffText(diff, { color: true });
                formatDiffMarkdown(diff);
            }
            for (const old of before) {
                const current = after.find(a => a.contract.id === old.contract.id);
                if (!current) continue;
                this.enter('avenant', done);
                const number = Math.max(0, ...(old.contract.avenants ?? []).map(a => a.number)) + 1;
                const contractDocument = documents.find(([c]) => c.name === current.contract.id)?.[1];
                try {
                    const { document: drafted } = draftAvenant(diffContracts(old, current), old, current, { number, contractDocument });
                    await this.render([drafted], done);
                } catch (error) {
                    if (!(error instanceof NoSubstantiveChangeError)) throw error;
                }
            }
        }

        await this.askProviders(document, done);
        this.enter('idle', done);
    }

    private async render(documents: readonly ContractDocument[], done: Stage[]): Promise<void> {
        for (const contractDocument of documents) {
            this.enter('html', done);
            renderHtml(contractDocument);
            this.enter('markdown', done);
            renderMarkdown(contractDocument);
            if (!this.options.docx) continue;
            this.enter('docx', done);
            await renderDocx(contractDocument);
        }
    }

    private async format(document: LangiumDocument): Promise<string> {
        const edits = await this.services.Cpom.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { insertSpaces: true, tabSize: 4 },
        });
        return TextDocument.applyEdits(document.textDocument, edits);
    }

    /** Formatting never throws; on a text that parses it is idempotent, keeps every comment and the AST. */
    private async checkFormatter(document: LangiumDocument, parses: boolean): Promise<void> {
        const once = await this.format(document);
        if (!parses) return;
        const factory = this.services.shared.workspace.LangiumDocumentFactory;
        const formatted = factory.fromString(once, URI.parse('file:///fuzz-format/formatted.cpom'));
        if (formatted.parseResult.lexerErrors.length + formatted.parseResult.parserErrors.length > 0) {
            throw new PropertyFailure('the formatted text does not parse');
        }
        if (JSON.stringify(meaning(formatted.parseResult.value)) !== JSON.stringify(meaning(document.parseResult.value))) {
            throw new PropertyFailure('formatting changed the AST');
        }
        if (JSON.stringify(commentsOf(formatted)) !== JSON.stringify(commentsOf(document))) {
            throw new PropertyFailure('formatting lost or changed a comment');
        }
        const twice = await this.format(formatted);
        if (twice !== once) throw new PropertyFailure('formatting is not idempotent');
    }

    private async askProviders(document: LangiumDocument, done: Stage[]): Promise<void> {
        const lsp = this.services.Cpom.lsp;
        const textDocument = { uri: document.uri.toString() };
        const text = document.textDocument.getText();
        const whole: Range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
        for (let i = 0; i < CURSORS; i++) {
            const position: Position = document.textDocument.positionAt(Math.floor((text.length * (2 * i + 1)) / (2 * CURSORS)));
            this.enter('completion', done);
            await lsp.CompletionProvider?.getCompletion(document, { textDocument, position });
            this.enter('hover', done);
            await lsp.HoverProvider?.getHoverContent(document, { textDocument, position });
            this.enter('definition', done);
            await lsp.DefinitionProvider?.getDefinition(document, { textDocument, position });
            this.enter('references', done);
            await lsp.ReferencesProvider?.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
            this.enter('rename', done);
            await lsp.RenameProvider?.prepareRename(document, { textDocument, position });
            await lsp.RenameProvider?.rename(document, { textDocument, position, newName: 'NOUVEAU_NOM' });
            this.enter('highlight', done);
            await lsp.DocumentHighlightProvider?.getDocumentHighlight(document, { textDocument, position });
        }
        this.enter('symbols', done);
        await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument });
        this.enter('folding', done);
        await lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument });
        this.enter('semantic-tokens', done);
        await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
        this.enter('inlay-hints', done);
        await lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole });
        this.enter('code-actions', done);
        const diagnostics = document.diagnostics ?? [];
        await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: whole, context: { diagnostics } });
        for (const diagnostic of diagnostics.slice(0, 20)) {
            await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        }
        this.enter('document-links', done);
        await lsp.DocumentLinkProvider?.getDocumentLinks(document, { textDocument });
    }
}

function contractsOf(document: LangiumDocument): ast.Contrat[] {
    const root = document.parseResult.value;
    return ast.isCpomFile(root) ? root.elements.filter(ast.isContrat) : [];
}

/** The AST without positions, containers or CST: what the text means. References by their text. */
function meaning(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(meaning);
    if (isReference(node)) return { ref: node.$refText };
    if (node && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node as AstNode)
            .filter(([key]) => !key.startsWith('$') || key === '$type')
            .map(([key, value]) => [key, meaning(value)]));
    }
    return node;
}

/** The comments of a document, in order, their inner spacing ignored (the formatter reindents block comments). */
function commentsOf(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root)
        .filter(node => isLeafCstNode(node) && node.hidden && /COMMENT/.test(node.tokenType.name))
        .map(node => node.text.replace(/\s+/g, ' ').trim())
        .toArray();
}
