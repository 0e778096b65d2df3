/**
 * `cpom/preview`: the contract document as HTML, from the file's current text (unsaved edits included); for a
 * yearly follow-up file, the "Rapport de suivi annuel" of its first follow-up (`follow-up-preview.ts`).
 */
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { buildContractDocument, renderHtml } from '@cpom/generator';
import { AstUtils, DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { PreviewRequestMethod, type PreviewParams, type PreviewResult } from '../protocol.js';
import { contractsOf, errorCount, syntaxErrorOf } from './contracts-of.js';
import { followUpPreview, followUpsInFile } from './follow-up-preview.js';

export function registerPreview(connection: Connection, services: CpomLspServicesBundle): void {
    connection.onRequest(PreviewRequestMethod, (params: PreviewParams, token) => preview(services, params, token));
}

export async function preview(services: CpomLspServicesBundle, params: PreviewParams, token?: import('langium').Cancellation.CancellationToken): Promise<PreviewResult> {
    const { document, contracts } = await contractsOf(services, params.uri, token);
    if (!document) return { errors: 0, message: "Ce fichier n'est pas (encore) chargé par le serveur CPOM." };
    const syntax = syntaxErrorOf(document);
    if (syntax) return { errors: 1, message: `Aperçu impossible : erreur de syntaxe, ${syntax}.` };
    const followUp = followUpsInFile(document)[0];
    if (followUp && contracts.length === 0) {
        // Opening a follow-up rebuilds its contract's family: the report reads the contract once it is validated again.
        const contractDocument = followUp.contract?.ref && AstUtils.findRootNode(followUp.contract.ref).$document;
        if (contractDocument) await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, contractDocument.uri, token);
        return followUpPreview(services, document, followUp);
    }
    const first = contracts[0];
    if (!first) return { errors: 0, message: "Aucun contrat dans ce fichier (ni avenant d'un contrat, ni catalogue importé par un contrat)." };
    try {
        return {
            html: renderHtml(buildContractDocument(first.contract, first.avenants)),
            title: first.contract.title ?? first.contract.name,
            errors: errorCount(first),
        };
    } catch (error) {
        // An incomplete contract must never break the editor: say what failed.
        return { errors: errorCount(first), message: `Aperçu impossible : ${(error as Error).message}` };
    }
}
