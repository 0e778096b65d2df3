/**
 * Rename (LSP `textDocument/rename`) across files. Langium's default replaces the whole text of every
 * reference; a catalogue entry is referred to as `CATALOGUE.ENTRY`, so renaming the entry must rewrite only the
 * part after the last dot, and renaming a catalogue must rewrite the prefix of the references to its entries.
 */
import { type AstNode, CstUtils, type LangiumDocument, type LangiumDocuments, type TextDocument, type URI } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import type { RenameParams } from 'vscode-languageserver';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';

export class CpomRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        try {
            const root = document.parseResult.value.$cstNode;
            if (!root || !/^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*$/.test(params.newName)) return undefined;
            const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
            const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
            if (!target) return undefined;
            const changes: Record<string, TextEdit[]> = {};
            const add = (uri: URI, edit: TextEdit) => (changes[uri.toString()] ??= []).push(edit);
            for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
                // `CATALOGUE.ENTRY`: only the entry's name changes.
                const source = this.documentOf(ref.sourceUri);
                const dot = source?.getText(ref.segment.range).lastIndexOf('.') ?? -1;
                const range = source && dot >= 0
                    ? { start: source.positionAt(ref.segment.offset + dot + 1), end: ref.segment.range.end }
                    : ref.segment.range;
                add(ref.sourceUri, { range, newText: params.newName });
            }
            if (ast.isCatalogue(target)) this.renamePrefixes(target, params.newName, add);
            return { changes };
        } catch {
            return undefined;
        }
    }

    /** References to a catalogue's entries start with the catalogue's name: it changes with it. */
    private renamePrefixes(catalogue: ast.Catalogue, newName: string, add: (uri: URI, edit: TextEdit) => void): void {
        for (const entry of catalogue.entries as AstNode[]) {
            for (const ref of this.references.findReferences(entry, { includeDeclaration: false })) {
                const source = this.documentOf(ref.sourceUri);
                if (!source?.getText(ref.segment.range).startsWith(`${catalogue.name}.`)) continue;
                const end = source.positionAt(ref.segment.offset + catalogue.name.length);
                add(ref.sourceUri, { range: { start: ref.segment.range.start, end }, newText: newName });
            }
        }
    }

    private documentOf(uri: URI): TextDocument | undefined {
        return this.documents.hasDocument(uri) ? this.documents.getDocument(uri)?.textDocument : undefined;
    }
}
