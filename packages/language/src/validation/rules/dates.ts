/** Dates, duration and prorogation of contracts (L.313-11, arrêté du 3 mars 2017). */
import * as ast from '../../generated/ast.js';
import { contractPeriod, firstClause, isIvTer, objectivesOf } from '../../model/contract.js';
import { compareDates, daysInMonth, endOfTerm, monthNumber, parseIsoDate, toIsoDate } from '../../model/dates.js';
import { parseNumber } from '../../model/numbers.js';
import { isLegalFrame } from '../../law/legal-texts.js';
import { supportsError } from '../../law/law-view.js';
import { lawOf, type RuleContext } from '../rule-context.js';
import { endAmendedByAvenant } from './modifications.js';

/** CPOM008 on any date that does not exist (2013-02-30). */
export function checkDateExists(node: ast.Effet | ast.Fin | ast.DateSignature | ast.Prorogation | ast.Action | ast.FraisDeSiege | ast.Visa, ctx: RuleContext): void {
    const property = ast.isAction(node) ? 'deadline' : ast.isFraisDeSiege(node) ? 'authorisation' : 'date';
    const text = (node as unknown as Record<string, string | undefined>)[property];
    if (text && !parseIsoDate(text)) {
        ctx.reporter.report('CPOM008', { date: text }, { node, property });
    }
}

/** CPOM008 on a yearly deadline that no year has (`le 31 juin`). */
export function checkTransmissionDay(node: ast.Transmission, ctx: RuleContext): void {
    const month = monthNumber(node.month ?? '');
    const day = parseNumber(node.day);
    // 29 February exists in leap years: accept it.
    if (month !== undefined && day !== undefined && (!Number.isInteger(day) || day < 1 || day > daysInMonth(2024, month))) {
        ctx.reporter.report('CPOM008', { date: `${node.day} ${node.month}` }, { node, property: 'day' });
    }
}

export function checkContractDates(contract: ast.Contrat, ctx: RuleContext): void {
    const effectClause = firstClause(contract, ast.isEffet);
    const endClause = firstClause(contract, ast.isFin);
    const effect = parseIsoDate(effectClause?.date);
    const end = parseIsoDate(endClause?.date);
    if (!effect || !end || !endClause) {
        return;
    }
    if (compareDates(end, effect) < 0) {
        ctx.reporter.report('CPOM010', { end: toIsoDate(end), effect: toIsoDate(effect) }, { node: endClause, property: 'date' });
        return;
    }
    const maxEnd = endOfTerm(effect, 5);
    if (compareDates(end, maxEnd) > 0) {
        ctx.reporter.report('CPOM011', { effect: toIsoDate(effect), end: toIsoDate(end), max: toIsoDate(maxEnd) }, { node: endClause, property: 'date' },
            l31311Verified(contract, ctx) ? undefined : 'warning');
    } else if (isIvTer(contract) && compareDates(end, maxEnd) !== 0 && !endAmendedByAvenant(contract, ctx)) {
        // An avenant that sets the end date carries the check (modifications.ts).
        ctx.reporter.report('CPOM013', { effect: toIsoDate(effect), end: toIsoDate(end) }, { node: endClause, property: 'date' });
    }
    const prorogation = firstClause(contract, ast.isProrogation);
    if (prorogation) {
        checkProrogation(prorogation, contract, ctx);
    }
    const signatureClause = firstClause(contract, ast.isDateSignature);
    const signature = parseIsoDate(signatureClause?.date);
    if (signature && signatureClause) {
        if (compareDates(signature, end) > 0) {
            ctx.reporter.report('CPOM015', { signature: toIsoDate(signature), end: toIsoDate(end) }, { node: signatureClause, property: 'date' });
        } else if (compareDates(signature, effect) > 0) {
            ctx.reporter.report('CPOM014', { signature: toIsoDate(signature), effect: toIsoDate(effect) }, { node: signatureClause, property: 'date' });
        }
    }
}

