/**
 * Dependency injection for the language server: the core services of cpom-module.ts wrapped with
 * Langium's LSP services. Loaded only by the server: the CLI's `check` path never imports langium/lsp.
 * Reading this file tells which LSP services cpom replaces or adds; everything not listed is a Langium default
 * (definition, references, document highlight, workspace symbols…).
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices,
} from 'langium/lsp';
import { CpomGeneratedModule, CpomGeneratedSharedModule } from '../generated/module.js';
import { type CpomAddedServices, CpomModule, CpomSharedModule } from '../cpom-module.js';
import { registerValidationChecks } from '../validation/cpom-validator.js';
import { CpomCodeActionProvider } from './cpom-code-actions.js';
import { CpomCompletionProvider } from './cpom-completion.js';
import { CpomDocumentLinkProvider } from './cpom-document-links.js';
import { CpomFoldingRangeProvider } from './cpom-folding.js';
import { CpomFormatter } from './cpom-formatter.js';
import { CpomHoverProvider } from './cpom-hover.js';
import { CpomInlayHintProvider } from './cpom-inlay-hints.js';
import { CpomRenameProvider } from './cpom-rename.js';
import { CpomSemanticTokenProvider } from './cpom-semantic-tokens.js';
import { CpomDocumentSymbolProvider, CpomNodeKindProvider } from './cpom-symbols.js';

export type CpomLspServices = LangiumServices & CpomAddedServices;

/** The LSP services cpom replaces or adds. */
export const CpomLspModule: Module<CpomLspServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: (services) => new CpomCompletionProvider(services),
        HoverProvider: (services) => new CpomHoverProvider(services),
        DocumentSymbolProvider: (services) => new CpomDocumentSymbolProvider(services.shared.lsp.NodeKindProvider),
        FoldingRangeProvider: (services) => new CpomFoldingRangeProvider(services),
        RenameProvider: (services) => new CpomRenameProvider(services),
        DocumentLinkProvider: () => new CpomDocumentLinkProvider(),
        InlayHintProvider: () => new CpomInlayHintProvider(),
        SemanticTokenProvider: (services) => new CpomSemanticTokenProvider(services),
        Formatter: () => new CpomFormatter(),
        CodeActionProvider: (services) => new CpomCodeActionProvider(services),
    },
};

/** The shared LSP services cpom replaces: the kinds of symbols and completion items. */
export const CpomSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new CpomNodeKindProvider(),
    },
};

export interface CpomLspServicesBundle {
    shared: LangiumSharedServices;
    Cpom: CpomLspServices;
}

/**
 * Services of the language server: `startLanguageServer(shared)` once the connection is in the context.
 * `serverModule` is what the server process adds on top (@cpom/server's CpomServerSharedModule: scheduling).
 */
export function createCpomLspServices(context: DefaultSharedModuleContext, serverModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {}): CpomLspServicesBundle {
    const shared = inject(
        createDefaultSharedModule(context), CpomGeneratedSharedModule,
        CpomSharedModule as Module<LangiumSharedServices, PartialLangiumSharedServices>, CpomSharedLspModule, serverModule,
    );
    const Cpom = inject(
        createDefaultModule({ shared }), CpomGeneratedModule,
        CpomModule as Module<CpomLspServices, Partial<CpomAddedServices>>, CpomLspModule,
    );
    shared.ServiceRegistry.register(Cpom);
    registerValidationChecks(Cpom);
    // While typing, the 'fast' rules; the 'slow' ones (CPOM007, unused declarations) run on open and save
    // (@cpom/server's full checks) and in the CLI.
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: { categories: ['built-in', 'fast'] } };
    return { shared, Cpom };
}
