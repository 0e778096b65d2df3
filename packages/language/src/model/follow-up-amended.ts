/**
 * What a yearly follow-up compares with: the contract as the avenants in force amend it, through `consolidate` (the
 * one definition of what an avenant does; nothing is applied here). Consolidated copies are other nodes than those
 * the follow-up refers to, so they are matched by name. A contract being typed may be too broken to consolidate:
 * then the contract as written, never an exception.
 */
import * as ast from '../generated/ast.js';
import { clausesOf, indicatorsOf, objectivesOf } from './contract.js';
import { consolidate } from './consolidation.js';
import { type FundingLine, contractFundings } from './fundings.js';
import { type ContractPeriod, contractPeriod } from './period.js';

/**
 * The contract's period as its avenants set it (`fin`, through `consolidate`): the years a follow-up may cover and
 * the rank of the year in the report (« année 3 sur 5 »).
 */
export function periodWithAvenants(contract: ast.Contrat, avenants: readonly ast.Avenant[]): ContractPeriod | undefined {
    const own = contractPeriod(contract);
    if (!avenants.some(a => clausesOf(a, ast.isFin).length > 0)) return own;
    try {
        return contractPeriod(consolidate(contract, avenants).contract) ?? own;
    } catch {
        return own; // a contract being typed may be too broken to consolidate
    }
}

/**
 * The contract's indicators as the avenants in force at the end of the year amend them (`modifie X { cibles … }`),
 * by name: consolidated copies are other nodes. Empty without an avenant.
 */
export function indicatorsInForce(contract: ast.Contrat, avenants: readonly ast.Avenant[], year: number): Map<string, ast.Indicateur> {
    if (avenants.length === 0) return new Map();
    try {
        const consolidated = consolidate(contract, avenants, `${year}-12-31`).contract;
        return new Map(objectivesOf(consolidated).flatMap(indicatorsOf).map(i => [i.name, i]));
    } catch {
        return new Map(); // a contract being typed may be too broken to consolidate
    }
}

/**
 * The funding lines as amended by the avenants in force at the end of the year (`consolidate`, the one definition of
 * what an avenant does): an avenant that changes a line's amounts changes what was planned for the year.
 */
export function linesInForce(contract: ast.Contrat, avenants: readonly ast.Avenant[], year: number): FundingLine[] {
    const own = [...contractFundings(contract).lines];
    if (avenants.length === 0) return own;
    try {
        const consolidated = consolidate(contract, avenants, `${year}-12-31`);
        return [consolidated.contract, ...consolidated.avenants].flatMap(o => contractFundings(o).lines);
    } catch {
        // A contract being typed may be too broken to consolidate: the lines as written, never an exception here.
        return own;
    }
}

/**
 * The lines as written (their nodes, establishments and distributions, which the activity refers to) with the
 * amounts of the same line in force: consolidated copies are other nodes, matched by the line's name.
 */
export function withAmountsInForce(written: readonly FundingLine[], inForce: readonly FundingLine[]): FundingLine[] {
    return written.map(line => {
        const amended = line.name === undefined ? undefined : inForce.find(l => l.name === line.name);
        return amended && amended.amounts !== line.amounts ? { ...line, amounts: amended.amounts } : line;
    });
}