/** A prorogation (in the contract or in an avenant) keeps the whole term within six years. */
export function checkProrogation(prorogation: ast.Prorogation, contract: ast.Contrat, ctx: RuleContext): void {
    const period = contractPeriod(contract);
    const date = parseIsoDate(prorogation.date);
    if (!period || !date) {
        return;
    }
    const max = endOfTerm(period.effect, 6);
    if (compareDates(date, period.end) <= 0) {
        ctx.reporter.report('CPOM016', { prorogation: toIsoDate(date), end: toIsoDate(period.end) }, { node: prorogation, property: 'date' });
    } else if (compareDates(date, max) > 0) {
        // The sixth year is read only in the version of L.313-11 in force since 4 March 2022; under an earlier
        // version (not verified, see docs/law/sources.md) the limit of six years is a warning, not an error.
        const container = prorogation.$container;
        const law = ast.isContrat(container) || ast.isAvenant(container) ? lawOf(container, ctx) : undefined;
        const version = law?.inForce('CASF:L313-11');
        const verified = version !== undefined && supportsError(version.confidence) && (version.quote?.includes('sixième année') ?? false);
        ctx.reporter.report('CPOM012', { prorogation: toIsoDate(date), max: toIsoDate(max) }, { node: prorogation, property: 'date' },
            verified ? undefined : 'warning');
    }
}

/** Whether the version of L.313-11 in force at the contract's date was read in the text (five years at most). */
function l31311Verified(contract: ast.Contrat, ctx: RuleContext): boolean {
    const version = lawOf(contract, ctx)?.inForce('CASF:L313-11');
    return version !== undefined && supportsError(version.confidence);
}

/**
 * CPOM017: each legal frame of `cadre` existed on the contract's date (an avenant's frames are its contract's). An
 * error when the registry read the start in the text, or the date precedes the law that created the frame; a warning
 * when the start is only from a secondary source or attested; nothing when the registry knows nothing.
 */
export function checkFramesInForce(contract: ast.Contrat, ctx: RuleContext): void {
    const law = lawOf(contract, ctx);
    const cadre = firstClause(contract, ast.isCadre);
    if (!law || !cadre) return;
    cadre.frames.forEach((frame, index) => {
        if (!isLegalFrame(frame)) return;
        const target = { node: cadre, property: 'frames', index };
        const availability = law.frame(frame);
        if (availability.status === 'not-yet') {
            const { version } = availability;
            const beforeEnactment = version.notBefore !== undefined && supportsError(version.notBefore.confidence) && law.date < version.notBefore.date;
            if (supportsError(availability.confidence) || beforeEnactment) {
                ctx.reporter.report('CPOM017', {
                    frame, date: law.date, since: { variant: 'verified', from: availability.inForceFrom, enactedBy: version.enactedBy },
                }, target);
            } else {
                ctx.reporter.report('CPOM017', { frame, date: law.date, since: { variant: 'unverified', from: availability.inForceFrom } }, target, 'warning');
            }
        } else if (availability.status === 'unknown' && availability.attestedFrom !== undefined && law.date < availability.attestedFrom) {
            ctx.reporter.report('CPOM017', { frame, date: law.date, since: { variant: 'unverified', from: availability.attestedFrom } }, target, 'warning');
        }
    });
}

/** CPOM018: the deadline of each action of the contract falls within its period (prorogation included). */
export function checkActionDeadlines(contract: ast.Contrat, ctx: RuleContext): void {
    const period = contractPeriod(contract);
    if (!period) return;
    const end = period.prorogation ?? period.end;
    for (const objective of objectivesOf(contract)) {
        for (const action of objective.items.filter(ast.isAction)) {
            const deadline = parseIsoDate(action.deadline);
            if (deadline && (compareDates(deadline, period.effect) < 0 || compareDates(deadline, end) > 0)) {
                ctx.reporter.report('CPOM018', {
                    action: action.name ?? action.title, deadline: toIsoDate(deadline), effect: toIsoDate(period.effect), end: toIsoDate(end),
                }, { node: action, property: 'deadline' });
            }
        }
    }
}
