/**
 * Loads contracts into one Langium workspace so that cross-file references resolve: the files given,
 * and the files they import (transitively), then builds and validates them all.
 */
import { readFileSync, existsSync } from 'node:fs';
import { type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { ast, createCpomServices, type CpomServicesBundle, importedUris } from '@cpom/language';
import type { Diagnostic } from 'vscode-languageserver-types';
import { UsageError } from './files.js';

export interface LoadedFile {
    readonly path: string;
    readonly uri: URI;
    readonly text: string;
    readonly document: LangiumDocument;
    /** Whether the user named this file (imported-only files are validated but not reported). */
    readonly requested: boolean;
}

export interface Workspace {
    readonly services: CpomServicesBundle;
    readonly files: LoadedFile[];
}

export function createServices(): CpomServicesBundle {
    return createCpomServices(NodeFileSystem);
}

function readContract(file: string): string {
    try {
        return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
        throw new UsageError(`cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

export async function loadWorkspace(services: CpomServicesBundle, paths: readonly string[]): Promise<Workspace> {
    const { shared } = services;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const files: LoadedFile[] = [];
    const queue = paths.map(p => ({ path: p, requested: true }));
    const seen = new Set<string>();
    while (queue.length > 0) {
        const next = queue.shift()!;
        const uri = URI.file(next.path);
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        const text = readContract(next.path);
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        files.push({ path: next.path, uri, text, document, requested: next.requested });
        if (ast.isCpomFile(document.parseResult.value)) {
            for (const imported of importedUris(document)) {
                if (!seen.has(imported.toString()) && imported.fsPath.endsWith('.cpom') && existsSync(imported.fsPath)) {
                    queue.push({ path: imported.fsPath, requested: false });
                }
            }
        }
    }
    await shared.workspace.DocumentBuilder.build(files.map(f => f.document), { validation: true });
    return { services, files };
}

export function diagnosticsOf(file: LoadedFile): Diagnostic[] {
    return file.document.diagnostics ?? [];
}
