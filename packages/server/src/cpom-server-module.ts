/**
 * Dependency injection for the language server process: what the server replaces or adds on top of the language's
 * LSP services (`createCpomLspServices`, packages/language/src/lsp/cpom-lsp-module.ts). Reading this file tells how
 * the editor's events are scheduled: the document update handler, the typing bursts, the full checks, the
 * background indexing of the workspace (open documents first) and the builder's waits for requests.
 */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import { CpomWorkspaceManager } from './background-indexing.js';
import { CpomDocumentUpdateHandler } from './cpom-document-update-handler.js';
import { FullChecks } from './full-checks.js';
import { CpomServerDocumentBuilder } from './server-document-builder.js';
import { TypingBursts } from './typing-bursts.js';

export interface CpomServerAddedSharedServices {
    cpom: {
        TypingBursts: TypingBursts;
        FullChecks: FullChecks;
    };
}

export type CpomServerSharedServices = LangiumSharedServices & CpomServerAddedSharedServices;

export const CpomServerSharedModule: Module<CpomServerSharedServices, PartialLangiumSharedServices & CpomServerAddedSharedServices> = {
    lsp: {
        DocumentUpdateHandler: (shared) => new CpomDocumentUpdateHandler(shared),
    },
    workspace: {
        WorkspaceManager: (shared) => new CpomWorkspaceManager(shared),
        DocumentBuilder: (shared) => new CpomServerDocumentBuilder(shared),
    },
    cpom: {
        TypingBursts: (shared) => new TypingBursts(shared),
        FullChecks: (shared) => new FullChecks(shared),
    },
};
