/**
 * The one loading API of the shells: load a version of some files with what they import (transitively, read from
 * their parsed `importe` clauses), and list the contracts a file stands for. The CLI (check, generate, diff of files
 * and of git revisions) and the language server use it; the core does no I/O, so the texts come from a
 * `DocumentSource` the shell implements (the disk, a git revision, an editor's buffers).
 */
import { AstUtils, type Cancellation, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices, type URI } from 'langium';
import * as ast from '../generated/ast.js';
import { importedUris } from '../references/imports.js';
import type { CpomBuildOptions } from './cpom-document-builder.js';

/** Where the texts of a version of files are read. */
export interface DocumentSource {
    /** The text of the file at `uri`, or undefined when this source has no such file. */
    read(uri: URI): string | undefined;
}

export interface LoadedDocument {
    readonly document: LangiumDocument;
    readonly text: string;
    /** Whether the caller asked for this file (imported-only files are built but not reported). */
    readonly requested: boolean;
}

export interface LoadedVersion {
    /** The requested files first, in the order asked, then what they import. */
    readonly documents: LoadedDocument[];
    /** Requested files the source does not have: when there is one, nothing is loaded. */
    readonly missing: URI[];
}

export interface LoadOptions {
    /** Run the validation rules (default true); comparing versions needs names resolved, not rules checked. */
    readonly validation?: boolean;
    /**
     * Index the references of the loaded files (default true), which finding references, renaming and relinking after
     * a change read (not the rules): a workspace that is loaded, read once and emptied (a comparison, a chunk of a
     * batch) needs none of them.
     */
    readonly referenceIndex?: boolean;
    readonly cancelToken?: Cancellation.CancellationToken;
    /**
     * Files loaded with the requested ones but not requested (built, not reported): the avenants that lie beside a
     * contract file and import it, without which the contract would be read unamended.
     */
    readonly companions?: readonly URI[];
}

/**
 * Loads `uris` and, transitively, the .cpom files they import into the services' workspace, then builds them. An
 * import the source does not have is not loaded: validation reports it on the importing document (CPOM004).
 * Import cycles are followed once.
 */
export async function loadDocuments(shared: LangiumSharedCoreServices, uris: readonly URI[], source: DocumentSource, options: LoadOptions = {}): Promise<LoadedVersion> {
    const queue: Array<{ uri: URI; text: string; requested: boolean }> = [];
    const seen = new Set<string>();
    const missing: URI[] = [];
    /** Queues a file once; false when the source does not have it. */
    const enqueue = (uri: URI, requested: boolean): boolean => {
        if (seen.has(uri.toString())) return true;
        seen.add(uri.toString());
        const text = source.read(uri);
        if (text === undefined) return false;
        queue.push({ uri, text, requested });
        return true;
    };
    for (const uri of uris) {
        if (!enqueue(uri, true)) missing.push(uri);
    }
    if (missing.length > 0) return { documents: [], missing };
    for (const uri of options.companions ?? []) enqueue(uri, false);

    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const loaded: LoadedDocument[] = [];
    for (let next = queue.shift(); next; next = queue.shift()) {
        const document = factory.fromString(next.text, next.uri);
        documents.addDocument(document);
        loaded.push({ document, text: next.text, requested: next.requested });
        for (const imported of importedUris(document)) {
            if (imported.path.endsWith('.cpom')) enqueue(imported, false);
        }
    }
    const build: CpomBuildOptions = { validation: options.validation ?? true, referenceIndex: options.referenceIndex };
    await shared.workspace.DocumentBuilder.build(loaded.map(l => l.document), build, options.cancelToken);
    return { documents: loaded, missing: [] };
}

/** A contract declared in another file and amended by avenants of this one. */
export interface AmendedContract {
    readonly contract: ast.Contrat;
    /** The avenants of this file that amend it. */
    readonly avenants: ast.Avenant[];
}

/** What a built file says about contracts by itself: the contracts it declares, those its avenants amend. */
export interface ContractsOfFile {
    readonly declared: ast.Contrat[];
    readonly amended: AmendedContract[];
}

export function contractsOfFile(document: LangiumDocument): ContractsOfFile {
    const root = document.parseResult.value;
    if (!ast.isCpomFile(root)) return { declared: [], amended: [] };
    const declared = root.elements.filter(ast.isContrat);
    const amended = new Map<ast.Contrat, ast.Avenant[]>();
    for (const avenant of root.elements.filter(ast.isAvenant)) {
        const contract = avenant.contract?.ref;
        if (!contract || declared.includes(contract)) continue;
        amended.set(contract, [...(amended.get(contract) ?? []), avenant]);
    }
    return { declared, amended: [...amended].map(([contract, avenants]) => ({ contract, avenants })) };
}

/**
 * The documents among `documents` that import one of `targets`, directly or through other files (parsed documents
 * are enough: imports come from the AST), without the targets themselves.
 */
export function importersOf(targets: readonly URI[], documents: Iterable<LangiumDocument>): LangiumDocument[] {
    const importedBy = new Map<string, LangiumDocument[]>();
    for (const document of documents) {
        for (const imported of importedUris(document)) {
            const key = imported.toString();
            importedBy.set(key, [...(importedBy.get(key) ?? []), document]);
        }
    }
    const seen = new Set(targets.map(t => t.toString()));
    const queue = [...seen];
    const found: LangiumDocument[] = [];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const importer of importedBy.get(next) ?? []) {
            const key = importer.uri.toString();
            if (seen.has(key)) continue;
            seen.add(key);
            queue.push(key);
            found.push(importer);
        }
    }
    return found;
}

/**
 * The contracts a built file stands for in its workspace: the contracts it declares, the contracts its avenants
 * amend, and, for a file with a catalogue, the contracts of the files that import it (directly or not).
 */
export function contractsStoodFor(document: LangiumDocument, workspace: Iterable<LangiumDocument>): ast.Contrat[] {
    const own = contractsOfFile(document);
    const found = new Set<ast.Contrat>([...own.declared, ...own.amended.map(a => a.contract)]);
    const root = document.parseResult.value;
    if (ast.isCpomFile(root) && root.elements.some(ast.isCatalogue)) {
        for (const importer of importersOf([document.uri], workspace)) {
            contractsOfFile(importer).declared.forEach(contract => found.add(contract));
        }
    }
    return [...found];
}

/**
 * The documents a contract is made of: its file, its avenants' files and the files they import (those `documents`
 * has). A contract with errors in any of them is refused by the generators.
 */
export function documentsOfContract(contract: ast.Contrat, avenants: readonly ast.Avenant[], documents: Pick<LangiumDocuments, 'getDocument'>): LangiumDocument[] {
    const involved = new Map<string, LangiumDocument>();
    for (const node of [contract, ...avenants]) {
        const own = AstUtils.getDocument(node);
        involved.set(own.uri.toString(), own);
        for (const imported of importedUris(own)) {
            const target = documents.getDocument(imported);
            if (target) involved.set(imported.toString(), target);
        }
    }
    return [...involved.values()];
}
