/**
 * The contracts a file stands for, in its current (possibly unsaved) state: the contracts it declares, the
 * contract an avenant amends, the contracts that import a catalogue (`contractsStoodFor`, the loading API shared
 * with the CLI). Waits until the workspace is built.
 */
import { ast, contractsStoodFor, decodeBilingual, documentsOfContract, formatMessage, isNestingError } from '@cpom/language';
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
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length === 0 && parserErrors.length === 0) return undefined;
    const first = (document.diagnostics ?? [])
        .filter(d => d.code === 'CPOM001')
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    if (first) return `ligne ${first.range.start.line + 1} : ${first.message.replace(/(?<!\.)\.+$/, '')}`;
    // Not validated (an older version loaded only to be compared): the parser's own first error.
    const lexer = lexerErrors[0];
    const parser = parserErrors[0];
    const line = lexer?.line ?? (parser && Number.isFinite(parser.token.startLine) ? parser.token.startLine : document.textDocument.lineCount);
    const message = lexer && isNestingError(lexer) ? formatMessage('CPOM001', { detail: { variant: 'nesting', limit: lexer.nestingLimit } }, 'fr')
        : lexer ? lexer.message : decodeBilingual(parser!.message, 'fr');
    return `ligne ${line} : ${message.replace(/(?<!\.)\.+$/, '')}`;
}
