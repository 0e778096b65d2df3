/**
 * An edited document reparsed by block (workspace/incremental-reparse.ts) has the trees a parse of its whole text
 * gives — the same AST, the same CST, offsets, ranges and text of every leaf —, and after a build the same
 * diagnostics. Seeded random edits (digits, characters, strings, lines copied or deleted, comments; an edit that
 * breaks the text is undone by the next one) over the seeds, the examples, the test fixtures and the bench's
 * generated contract, each applied to the previous result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cancellation, type CstNode, EmptyFileSystem, isCompositeCstNode, type LangiumDocument, type ReferenceDescription, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createCpomLspServices } from '../packages/language/src/lsp/index.js';
import { ROOT } from './helpers.js';
import { shape } from './tree-shapes.js';
import { forgetWalk, walkedTree } from '../packages/language/src/workspace/ast-nodes.js';

const files = ['seeds', 'examples', 'tests/fixtures'].flatMap(folder => readdirSync(path.join(ROOT, folder), { recursive: true })
    .map(file => path.join(folder, String(file))).filter(file => file.endsWith('.cpom')));

/** The bench's generated contract of about `lines` lines (bench/generate.js, untyped JavaScript). */
async function benchContract(lines: number): Promise<string> {
    const generate = await import(pathToFileURL(path.join(ROOT, 'bench/generate.js')).href) as { contractOfAboutLines(lines: number, seed: number): { text: string } };
    return generate.contractOfAboutLines(lines, 2).text;
}

