/**
 * Dependency injection: what the CPOM language services are made of. Reading this file tells which
 * Langium services cpom replaces and which it adds.
 */
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, type DefaultSharedCoreModuleContext, inject,
    type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices,
} from 'langium';
import { CpomGeneratedModule, CpomGeneratedSharedModule } from './generated/module.js';
import { CpomSettings } from './cpom-settings.js';
import { CpomParserErrorMessageProvider, grammarKeywords } from './diagnostics/syntax-messages.js';
import { CpomLexer } from './parser/cpom-lexer.js';
import { createCpomParser } from './parser/cpom-parser.js';
import { CpomTokenBuilder } from './parser/cpom-token-builder.js';
import { CpomValueConverter } from './parser/cpom-value-converter.js';
import { CpomScopeComputation } from './references/cpom-scope-computation.js';
import { CpomLinker } from './references/cpom-linker.js';
import { CpomScopeProvider } from './references/cpom-scope-provider.js';
import { CpomDocumentValidator } from './validation/cpom-document-validator.js';
import { CpomValidationRegistry } from './validation/cpom-validation-registry.js';
import { registerValidationChecks } from './validation/cpom-validator.js';
import { CpomDocumentBuilder } from './workspace/cpom-document-builder.js';
import { CpomDocumentFactory } from './workspace/cpom-document-factory.js';
import { CpomIndexManager } from './workspace/cpom-index-manager.js';
import { CpomReferenceDescriptionProvider } from './workspace/cpom-reference-descriptions.js';
import { CpomWorkspaceIndex } from './workspace/cpom-workspace-index.js';

export interface CpomAddedServices {
    cpom: {
        Settings: CpomSettings;
        WorkspaceIndex: CpomWorkspaceIndex;
    };
}

export type CpomServices = LangiumCoreServices & CpomAddedServices;

export const CpomModule: Module<CpomServices, PartialLangiumCoreServices & CpomAddedServices> = {
    cpom: {
        Settings: () => new CpomSettings(),
        WorkspaceIndex: (services) => new CpomWorkspaceIndex(services.shared),
    },
    parser: {
        LangiumParser: (services) => createCpomParser(services),
        Lexer: (services) => new CpomLexer(services),
        ParserErrorMessageProvider: (services) => new CpomParserErrorMessageProvider(grammarKeywords(services.Grammar)),
        TokenBuilder: () => new CpomTokenBuilder(),
        ValueConverter: () => new CpomValueConverter(),
    },
    references: {
        ScopeComputation: (services) => new CpomScopeComputation(services),
        ScopeProvider: (services) => new CpomScopeProvider(services as CpomServices),
        Linker: (services) => new CpomLinker(services),
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new CpomReferenceDescriptionProvider(services),
    },
    validation: {
        DocumentValidator: (services) => new CpomDocumentValidator(services as CpomServices),
        ValidationRegistry: (services) => new CpomValidationRegistry(services),
    },
};

/**
 * Shared services cpom replaces: the document builder that rebuilds related files together (and isolates a
 * document whose build fails), the document factory whose parse never throws, the index looked up by URI.
 */
export const CpomSharedModule: Module<LangiumSharedCoreServices, DeepPartialShared> = {
    workspace: {
        DocumentBuilder: (shared) => new CpomDocumentBuilder(shared),
        LangiumDocumentFactory: (shared) => new CpomDocumentFactory(shared),
        IndexManager: (shared) => new CpomIndexManager(shared),
    },
};
type DeepPartialShared = { workspace: Partial<LangiumSharedCoreServices['workspace']> };

export interface CpomServicesBundle {
    shared: LangiumSharedCoreServices;
    Cpom: CpomServices;
}

/** Core services (no editor): used by the CLI, the tests and, wrapped with LSP modules, the language server. */
export function createCpomServices(context: DefaultSharedCoreModuleContext): CpomServicesBundle {
    const shared = inject(createDefaultSharedCoreModule(context), CpomGeneratedSharedModule, CpomSharedModule);
    const Cpom = inject(createDefaultCoreModule({ shared }), CpomGeneratedModule, CpomModule);
    shared.ServiceRegistry.register(Cpom);
    registerValidationChecks(Cpom);
    return { shared, Cpom };
}
