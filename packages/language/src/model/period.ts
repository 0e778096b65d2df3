/**
 * The period of a contract (or the dates of an avenant): dates as written and as calendar dates, the valid period
 * with its budget years, the prorogation. One view per owner and document version (model-cache.ts).
 */
import * as ast from '../generated/ast.js';
import { firstClause } from './clauses.js';
import { type CalendarDate, compareDates, parseIsoDate } from './dates.js';
import { cachedView } from './model-cache.js';

export interface ContractPeriod {
    readonly effect: CalendarDate;
    readonly end: CalendarDate;
    /** End date after prorogation, when the contract has one. */
    readonly prorogation?: CalendarDate;
    /** Budget years (exercices) covered by the initial term. */
    readonly firstYear: number;
    readonly lastYear: number;
}

export interface PeriodView {
    /** Dates as written (ISO text), when the clause is there. */
    readonly effectDate?: string;
    readonly endDate?: string;
    readonly signatureDate?: string;
    readonly prorogationDate?: string;
    /** The same dates when they are valid calendar dates. */
    readonly effect?: CalendarDate;
    readonly end?: CalendarDate;
    readonly prorogation?: CalendarDate;
    /** The period, when the date of effect and the end date are both valid and in order. */
    readonly period: ContractPeriod | undefined;
    /** The budget years of the period (none without a valid period). */
    readonly years: readonly number[];
}

/** The dates of a contract or an avenant. */
export function periodOf(owner: ast.Contrat | ast.Avenant): PeriodView {
    return cachedView('period', owner, computePeriod);
}

/** The period of a contract, when its date of effect and end date are both valid and in order. */
export function contractPeriod(contract: ast.Contrat): ContractPeriod | undefined {
    return periodOf(contract).period;
}

export function contractYears(period: ContractPeriod): number[] {
    const years: number[] = [];
    for (let y = period.firstYear; y <= period.lastYear; y++) {
        years.push(y);
    }
    return years;
}

function computePeriod(owner: ast.Contrat | ast.Avenant): PeriodView {
    const effectDate = firstClause(owner, ast.isEffet)?.date;
    const endDate = ast.isContrat(owner) ? firstClause(owner, ast.isFin)?.date : undefined;
    const prorogationDate = firstClause(owner, ast.isProrogation)?.date;
    const effect = parseIsoDate(effectDate);
    const end = parseIsoDate(endDate);
    const prorogation = parseIsoDate(prorogationDate);
    const period = effect && end && compareDates(end, effect) >= 0
        ? { effect, end, prorogation, firstYear: effect.year, lastYear: end.year }
        : undefined;
    return {
        effectDate, endDate, signatureDate: firstClause(owner, ast.isDateSignature)?.date, prorogationDate,
        effect, end, prorogation, period, years: period ? contractYears(period) : [],
    };
}
