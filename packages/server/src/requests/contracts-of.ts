/**
 * The contracts a file stands for, in its current (possibly unsaved) state: the contracts it declares, the
 * contract an avenant amends, the contracts that import a catalogue (`contractsStoodFor`, the loading API shared
 * with the CLI). Waits until the workspace is built.
 */
import { ast, contractsStoodFor, documentsOfContract, firstSyntaxError, syntaxErrorClause } from '@cpom/language';
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { workspaceIndexed } from '../background-indexing.js';
import { type Cancellation, DocumentState, type LangiumDocument, URI } from 'langium';

export interface ContractInFile {
    readonly contract: ast.Contrat;
    readonly avenants: ast.Avenant[];
    /** Documents involved: the contract's file, its avenants' files and what they import. */
    readonly documents: LangiumDocument[];
}

export interface ContractsLookup {
    readonly document?: LangiumDocument;
    readonly contracts: ContractInFile[];
}

export async function contractsOf({ shared, Cpom }: CpomLspServicesBundle, uri: string, token?: Cancellation.CancellationToken): Promise<ContractsLookup> {
    const parsed = URI.parse(uri);
    const documents = shared.workspace.LangiumDocuments;
    // A file just opened is in the builder's queue: a read waits for the queued writes (its first build). Its
    // avenants and importers may be in files the background indexing has not reached: it waits for them.
    await workspaceIndexed(shared);
    await shared.workspace.WorkspaceLock.read(() => undefined);
    if (!documents.hasDocument(parsed)) return { contracts: [] };
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, token);
    const document = documents.getDocument(parsed);
    const root = document?.parseResult.value;
    if (!document || !ast.isCpomFile(root)) return { document, contracts: [] };

    const index = Cpom.cpom.WorkspaceIndex;
    const contracts = contractsStoodFor(document, documents.all).map(contract => {
        const avenants = index.avenantsOf(contract);
        return { contract, avenants, documents: documentsOfContract(contract, avenants, documents) };
    });
    return { document, contracts };
}

/** Number of errors (severity 1) in the documents of a contract. */
export function errorCount(contract: ContractInFile): number {
    return contract.documents.reduce((sum, d) => sum + (d.diagnostics ?? []).filter(x => x.severity === 1).length, 0);
}

/** The first syntax error (CPOM001, in French) as "ligne L : message", or undefined. */
export function syntaxErrorOf(document: LangiumDocument): string | undefined {
    const error = firstSyntaxError(document, 'fr');
    return error && `ligne ${error.line} : ${syntaxErrorClause(error)}`;
}
