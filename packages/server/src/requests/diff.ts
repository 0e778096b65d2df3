/**
 * `cpom/diff`: the semantic diff between an older text of a file (the client reads it from git) and its current
 * state in the editor. The older text is loaded in a workspace of its own, next to the current texts of the files
 * the contract involves (its imports, its avenants), so that names resolve as they do today.
 */
import { type ast, type AvenantLookup, contractsOfFile, createCpomServices, type CpomServicesBundle, type DocumentSource, loadDocuments } from '@cpom/language';
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { buildContractDocument, type CpomJson, exportContract, renderHtml } from '@cpom/generator';
import { diffContracts, diffContractVersions, draftAvenant, formatDiffMarkdown, formatDiffText, NoSubstantiveChangeError } from '@cpom/diff';
import { type Cancellation, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { DiffRequestMethod, type DiffParams, type DiffResult } from '../protocol.js';
import { contractsOf, syntaxErrorOf } from './contracts-of.js';

type FileSystem = (services: LangiumSharedCoreServices) => FileSystemProvider;

export function registerDiff(connection: Connection, services: CpomLspServicesBundle, fileSystemProvider: FileSystem): void {
    connection.onRequest(DiffRequestMethod, (params: DiffParams, token) => diff(services, fileSystemProvider, params, token));
}

/**
 * The older versions are loaded in services of their own, created once (building a parser costs ~0.2 s) and emptied
 * after each diff; one diff at a time.
 */
let olderVersions: { services: CpomServicesBundle; fileSystemProvider: FileSystem } | undefined;
let queue: Promise<unknown> = Promise.resolve();

export function diff(services: CpomLspServicesBundle, fileSystemProvider: FileSystem, params: DiffParams, token?: Cancellation.CancellationToken): Promise<DiffResult> {
    const result = queue.then(() => {
        if (olderVersions?.fileSystemProvider !== fileSystemProvider) {
            olderVersions = { services: createCpomServices({ fileSystemProvider }), fileSystemProvider };
        }
        return diffWith(services, olderVersions.services, params, token);
    });
    queue = result.catch(() => undefined);
    return result;
}

async function diffWith(services: CpomLspServicesBundle, old: CpomServicesBundle, params: DiffParams, token?: Cancellation.CancellationToken): Promise<DiffResult> {
    const none = (text: string): DiffResult => ({ text, changes: 0, substantive: 0 });
    const current = await contractsOf(services, params.uri, token);
    if (!current.document) return none("Ce fichier n'est pas chargé par le serveur CPOM.");
    const syntax = syntaxErrorOf(current.document);
    if (syntax) return none(`Comparaison impossible : la version actuelle a une erreur de syntaxe, ${syntax}.`);

    // The older text where the file is, next to today's texts of the files the contract involves and of what the
    // older text imports, so that names resolve as they do today.
    const uri = URI.parse(params.uri);
    const todays = services.shared.workspace.LangiumDocuments;
    const source: DocumentSource = { read: file => (file.toString() === uri.toString() ? params.oldText : todays.getDocument(file)?.textDocument.getText()) };
    const involved = current.contracts.flatMap(c => c.documents.map(d => d.uri));
    try {
        const { documents } = await loadDocuments(old.shared, [uri, ...involved], source, { validation: false, cancelToken: token });
        const oldDocument = documents[0].document;
        const oldSyntax = syntaxErrorOf(oldDocument);
        if (oldSyntax) return none(`Comparaison impossible : la version ${params.oldLabel ?? 'précédente'} a une erreur de syntaxe, ${oldSyntax}.`);
        return compare(oldDocument, old.Cpom.cpom.WorkspaceIndex, current.document, services.Cpom.cpom.WorkspaceIndex, params);
    } catch (error) {
        return none(`Comparaison impossible : ${(error as Error).message}`);
    } finally {
        // Emptied for the next diff: versions of a file declare the same names.
        const oldDocuments = old.shared.workspace.LangiumDocuments;
        await old.shared.workspace.DocumentBuilder.update([], oldDocuments.all.map(d => d.uri).toArray());
    }
}

function compare(oldDocument: LangiumDocument, oldIndex: AvenantLookup, document: LangiumDocument, index: AvenantLookup, params: DiffParams): DiffResult {
    const before = contractsDeclared(oldDocument, contract => oldIndex.avenantsOf(contract));
    const after = contractsDeclared(document, contract => index.avenantsOf(contract));
    if (before.length === 0 && after.length === 0) return { text: 'Aucun contrat déclaré dans ce fichier : rien à comparer.', changes: 0, substantive: 0 };
    const diffs = diffContractVersions(before, after, { oldLabel: params.oldLabel ?? 'avant', newLabel: 'version actuelle' });
    const format = params.format === 'text' ? (d: (typeof diffs)[number]) => formatDiffText(d) : formatDiffMarkdown;
    return {
        text: diffs.map(format).join('\n'),
        changes: diffs.reduce((sum, d) => sum + d.changes.length, 0),
        substantive: diffs.reduce((sum, d) => sum + d.summary.substantive, 0),
        ...(params.avenant ? draftedAvenant(before, after, document, index, params.avenant.number) : {}),
    };
}

/** The avenant drafted from the only contract of each version, as `cpom avenant` drafts it (HTML). */
function draftedAvenant(before: CpomJson[], after: CpomJson[], document: LangiumDocument, index: AvenantLookup, number: number): Pick<DiffResult, 'avenantHtml' | 'avenantMessage'> {
    if (before.length !== 1 || after.length !== 1) return { avenantMessage: 'Un avenant se rédige à partir de deux versions d’un seul contrat.' };
    try {
        const contract = contractsOfFile(document).declared.find(c => c.name === after[0].contract.id);
        const contractDocument = contract ? buildContractDocument(contract, index.avenantsOf(contract)) : undefined;
        const diff = diffContracts(before[0], after[0], { oldLabel: 'version précédente', newLabel: 'version actuelle' });
        return { avenantHtml: renderHtml(draftAvenant(diff, before[0], after[0], { number, contractDocument }).document) };
    } catch (error) {
        return { avenantMessage: error instanceof NoSubstantiveChangeError ? error.message : `Avenant impossible à rédiger : ${(error as Error).message}` };
    }
}

function contractsDeclared(document: LangiumDocument, avenantsOf: (contract: ast.Contrat) => ast.Avenant[]): CpomJson[] {
    return contractsOfFile(document).declared.map(c => exportContract(c, avenantsOf(c)));
}
