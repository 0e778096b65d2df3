/** Amendments (avenants): period, signatures, added establishments, numbering (arrêté du 25 octobre 2019). */
import * as ast from '../../generated/ast.js';
import { clausesOf, contractPeriod, establishmentFacts, firstClause, perimeterOf, signingParties } from '../../model/contract.js';
import { compareDates, parseIsoDate, toIsoDate } from '../../model/dates.js';
import { parseNumber } from '../../model/numbers.js';
import type { RuleContext } from '../rule-context.js';
import { checkProrogation } from './dates.js';
import { checkMeans } from './funding.js';
import { checkReferencesInPerimeter, missingEstablishmentFacts, missingText } from './perimeter.js';

export function checkAvenant(avenant: ast.Avenant, ctx: RuleContext): void {
    const contract = avenant.contract.ref;
    if (!contract) {
        return;
    }
    const number = avenant.number;
    const period = contractPeriod(contract);
    const effectClause = firstClause(avenant, ast.isEffet);
    const effect = parseIsoDate(effectClause?.date);
    const prorogations = [firstClause(contract, ast.isProrogation), ...allAvenants(contract, ctx).map(a => firstClause(a, ast.isProrogation))]
        .map(p => parseIsoDate(p?.date)).filter(d => d !== undefined);
    if (period && effect && effectClause) {
        const end = [period.end, ...prorogations].reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
        if (compareDates(effect, period.effect) < 0 || compareDates(effect, end) > 0) {
            ctx.reporter.report('CPOM090', { number, effect: toIsoDate(effect), start: toIsoDate(period.effect), end: toIsoDate(end) }, { node: effectClause, property: 'date' });
        }
    }

    const signatureClause = firstClause(avenant, ast.isDateSignature);
    const signature = parseIsoDate(signatureClause?.date);
    const contractSignature = parseIsoDate(firstClause(contract, ast.isDateSignature)?.date);
    if (signature && contractSignature && signatureClause && compareDates(signature, contractSignature) < 0) {
        ctx.reporter.report('CPOM094', { number, signature: toIsoDate(signature), contractSignature: toIsoDate(contractSignature) }, { node: signatureClause, property: 'date' });
    }

    // What earlier avenants (by number) brought in: parties that signed them, establishments added or withdrawn.
    const earlier = allAvenants(contract, ctx).filter(a => a !== avenant && Number(parseNumber(a.number)) < Number(parseNumber(number)));
    const earlierParties = new Set(earlier.flatMap(a => [...signingParties(a)]));
    const signatories = firstClause(avenant, ast.isSignataires);
    const signers = signingParties(avenant);
    if (signatories) {
        for (const party of new Set([...signingParties(contract), ...earlierParties])) {
            if (!signers.has(party)) {
                ctx.reporter.report('CPOM091', { party: party.name, number }, { node: signatories, keyword: 'signataires' });
            }
        }
    }

    const added = clausesOf(avenant, ast.isAjout).map(a => a.establishment).filter(e => e !== undefined);
    for (const e of added) {
        const missing = missingEstablishmentFacts(e);
        if (missing.length > 0) {
            ctx.reporter.report('CPOM092', { name: e.name, number, missing: missingText(missing, ctx) }, { node: e, property: 'name' });
        }
        if (signatories) {
            const tarification = e.props.find(ast.isTarification);
            for (const authority of establishmentFacts(e).tarification) {
                if (!signers.has(authority) && tarification) {
                    const index = tarification.authorities.findIndex(r => r.ref === authority);
                    ctx.reporter.report('CPOM095', { authority: authority.name, establishment: e.name, number }, { node: tarification, property: 'authorities', index });
                }
            }
        }
    }

    const prorogation = firstClause(avenant, ast.isProrogation);
    if (prorogation) {
        checkProrogation(prorogation, contract, ctx);
    }

    for (const other of allAvenants(contract, ctx)) {
        if (other === avenant) break;
        if (other.number === number) {
            ctx.reporter.report('CPOM093', { contract: contract.name, number }, { node: avenant, property: 'number' });
            break;
        }
    }

    // Amounts and CNR of an avenant may fund the year of a prorogation (its own or another avenant's).
    const latestProrogation = prorogations.length > 0 ? prorogations.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b)) : undefined;
    checkMeans(avenant, contract, ctx, { prorogation: latestProrogation, parties: earlierParties });
    const withdrawn = new Set(earlier.flatMap(a => clausesOf(a, ast.isRetrait).flatMap(r => r.establishments.map(e => e.ref))));
    const earlierAdded = earlier.flatMap(a => clausesOf(a, ast.isAjout).map(x => x.establishment)).filter(e => e !== undefined);
    const perimeter = [...perimeterOf(contract), ...earlierAdded].filter(e => !withdrawn.has(e));
    checkReferencesInPerimeter(avenant, new Set([...perimeter, ...added]), ctx);
}

/** Every avenant of a contract in the workspace, in a stable order (by document, then position). */
export function allAvenants(contract: ast.Contrat, ctx: RuleContext): ast.Avenant[] {
    const result: ast.Avenant[] = [];
    const documents = [...ctx.documents.all].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    for (const document of documents) {
        const root = document.parseResult.value;
        if (!ast.isCpomFile(root)) continue;
        for (const element of root.elements) {
            if (ast.isAvenant(element) && element.contract.ref === contract) {
                result.push(element);
            }
        }
    }
    return result;
}
