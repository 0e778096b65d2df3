/**
 * `cpom/preview` of a yearly follow-up file (`suivi_annuel du contrat X annee N { … }`): the "Rapport de suivi annuel"
 * as `cpom suivi` writes it in HTML, from the file's current text, with the contract found through its import and
 * the contract's other follow-ups in the workspace as history (charts, revue à mi-parcours). No I/O: the report
 * model and its HTML come from @cpom/generator, the follow-up model from @cpom/language.
 */
import { ast, documentsOfContract, type FollowUp, followUpOf } from '@cpom/language';
import type { CpomLspServicesBundle } from '@cpom/language/lsp';
import { buildFollowUpReport, renderFollowUpHtml } from '@cpom/generator';
import type { LangiumDocument } from 'langium';
import type { PreviewResult } from '../protocol.js';

/** The follow-up blocks of a file, in the order written. */
export function followUpsInFile(document: LangiumDocument): ast.SuiviAnnuel[] {
    const root = document.parseResult.value;
    return ast.isCpomFile(root) ? (root.elements ?? []).filter(ast.isSuiviAnnuel) : [];
}

/** The preview of the first follow-up of the file; called once the document is validated and has no syntax error. */
export function followUpPreview(services: CpomLspServicesBundle, document: LangiumDocument, node: ast.SuiviAnnuel): PreviewResult {
    const documents = services.shared.workspace.LangiumDocuments;
    const index = services.Cpom.cpom.WorkspaceIndex;
    const contract = node.contract?.ref;
    const year = node.year ?? '';
    if (!contract) {
        return {
            errors: countErrors([document]), kind: 'suivi',
            message: `Aperçu du suivi impossible : le contrat « ${node.contract?.$refText ?? ''} » n'est pas trouvé (importez le fichier du contrat : importe "contrat.cpom").`,
        };
    }
    const involved = new Map<string, LangiumDocument>([[document.uri.toString(), document]]);
    for (const d of documentsOfContract(contract, index.avenantsOf(contract), documents)) involved.set(d.uri.toString(), d);
    const errors = countErrors([...involved.values()]);
    const title = `Suivi ${year} — ${contract.title ?? contract.name}`;
    try {
        const followUp = followUpOf(node, index);
        const report = buildFollowUpReport(followUp, { history: historyOf(services, contract, followUp) });
        return { html: renderFollowUpHtml(report), title, errors, kind: 'suivi' };
    } catch (error) {
        // A follow-up being typed must never break the editor: say what failed.
        return { errors, kind: 'suivi', title, message: `Aperçu du suivi impossible : ${(error as Error).message}` };
    }
}

/** The other follow-ups of the same contract in the workspace (any file), the values of the charts and the mid-term review. */
function historyOf(services: CpomLspServicesBundle, contract: ast.Contrat, current: FollowUp): FollowUp[] {
    const index = services.Cpom.cpom.WorkspaceIndex;
    return index.followUpsOf(contract).filter(node => node !== current.node).map(node => followUpOf(node, index));
}

function countErrors(documents: readonly LangiumDocument[]): number {
    return documents.reduce((sum, d) => sum + (d.diagnostics ?? []).filter(x => x.severity === 1).length, 0);
}
