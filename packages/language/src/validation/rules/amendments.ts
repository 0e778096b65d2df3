/** Amendments (avenants): period, signatures, added establishments, numbering (arrêté du 25 octobre 2019). */
import { labelled } from '../message-names.js';
import * as ast from '../../generated/ast.js';
import { clausesOf, contractPeriod, establishmentFacts, firstClause, periodOf, signingParties } from '../../model/contract.js';
import { avenantNumber, partiesBeforeAvenant, perimeterForAvenant } from '../../model/avenants.js';
import { compareDates, parseIsoDate, toIsoDate } from '../../model/dates.js';
import { errorWhereVerified } from '../law-support.js';
import type { RuleContext } from '../rule-context.js';
import { checkProrogation } from './dates.js';
import { checkMeans } from './funding.js';
import { checkReferencesInPerimeter, missingEstablishmentFacts } from './perimeter.js';

export function checkAvenant(avenant: ast.Avenant, ctx: RuleContext): void {
    const contract = avenant.contract.ref;
    if (!contract) {
        return;
    }
    const number = avenant.number;
    const period = contractPeriod(contract);
    const effectClause = firstClause(avenant, ast.isEffet);
    const effect = parseIsoDate(effectClause?.date);
    const prorogations = [contract, ...ctx.workspace.avenantsOf(contract)]
        .map(owner => periodOf(owner).prorogation).filter(d => d !== undefined);
    if (period && effect && effectClause) {
        const end = [period.end, ...prorogations].reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
        if (compareDates(effect, period.effect) < 0 || compareDates(effect, end) > 0) {
            ctx.reporter.report('CPOM090', { number, effect: toIsoDate(effect), start: toIsoDate(period.effect), end: toIsoDate(end) }, { node: effectClause, property: 'date' });
        }
    }

    const signatureClause = firstClause(avenant, ast.isDateSignature);
    const signature = parseIsoDate(signatureClause?.date);
    const contractSignature = parseIsoDate(periodOf(contract).signatureDate);
    if (signature && contractSignature && signatureClause && compareDates(signature, contractSignature) < 0) {
        ctx.reporter.report('CPOM094', { number, signature: toIsoDate(signature), contractSignature: toIsoDate(contractSignature) }, { node: signatureClause, property: 'date' });
    }

    // The parties bound before this avenant: the contract's signatories and those of the earlier avenants.
    const parties = partiesBeforeAvenant(avenant, ctx.workspace);
    const signatories = firstClause(avenant, ast.isSignataires);
    const signers = signingParties(avenant);
    if (signatories) {
        for (const party of parties) {
            if (!signers.has(party)) {
                ctx.reporter.report('CPOM091', { party: party.name, label: labelled(party), number }, { node: signatories, keyword: 'signataires' });
            }
        }
    }

    const added = clausesOf(avenant, ast.isAjout).map(a => a.establishment).filter(e => e !== undefined);
    for (const e of added) {
        const missing = missingEstablishmentFacts(e);
        if (missing.length > 0) {
            ctx.reporter.report('CPOM092', { name: labelled(e), number, missing }, { node: e, property: 'name' });
        }
        if (signatories) {
            const tarification = e.props.find(ast.isTarification);
            for (const authority of establishmentFacts(e).tarification) {
                // An authority already party to the contract is CPOM091's business.
                if (!signers.has(authority) && !parties.has(authority) && tarification) {
                    const index = tarification.authorities.findIndex(r => r.ref === authority);
                    ctx.reporter.report('CPOM095', { authority: labelled(authority), establishment: labelled(e), number, id: authority.name }, { node: tarification, property: 'authorities', index },
                        errorWhereVerified(avenant, ctx, 'CASF:L313-11'));
                }
            }
        }
    }

    const prorogation = firstClause(avenant, ast.isProrogation);
    if (prorogation) {
        checkProrogation(prorogation, contract, ctx);
    }

    for (const other of ctx.workspace.avenantsOf(contract)) {
        if (other === avenant) break;
        if (avenantNumber(other) === avenantNumber(avenant)) {
            ctx.reporter.report('CPOM093', { contract: labelled(contract), number }, { node: avenant, property: 'number' });
            break;
        }
    }

    // Amounts and CNR of an avenant may fund the year of a prorogation (its own or another avenant's).
    const latestProrogation = prorogations.length > 0 ? prorogations.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b)) : undefined;
    checkMeans(avenant, contract, ctx, { prorogation: latestProrogation, parties });
    // The perimeter as amended by the earlier avenants (additions, withdrawals), plus this avenant's additions.
    checkReferencesInPerimeter(avenant, perimeterForAvenant(avenant, ctx.workspace), ctx);
}
