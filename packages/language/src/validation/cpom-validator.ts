/**
 * Wires the rules to the AST. Node-level rules run on each node of their type; contract-level rules
 * run once per contract, avenant or catalogue. The rules themselves live in `rules/`, one concern per file.
 */
import { type AstNode, AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type * as ast from '../generated/ast.js';
import type { CpomAstType } from '../generated/ast.js';
import type { CpomServices } from '../cpom-module.js';
import type { CpomSettings } from '../cpom-settings.js';
import type { CpomWorkspaceIndex } from '../workspace/cpom-workspace-index.js';
import { perimeterOf } from '../model/contract.js';
import { type KeptSettings, runKept } from './check-cache.js';
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

/** CPOM008 and CPOM131 of a date clause: its own text only. */
function checkDate(node: ast.Effet | ast.Fin | ast.DateSignature | ast.Prorogation | ast.Action | ast.FraisDeSiege | ast.Visa, ctx: RuleContext): void {
    checkDateExists(node, ctx);
    checkFrenchDate(node, ctx);
}

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
        Etablissement: validator.wrapWhole((e, ctx) => {
            ctx.keep(checkSingleProps, e, '', kept => checkSingleProps(e, kept));
            checkEstablishment(e, ctx);
            checkTarificationKinds(e, ctx); // reads the authorities its references resolve to
        }),
        Gestionnaire: validator.wrapKept(checkSingleProps),
        Autorite: validator.wrapKept((a, ctx) => { checkSingleProps(a, ctx); checkDepartmentCode(a, ctx); }),
        Indicateur: validator.wrapKept(checkSingleProps),
        Financement: validator.wrapKept(checkSingleProps),
        Modulation: [validator.wrapKept(checkSingleProps), validator.wrapWhole(checkModulationClause)],
        Diagnostic: validator.wrapKept(checkDiagnosticSections),
        Finess: validator.wrapKept(checkFiness),
        Departements: validator.wrapKept(checkDepartmentCode),
        DepartementEtab: validator.wrapKept(checkDepartmentCode),
        Effet: validator.wrapKept(checkDate),
        Fin: validator.wrapKept(checkDate),
        DateSignature: validator.wrapKept(checkDate),
        Prorogation: validator.wrapKept(checkDate),
        Action: validator.wrapKept(checkDate),
        FraisDeSiege: validator.wrapKept(checkDate),
        Visa: validator.wrapKept(checkDate),
        Transmission: validator.wrapKept(checkTransmissionDay),
        Valeur: validator.wrapKept(checkPercentage),
        Montant: validator.wrapKept(checkAmount),
    };
    registry.register(checks, validator, 'fast');
    registry.register<CpomAstType>({
        // Reads the indicator's clauses and, through `selon`, its base's title: the key.
        Indicateur: validator.wrapWhole((indicator, ctx) => ctx.keep(checkTrajectoryGaps, indicator, JSON.stringify([indicator.base?.ref?.title]),
            kept => checkTrajectoryGaps(indicator, kept))),
        Financement: validator.wrapWhole(checkForfaitDistribution),
    }, validator, 'fast');
    // 'slow': not while typing (an establishment just declared is not used yet), on open, save and in the CLI.
    registry.register<CpomAstType>({ Contrat: validator.wrapWhole(checkUnused) }, validator, 'slow');
}

export class CpomValidator {
    private readonly settingsOfRun = new WeakMap<ValidationAcceptor, KeptSettings>();

    constructor(private readonly settings: CpomSettings, private readonly workspace: CpomWorkspaceIndex) {}

    /** Adapts a rule `(node, ctx)` to a Langium check `(node, accept)`. */
    wrap<N>(rule: (node: N, ctx: RuleContext) => void): (node: N, accept: ValidationAcceptor) => void {
        return (node, accept) => rule(node, this.context(node as AstNode, accept));
    }

    /**
     * Like `wrap`, for rules over a whole contract, catalogue or avenant: they run only on a document
     * that parses. On a broken text they would report the consequences of the syntax error (a clause
     * "missing" because it failed to parse) instead of the error itself.
     */
    wrapWhole<N>(rule: (node: N, ctx: RuleContext) => void): (node: N, accept: ValidationAcceptor) => void {
        return this.whenParsed(this.wrap(rule));
    }

    /**
     * Like `wrap`, for a rule whose diagnostics depend only on its node's subtree (and on the settings): they are
     * kept per node across edits and replayed while the node is (check-cache.ts). Nothing it reads may lie outside
     * the subtree: no resolved reference, no container, no other document.
     */
    wrapKept<N>(rule: (node: N, ctx: RuleContext) => void): (node: N, accept: ValidationAcceptor) => void {
        return (node, accept) => {
            const owner = node as AstNode;
            runKept(rule, owner, this.keptSettings(owner, accept), '', accept, kept => rule(node, this.context(owner, kept)));
        };
    }

    private whenParsed<N>(checked: (node: N, accept: ValidationAcceptor) => void): (node: N, accept: ValidationAcceptor) => void {
        return (node, accept) => {
            const { parseResult } = AstUtils.getDocument(node as AstNode);
            if (parseResult.lexerErrors.length === 0 && parseResult.parserErrors.length === 0) {
                checked(node, accept);
            }
        };
    }

    private context(node: AstNode, accept: ValidationAcceptor): RuleContext {
        const settings = this.keptSettings(node, accept);
        return {
            reporter: new RuleReporter(accept, settings.locale, settings.config.options),
            workspace: this.workspace,
            lawDate: this.settings.lawDate,
            keep: (check, part, key, run) => runKept(check, part, settings, key, accept, kept => run(this.context(node, kept))),
        };
    }

    /**
     * The settings of the node's document, read once per validation run: Langium gives every check of a run the same
     * acceptor (a new one per run, so a changed configuration is read at the next run).
     */
    private keptSettings(node: AstNode, accept: ValidationAcceptor): KeptSettings {
        let settings = this.settingsOfRun.get(accept);
        if (!settings) {
            const uri = AstUtils.getDocument(node).uri;
            settings = { config: this.settings.configFor(uri), locale: this.settings.localeFor(uri), lawDate: this.settings.lawDate };
            this.settingsOfRun.set(accept, settings);
        }
        return settings;
    }
}
