/**
 * Wires the rules to the AST. Node-level rules run on each node of their type; contract-level rules
 * run once per contract, avenant or catalogue. The rules themselves live in `rules/`, one concern per file.
 */
import { type AstNode, AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { CpomAstType } from '../generated/ast.js';
import type { CpomServices } from '../cpom-module.js';
import type { CpomSettings } from '../cpom-settings.js';
import type { CpomWorkspaceIndex } from '../workspace/cpom-workspace-index.js';
import { perimeterOf } from '../model/contract.js';
import { RuleReporter } from './reporter.js';
import type { RuleContext } from './rule-context.js';
import { checkActuals } from './rules/actuals.js';
import { checkAvenantClauses, checkClauses } from './rules/clauses.js';
import { checkAvenant } from './rules/amendments.js';
import { checkFrenchDate, checkModifications, checkProrogeable } from './rules/modifications.js';
import { checkActionDeadlines, checkContractDates, checkDateExists, checkFramesInForce, checkTransmissionDay } from './rules/dates.js';
import { checkFiness } from './rules/finess.js';
import { checkFollowUp } from './rules/followup.js';
import { checkAmount, checkMeans } from './rules/funding.js';
import { checkImports } from './rules/imports.js';
import { checkModulationClause } from './rules/modulation-clause.js';
import { checkObjectives, checkPercentage } from './rules/indicators.js';
import { checkForfaitDistribution, checkTrajectoryGaps } from './rules/omissions.js';
import { checkPlaceholders } from './rules/placeholders.js';
import { checkFrameCategories, checkParties, checkTarificationKinds } from './rules/parties.js';
import { checkDepartmentCode, checkEstablishment, checkPerimeter, checkReferencesInPerimeter } from './rules/perimeter.js';
import {
    checkAvenantStructure, checkContractHasDiagnostic, checkContractStructure, checkDiagnosticSections, checkDuplicateNames,
    checkSingleProps, checkTopLevelNames, checkUnused,
} from './rules/structure.js';

export function registerValidationChecks(services: CpomServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = new CpomValidator(services.cpom.Settings, services.cpom.WorkspaceIndex);
    const checks: ValidationChecks<CpomAstType> = {
        CpomFile: validator.wrap((file, ctx) => { checkImports(file, ctx); checkTopLevelNames(file, ctx); checkPlaceholders(file, ctx); }),
        Contrat: validator.wrapWhole((contract, ctx) => {
            checkContractStructure(contract, ctx);
            checkDuplicateNames(contract, ctx);
            checkContractDates(contract, ctx);
            checkProrogeable(contract, ctx);
            checkFramesInForce(contract, ctx);
            checkActionDeadlines(contract, ctx);
            checkPerimeter(contract, ctx);
            checkReferencesInPerimeter(contract, new Set(perimeterOf(contract)), ctx);
            checkParties(contract, ctx);
            checkFrameCategories(contract, ctx);
            checkObjectives(contract, ctx);
            checkMeans(contract, contract, ctx);
            checkFollowUp(contract, ctx);
            checkContractHasDiagnostic(contract, ctx);
            checkClauses(contract, ctx);
        }),
        Catalogue: validator.wrapWhole((catalogue, ctx) => checkDuplicateNames(catalogue, ctx)),
        SuiviAnnuel: validator.wrapWhole(checkActuals),
        Avenant: validator.wrapWhole((avenant, ctx) => {
            checkAvenantStructure(avenant, ctx);
            checkDuplicateNames(avenant, ctx);
            checkAvenant(avenant, ctx);
            checkModifications(avenant, ctx);
            checkAvenantClauses(avenant, ctx);
        }),
        Etablissement: validator.wrapWhole((e, ctx) => { checkSingleProps(e, ctx); checkEstablishment(e, ctx); checkTarificationKinds(e, ctx); }),
        Gestionnaire: validator.wrap(checkSingleProps),
        Autorite: validator.wrap((a, ctx) => { checkSingleProps(a, ctx); checkDepartmentCode(a, ctx); }),
        Indicateur: validator.wrap(checkSingleProps),
        Financement: validator.wrap(checkSingleProps),
        Modulation: [validator.wrap(checkSingleProps), validator.wrapWhole(checkModulationClause)],
        Diagnostic: validator.wrap(checkDiagnosticSections),
        Finess: validator.wrap(checkFiness),
        Departements: validator.wrap(checkDepartmentCode),
        DepartementEtab: validator.wrap(checkDepartmentCode),
        Effet: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        Fin: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        DateSignature: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        Prorogation: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        Action: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        FraisDeSiege: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        Visa: validator.wrap((node, ctx) => { checkDateExists(node, ctx); checkFrenchDate(node, ctx); }),
        Transmission: validator.wrap(checkTransmissionDay),
        Valeur: validator.wrap(checkPercentage),
        Montant: validator.wrap(checkAmount),
    };
    registry.register(checks, validator, 'fast');
    registry.register<CpomAstType>({
        Indicateur: validator.wrapWhole(checkTrajectoryGaps),
        Financement: validator.wrapWhole(checkForfaitDistribution),
    }, validator, 'fast');
    // 'slow': not while typing (an establishment just declared is not used yet), on open, save and in the CLI.
    registry.register<CpomAstType>({ Contrat: validator.wrapWhole(checkUnused) }, validator, 'slow');
}

export class CpomValidator {
    constructor(private readonly settings: CpomSettings, private readonly workspace: CpomWorkspaceIndex) {}

    /** Adapts a rule `(node, ctx)` to a Langium check `(node, accept)`. */
    wrap<N>(rule: (node: N, ctx: RuleContext) => void): (node: N, accept: ValidationAcceptor) => void {
        return (node, accept) => rule(node, {
            reporter: new RuleReporter(accept, this.settings, node as AstNode), workspace: this.workspace, lawDate: this.settings.lawDate,
        });
    }

    /**
     * Like `wrap`, for rules over a whole contract, catalogue or avenant: they run only on a document
     * that parses. On a broken text they would report the consequences of the syntax error (a clause
     * "missing" because it failed to parse) instead of the error itself.
     */
    wrapWhole<N>(rule: (node: N, ctx: RuleContext) => void): (node: N, accept: ValidationAcceptor) => void {
        const checked = this.wrap(rule);
        return (node, accept) => {
            const { parseResult } = AstUtils.getDocument(node as AstNode);
            if (parseResult.lexerErrors.length === 0 && parseResult.parserErrors.length === 0) {
                checked(node, accept);
            }
        };
    }
}