/** Mulberry32: the same edits on every run. */
function random(seed: number): () => number {
    return () => {
        seed = (seed + 0x6D2B79F5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

interface Edit { start: number; end: number; text: string }

const CHARACTERS = [' ', 'a', 'Z', '1', '7', '\n', '"', '{', '}', ',', ':', '%', 'é', '/', '-', '.'];
const SNIPPETS = ['// note\n', '/* vu */', ' 2024: 12', 'cible', ', ', '\n    ', '"texte"', '1 000', '2025-01-01'];

function makeEdit(text: string, next: () => number): Edit {
    const at = (n: number) => Math.floor(next() * n);
    const position = at(text.length + 1);
    switch (at(8)) {
        case 0: { // a digit changed
            const digits = [...text.matchAll(/\d/g)];
            if (digits.length === 0) break;
            const d = digits[at(digits.length)].index!;
            return { start: d, end: d + 1, text: String(at(10)) };
        }
        case 1: // a character typed
            return { start: position, end: position, text: CHARACTERS[at(CHARACTERS.length)] };
        case 2: // characters deleted
            return { start: position, end: Math.min(text.length, position + 1 + at(4)), text: '' };
        case 3: { // a letter typed in a string
            const quotes = [...text.matchAll(/"/g)];
            if (quotes.length === 0) break;
            const q = quotes[at(quotes.length)].index! + 1;
            return { start: q, end: q, text: 'x' };
        }
        case 4: { // a line copied below itself
            const lineStart = text.lastIndexOf('\n', position - 1) + 1;
            const lineEnd = text.indexOf('\n', position);
            const end = lineEnd < 0 ? text.length : lineEnd + 1;
            return { start: end, end, text: text.slice(lineStart, end) + (lineEnd < 0 ? '\n' : '') };
        }
        case 5: { // a line deleted
            const lineStart = text.lastIndexOf('\n', position - 1) + 1;
            const lineEnd = text.indexOf('\n', position);
            return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, text: '' };
        }
        case 6: // a snippet pasted
            return { start: position, end: position, text: SNIPPETS[at(SNIPPETS.length)] };
        default: { // a word's character replaced
            const words = [...text.matchAll(/[a-zA-Z_]\w+/g)];
            if (words.length === 0) break;
            const w = words[at(words.length)];
            const i = w.index! + at(w[0].length);
            return { start: i, end: i + 1, text: 'ab'[at(2)] };
        }
    }
    return { start: position, end: position, text: ' ' };
}

function apply(text: string, edit: Edit): string {
    return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The edit that undoes `edit` on `text`'s result. */
function inverse(text: string, edit: Edit): Edit {
    return { start: edit.start, end: edit.start + edit.text.length, text: text.slice(edit.start, edit.end) };
}

/** Whether every CST node of the document's tree knows its root, and each child its container. */
function linked(node: CstNode, root: CstNode): boolean {
    if (node.root !== root) return false;
    return !isCompositeCstNode(node) || node.content.every(child => child.container === node && linked(child, root));
}

const textOf = (document: LangiumDocument) => document.parseResult.value.$cstNode!.root.fullText;

/** A document edited edit after edit, its buffer and its trees patched the way the server's update patches them. */
class EditedDocument {
    readonly uri: URI;
    buffer: TextDocument;
    document: LangiumDocument;
    reparsedByBlock = 0;
    edits = 0;

    constructor(readonly services: ReturnType<typeof createCpomLspServices>, name: string, text: string) {
        this.uri = URI.parse(`file:///reparse/${name}`);
        this.buffer = TextDocument.create(this.uri.toString(), 'cpom', 1, text);
        services.shared.workspace.TextDocuments.set(this.buffer);
        this.document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(this.buffer, this.uri);
    }

    /** The buffer edited; the document parsed again through the factory's update (by block if it can). */
    async edit(edit: Edit): Promise<void> {
        const range = { start: this.buffer.positionAt(edit.start), end: this.buffer.positionAt(edit.end) };
        this.buffer = TextDocument.update(this.buffer, [{ range, text: edit.text }], this.buffer.version + 1);
        this.services.shared.workspace.TextDocuments.set(this.buffer);
        const root = this.document.parseResult.value;
        await this.services.shared.workspace.LangiumDocumentFactory.update(this.document, Cancellation.CancellationToken.None);
        this.edits++;
        if (this.document.parseResult.value === root) this.reparsedByBlock++;
    }
}

/** Random edits on `text`, each compared with a parse of the whole text; the number reparsed by block. */
async function editAndCompare(services: ReturnType<typeof createCpomLspServices>, name: string, text: string, count: number, seed: number): Promise<EditedDocument> {
    const next = random(seed);
    const edited = new EditedDocument(services, name, text);
    const parser = services.Cpom.parser.LangiumParser;
    let undo: Edit | undefined;
    for (let i = 0; i < count; i++) {
        const before = textOf(edited.document);
        const edit = undo ?? makeEdit(before, next);
        walkedTree(edited.document.parseResult.value);
        await edited.edit(edit);
        const after = apply(before, edit);
        const full = parser.parse(after);
        // A broken text is undone by the next edit (from a document with errors: a full parse).
        undo = undo === undefined && (full.lexerErrors.length > 0 || full.parserErrors.length > 0) ? inverse(before, edit) : undefined;
        const patched = edited.document.parseResult;
        expect(textOf(edited.document)).toBe(after);
        const [a, b] = [JSON.stringify(shape(patched)), JSON.stringify(shape(full))];
        if (a !== b) expect({ edit: i, ...(shape(patched) as object) }).toEqual({ edit: i, ...(shape(full) as object) });
        // The shared walk, patched, is the walk of the new tree.
        const walk = walkedTree(patched.value);
        forgetWalk(patched.value);
        const fresh = walkedTree(patched.value);
        if (walk.nodes.length !== fresh.nodes.length || walk.nodes.some((node, k) => node !== fresh.nodes[k])
            || walk.references.length !== fresh.references.length || walk.references.some((r, k) => r.reference !== fresh.references[k].reference || r.container !== fresh.references[k].container)
            || String(walk.subtreeEnd) !== String(fresh.subtreeEnd) || String(walk.firstReference) !== String(fresh.firstReference)) {
            expect.fail(`edit ${i}: the patched walk differs from the walk of the tree`);
        }
        if (!linked(patched.value.$cstNode!, patched.value.$cstNode!.root)) expect.fail(`edit ${i}: a CST node without its root or container`);
    }
    return edited;
}

/**
 * Random edits built through the DocumentBuilder (by block when it can), each compared with the diagnostics of the
 * same text built from scratch in other services; the number of edits reparsed by block.
 */
async function diagnosticsAfterEdits(name: string, text: string, count: number, seed: number): Promise<number> {
    const edited = createCpomLspServices(EmptyFileSystem);
    const fresh = createCpomLspServices(EmptyFileSystem);
    const next = random(seed);
    const document = new EditedDocument(edited, name, text);
    edited.shared.workspace.LangiumDocuments.addDocument(document.document);
    await edited.shared.workspace.DocumentBuilder.build([document.document], { validation: true });
    let undo: Edit | undefined;
    let byBlock = 0;
    for (let i = 0; i < count; i++) {
        const before = textOf(document.document);
        const edit = undo ?? makeEdit(before, next);
        const range = { start: document.buffer.positionAt(edit.start), end: document.buffer.positionAt(edit.end) };
        document.buffer = TextDocument.update(document.buffer, [{ range, text: edit.text }], document.buffer.version + 1);
        edited.shared.workspace.TextDocuments.set(document.buffer);
        const root = document.document.parseResult.value;
        await edited.shared.workspace.DocumentBuilder.update([document.uri], []);
        if (document.document.parseResult.value === root) byBlock++;
        // The server's update runs the fast rules; the slow ones too, as on save.
        await edited.shared.workspace.DocumentBuilder.build([document.document], { validation: true });
        const parsed = document.document.parseResult;
        undo = undo === undefined && (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) ? inverse(before, edit) : undefined;

        const documents = fresh.shared.workspace.LangiumDocuments;
        if (documents.hasDocument(document.uri)) documents.deleteDocument(document.uri);
        const reference = fresh.shared.workspace.LangiumDocumentFactory.fromString(apply(before, edit), document.uri);
        documents.addDocument(reference);
        await fresh.shared.workspace.DocumentBuilder.build([reference], { validation: true });
        expect({ name, edit: i, diagnostics: document.document.diagnostics }).toEqual({ name, edit: i, diagnostics: reference.diagnostics });
    }
    return byBlock;
}

describe('reparsing by block', () => {
    it('gives the trees of a full parse, over the seeds, examples and fixtures', async () => {
        const services = createCpomLspServices(EmptyFileSystem);
        let byBlock = 0;
        let edits = 0;
        for (const [i, file] of files.entries()) {
            const count = file.startsWith('tests') ? 8 : 60;
            const edited = await editAndCompare(services, `f${i}.cpom`, readFileSync(path.join(ROOT, file), 'utf8'), count, i + 1);
            byBlock += edited.reparsedByBlock;
            edits += edited.edits;
        }
        expect(edits).toBeGreaterThan(1500);
        // Most edits of a text without errors fall inside a block.
        expect(byBlock).toBeGreaterThan(edits / 4);
    }, 300_000);

    it("gives the trees of a full parse on the bench's generated contract", async () => {
        const services = createCpomLspServices(EmptyFileSystem);
        const edited = await editAndCompare(services, 'bench.cpom', await benchContract(300), 300, 42);
        expect(edited.reparsedByBlock).toBeGreaterThan(edited.edits / 4);
    }, 300_000);

    it('gives the diagnostics of a full parse after a build, over the seeds, examples and the bench contract', async () => {
        const texts = files.filter(file => !file.startsWith('tests')).map(file => readFileSync(path.join(ROOT, file), 'utf8'));
        let byBlock = 0;
        let edits = 0;
        for (const [i, text] of [...texts, await benchContract(300)].entries()) {
            byBlock += await diagnosticsAfterEdits(`d${i}.cpom`, text, 60, 100 + i);
            edits += 60;
        }
        expect(byBlock).toBeGreaterThan(edits / 4);
    }, 300_000);
});

/**
 * Edits that change what other blocks read — FINESS numbers (key, duplicates, département), a declared name that
 * references use (and another declaration taking it), an amount that a distribution must sum to, a target year, the
 * contract's start, end and frame, the title and direction an indicator inherits through `selon`, places, the kind of
 * an authority that establishments name — each built as the server builds a keystroke (`update`, the typing rules)
 * and compared with a fresh build of the same text with the same rules, then with every rule; the reference index
 * too. The checks' kept diagnostics (validation/check-cache.ts) are replayed, the model's kept views
 * (model/model-cache.ts) and the reference index's kept entries (workspace/cpom-reference-descriptions.ts) reused,
 * for the blocks the edit kept: a stale one shows here.
 */
const CROSS_BLOCK_EDITS: ReadonlyArray<readonly [string, string, string]> = [
    ['a FINESS key broken', 'finess 071000012', 'finess 071000013'],
    ['that FINESS fixed', 'finess 071000013', 'finess 071000012'],
    ['a FINESS made the same as another', 'finess 071000020', 'finess 071000012'],
    ['that FINESS back', 'finess 071000012\n            categorie MAS 255\n            departement 07\n            capacite 31', 'finess 071000020\n            categorie MAS 255\n            departement 07\n            capacite 31'],
    ['a FINESS of another département', 'finess 381000033', 'finess 071000038'],
    ['that FINESS back', 'finess 071000038', 'finess 381000033'],
    ['funded places above the authorised ones', 'capacite 69 places', 'capacite 69 places financees 70'],
    ['the authorised places raised', 'capacite 69 places financees 70', 'capacite 79 places financees 70'],
    ['an establishment renamed, its references unresolved', 'etablissement ET_0005 "', 'etablissement ET_0005X "'],
    ['another establishment given the name the references use', 'etablissement ET_0006 "', 'etablissement ET_0005 "'],
    ['that name back', 'etablissement ET_0005 "MAS La Source', 'etablissement ET_0006 "MAS La Source'],
    ['its name back', 'etablissement ET_0005X "', 'etablissement ET_0005 "'],
    ['a yearly amount that a distribution sums to', '2024: 6 273 051,69 €', '2024: 6 273 052,69 €'],
    ['a share of that distribution', 'ET_0001: 935 104,38 €', 'ET_0001: 935 105,38 €'],
    ['a target year outside the contract', '2027: 18, 2028: 20', '2027: 18, 2029: 20'],
    ['the contract ending a year earlier', 'fin 2028-12-31', 'fin 2027-12-31'],
    ['its end back', 'fin 2027-12-31', 'fin 2028-12-31'],
    ['the title an indicator inherits', 'IND_O001_1 "Sorties vers le milieu ordinaire"', 'IND_O001_1 "Sorties en milieu ordinaire"'],
    ['the direction it inherits', 'sens hausse', 'sens baisse'],
    ['that direction back', 'sens baisse\n                reference 2023: 13', 'sens hausse\n                reference 2023: 13'],
    ['a tarification left out', 'capacite 37 places\n            tarification ARS_ARA', 'capacite 37 places\n            adresse "1 rue des Lilas"'],
    ['a frame added', 'cadre L313-12-2', 'cadre L313-12-IVter, L313-12-2'],
    ['that frame removed', 'cadre L313-12-IVter, L313-12-2', 'cadre L313-12-2'],
    ['the contract starting a year later', 'effet 2024-01-01', 'effet 2025-01-01'],
    ['a date typed the French way', 'echeance 2026-10-13', 'echeance 13/10/2026'],
    ['the target year back', '2027: 18, 2029: 20', '2027: 18, 2028: 20'],
    ['fewer places authorised than habilitated', 'capacite 68 places', 'capacite 58 places'],
    ['the places back', 'capacite 58 places', 'capacite 68 places'],
    ['the kind of the authority the establishments name', 'autorite ARS_ARA ars "', 'autorite ARS_ARA departement 38 "'],
    ['that kind back', 'autorite ARS_ARA departement 38 "', 'autorite ARS_ARA ars "'],
];

/** The reference index's entries of a document (Langium keeps them in a private map), as plain data. */
function referenceEntries(services: ReturnType<typeof createCpomLspServices>, uri: URI): unknown[] {
    const index = services.shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> };
    return (index.referenceIndex.get(uri.toString()) ?? []).map(d => ({
        sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, local: d.local,
        segment: { offset: d.segment.offset, end: d.segment.end, length: d.segment.length, range: d.segment.range },
    }));
}

describe('diagnostics kept across edits', () => {
    it('are those of a fresh build after each edit that changes what other blocks read', async () => {
        // An indicator based on another (`selon`), its gapped trajectory reported with the title it inherits (CPOM180).
        const text = (await benchContract(300))
            .replace('indicateur IND_O004_2 "Sorties vers le milieu ordinaire" {', 'indicateur IND_O004_2 selon IND_O001_1 {')
            .replace('cibles 2024: 12, 2025: 15, 2026: 16, 2027: 18, 2028: 21', 'cibles 2024: 12, 2025: 15, 2027: 18, 2028: 21')
            // Places habilitated to the aide sociale, compared with the authorised ones through the model (CPOM039).
            .replace('capacite 68 places\n', 'capacite 68 places\n            habilitation_aide_sociale 60 places\n');
        const edited = createCpomLspServices(EmptyFileSystem);
        const fresh = createCpomLspServices(EmptyFileSystem);
        const typing = edited.shared.workspace.DocumentBuilder.updateBuildOptions;
        const document = new EditedDocument(edited, 'kept.cpom', text);
        edited.shared.workspace.LangiumDocuments.addDocument(document.document);
        await edited.shared.workspace.DocumentBuilder.build([document.document], { validation: true });
        const freshDiagnostics = async (source: string, options: typeof typing) => {
            const documents = fresh.shared.workspace.LangiumDocuments;
            if (documents.hasDocument(document.uri)) documents.deleteDocument(document.uri);
            const reference = fresh.shared.workspace.LangiumDocumentFactory.fromString(source, document.uri);
            documents.addDocument(reference);
            await fresh.shared.workspace.DocumentBuilder.build([reference], options);
            return reference.diagnostics;
        };
        let entries = 0;
        const codes = new Set<unknown>();
        let byBlock = 0;
        for (const [what, from, to] of CROSS_BLOCK_EDITS) {
            const before = textOf(document.document);
            const start = before.indexOf(from);
            expect(start, what).toBeGreaterThanOrEqual(0);
            const range = { start: document.buffer.positionAt(start), end: document.buffer.positionAt(start + from.length) };
            document.buffer = TextDocument.update(document.buffer, [{ range, text: to }], document.buffer.version + 1);
            edited.shared.workspace.TextDocuments.set(document.buffer);
            const root = document.document.parseResult.value;
            await edited.shared.workspace.DocumentBuilder.update([document.uri], []);
            if (document.document.parseResult.value === root) byBlock++;
            const after = textOf(document.document);
            for (const d of document.document.diagnostics ?? []) codes.add(d.code);
            expect({ what, diagnostics: document.document.diagnostics }).toEqual({ what, diagnostics: await freshDiagnostics(after, typing) });
            // The reference index's entries, kept for the references the edit kept (cpom-reference-descriptions.ts).
            const indexed = referenceEntries(edited, document.uri);
            expect({ what, indexed }).toEqual({ what, indexed: referenceEntries(fresh, document.uri) });
            entries += indexed.length;
            await edited.shared.workspace.DocumentBuilder.build([document.document], { validation: true });
            expect({ what, all: true, diagnostics: document.document.diagnostics }).toEqual({ what, all: true, diagnostics: await freshDiagnostics(after, { validation: true }) });
        }
        // The edits are keystrokes inside blocks (the other blocks kept), and their diagnostics are not all empty.
        expect(byBlock).toBe(CROSS_BLOCK_EDITS.length);
        expect(entries).toBeGreaterThan(CROSS_BLOCK_EDITS.length * 50);
        expect([...codes].sort()).toEqual(expect.arrayContaining(['CPOM002', 'CPOM026', 'CPOM031', 'CPOM036', 'CPOM038', 'CPOM039', 'CPOM041', 'CPOM053', 'CPOM054', 'CPOM062', 'CPOM131', 'CPOM180']));
    }, 120_000);
});
