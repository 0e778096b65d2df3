/**
 * The semantic model of a contract: one typed view of what it says, built from the AST once per document version
 * (model-cache.ts) and read by the rules, the hovers and inlay hints, the JSON export (hence the diff) and the
 * documents. Each part has its file: period.ts, parties.ts, perimeter.ts, indicators.ts, fundings.ts.
 */
import * as ast from '../generated/ast.js';
import { clausesOf } from './clauses.js';
import { type ContractFundings, contractFundings } from './fundings.js';
import { type IndicatorView, indicatorView } from './indicators.js';
import { cachedView } from './model-cache.js';
import { type PartiesView, partiesOf } from './parties.js';
import { type EstablishmentView, perimeterViews } from './perimeter.js';
import { type PeriodView, periodOf } from './period.js';

export interface ObjectiveView {
    readonly node: ast.Objectif;
    readonly axis: ast.Axe;
    readonly indicators: readonly IndicatorView[];
}

export interface ContractModel {
    readonly node: ast.Contrat;
    readonly period: PeriodView;
    readonly parties: PartiesView;
    readonly perimeter: readonly EstablishmentView[];
    readonly objectives: readonly ObjectiveView[];
    readonly fundings: ContractFundings;
}

/** The model of a contract. */
export function contractModel(contract: ast.Contrat): ContractModel {
    return cachedView('contract', contract, computeModel);
}

export function objectivesOf(contract: ast.Contrat): ast.Objectif[] {
    return contractModel(contract).objectives.map(o => o.node);
}

export function indicatorsOf(objective: ast.Objectif): ast.Indicateur[] {
    return (objective.items ?? []).filter(ast.isIndicateur);
}

function computeModel(contract: ast.Contrat): ContractModel {
    return {
        node: contract,
        period: periodOf(contract),
        parties: partiesOf(contract),
        perimeter: perimeterViews(contract),
        objectives: clausesOf(contract, ast.isAxe).flatMap(axis => (axis.objectives ?? []).map(objective => ({
            node: objective, axis, indicators: indicatorsOf(objective).map(indicatorView),
        }))),
        fundings: contractFundings(contract),
    };
}
