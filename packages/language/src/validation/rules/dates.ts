/** Dates, duration and prorogation of contracts (L.313-11, arrêté du 3 mars 2017). */
import * as ast from '../../generated/ast.js';
import { contractPeriod, firstClause, isIvTer } from '../../model/contract.js';
import { compareDates, daysInMonth, endOfTerm, monthNumber, parseIsoDate, toIsoDate } from '../../model/dates.js';
import { parseNumber } from '../../model/numbers.js';
import type { RuleContext } from '../rule-context.js';

/** CPOM008 on any date that does not exist (2013-02-30). */
export function checkDateExists(node: ast.Effet | ast.Fin | ast.DateSignature | ast.Prorogation | ast.Action | ast.FraisDeSiege, ctx: RuleContext): void {
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
        ctx.reporter.report('CPOM011', { effect: toIsoDate(effect), end: toIsoDate(end), max: toIsoDate(maxEnd) }, { node: endClause, property: 'date' });
    } else if (isIvTer(contract) && compareDates(end, maxEnd) !== 0) {
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
        ctx.reporter.report('CPOM012', { prorogation: toIsoDate(date), max: toIsoDate(max) }, { node: prorogation, property: 'date' });
    }
}
