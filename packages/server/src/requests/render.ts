/**
 * `cpom/render`: the contract document in the asked formats, as `cpom generate` writes them (same names, same
 * refusal of contracts with errors unless forced). The client writes the files: the server never touches the disk.
 */
import { countOf } from '@cpom/language';
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { buildContractDocument, exportContract, renderDocx, renderHtml, renderMarkdown, serialiseJson } from '@cpom/generator';
import type { Cancellation } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { RenderRequestMethod, type RenderedFile, type RenderParams, type RenderResult } from '../protocol.js';
import { toBase64 } from '../base64.js';
import { type ContractInFile, contractsOf, errorCount, syntaxErrorOf } from './contracts-of.js';

export function registerRender(connection: Connection, services: CpomLspServicesBundle): void {
    connection.onRequest(RenderRequestMethod, (params: RenderParams, token) => render(services, params, token));
}

export async function render(services: CpomLspServicesBundle, params: RenderParams, token?: Cancellation.CancellationToken): Promise<RenderResult> {
    const { document, contracts } = await contractsOf(services, params.uri, token);
    if (!document) return { files: [], refused: ["Ce fichier n'est pas chargé par le serveur CPOM."] };
    const syntax = syntaxErrorOf(document);
    if (syntax) return { files: [], refused: [`Erreur de syntaxe, ${syntax}.`] };
    if (contracts.length === 0) return { files: [], refused: ['Aucun contrat à générer dans ce fichier.'] };
    const refused = contracts.filter(c => errorCount(c) > 0)
        .map(c => {
            const errors = errorCount(c);
            return `Le contrat ${c.contract.name} a ${countOf(errors, 'erreur')} : ${errors > 1 ? 'corrigez-les' : 'corrigez-la'} ou générez quand même.`;
        });
    if (refused.length > 0 && !params.force) return { files: [], refused };

    try {
        return { files: await renderAll(contracts, params), refused: [] };
    } catch (error) {
        // An unusual contract must never break the editor: say what failed.
        return { files: [], refused: [`Génération impossible : ${(error as Error).message}`] };
    }
}

async function renderAll(contracts: readonly ContractInFile[], params: RenderParams): Promise<RenderedFile[]> {
    const files: RenderedFile[] = [];
    for (const { contract, avenants } of contracts) {
        const contractDocument = buildContractDocument(contract, avenants);
        for (const format of params.formats) {
            const fileName = `${contract.name}.${format}`;
            switch (format) {
                case 'html': files.push({ fileName, format, content: renderHtml(contractDocument), encoding: 'utf8' }); break;
                case 'md': files.push({ fileName, format, content: renderMarkdown(contractDocument), encoding: 'utf8' }); break;
                case 'json': files.push({ fileName, format, content: serialiseJson(exportContract(contract, avenants)), encoding: 'utf8' }); break;
                case 'docx': files.push({ fileName, format, content: toBase64(await renderDocx(contractDocument)), encoding: 'base64' }); break;
            }
        }
    }
    return files;
}
