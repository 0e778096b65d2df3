/** The JSON of the funding of a contract or an avenant (docs/json-export.md): lines, CNR, modulations, head office costs. */
import { ast, clausesOf, firstProp, modulationClauseView, plain, propsOf } from '@cpom/language';
import type {
    CnrJson, DistributionJson, FundingJson, FundingLineJson, HeadOfficeCostsJson, ModulationJson, ReferenceMeasureJson, YearAmountJson,
} from './cpom-json.js';
import { byYear, quantity } from './export-objectives.js';
import { defined, euros, readNumber, refId, refIds } from './model.js';

export function fundingJson(owner: ast.Contrat | ast.Avenant): FundingJson {
    const items = clausesOf(owner, ast.isMoyens).flatMap(m => m.items);
    return {
        lines: items.filter(ast.isFinancement).map(fundingLineJson),
        cnr: items.filter(ast.isCnr).map(cnrJson).filter((c): c is CnrJson => c !== undefined),
        modulations: items.filter(ast.isModulation).map(modulationJson),
        headOfficeCosts: items.filter(ast.isFraisDeSiege).map(headOfficeCostsJson),
    };
}

function fundingLineJson(f: ast.Financement): FundingLineJson {
    const nature = firstProp(f, ast.isNature)?.value;
    const source = firstProp(f, ast.isSourceFinancement)?.value;
    const actualisation = firstProp(f, ast.isActualisation);
    return defined<FundingLineJson>({
        id: f.name,
        kind: f.kind,
        title: f.title,
        nature: nature !== undefined ? plain(nature) as FundingLineJson['nature'] : undefined,
        payer: refId(firstProp(f, ast.isFinanceur)?.payer),
        fundingSource: source !== undefined ? plain(source) as FundingLineJson['fundingSource'] : undefined,
        establishments: propsOf(f, ast.isConcernes).flatMap(c => refIds(c.establishments)),
        amounts: byYear(propsOf(f, ast.isMontants).flatMap(m => m.amounts)
            .map(yearAmount).filter((a): a is YearAmountJson => a !== undefined)),
        actualisation: actualisation
            ? defined({ method: (actualisation.method !== undefined ? plain(actualisation.method) : undefined) as NonNullable<FundingLineJson['actualisation']>['method'], formula: actualisation.formula })
            : undefined,
        distributions: byYear(propsOf(f, ast.isRepartition).map(distributionJson).filter((d): d is DistributionJson => d !== undefined)),
    });
}

export function yearAmount(line: ast.MontantAnnuel): YearAmountJson | undefined {
    const year = readNumber(line.year);
    const amount = euros(line.amount?.value);
    if (year === undefined || amount === undefined) return undefined;
    return defined<YearAmountJson>({ year, amount, perDay: perDay(line.amount) });
}

/** `true` for an amount written `par jour` (a daily tariff), absent otherwise. */
function perDay(amount: ast.Montant | undefined): true | undefined {
    return amount?.daily ? true : undefined;
}

function distributionJson(r: ast.Repartition): DistributionJson | undefined {
    const year = readNumber(r.year);
    if (year === undefined) return undefined;
    return {
        year,
        shares: r.shares.flatMap(share => {
            const establishment = refId(share.establishment);
            const amount = euros(share.amount?.value);
            return establishment !== undefined && amount !== undefined
                ? [defined({ establishment, amount, perDay: perDay(share.amount) })] : [];
        }),
    };
}

function cnrJson(c: ast.Cnr): CnrJson | undefined {
    const year = readNumber(c.year);
    const amount = euros(c.amount?.value);
    if (year === undefined || amount === undefined) return undefined;
    return defined<CnrJson>({
        title: c.title,
        year,
        amount,
        perDay: perDay(c.amount),
        establishment: refId(c.establishment),
        payer: refId(c.payer),
    });
}

function modulationJson(m: ast.Modulation): ModulationJson {
    const criterion = firstProp(m, ast.isCritere)?.value;
    const view = modulationClauseView(m);
    return defined<ModulationJson>({
        fundingLine: refId(m.funding) ?? '',
        criterion: criterion !== undefined ? plain(criterion) as ModulationJson['criterion'] : undefined,
        indicator: refId(firstProp(m, ast.isModulationIndicateur)?.indicator),
        abattement: quantity(firstProp(m, ast.isAbattement)?.value),
        justification: firstProp(m, ast.isJustification)?.text,
        threshold: quantity(firstProp(m, ast.isSeuilModulation)?.value),
        formula: view.formula,
        establishments: nonEmpty(m.props.filter(ast.isConcernes).flatMap(c => refIds(c.establishments))),
        referenceMeasures: nonEmpty(m.props.filter(ast.isMesureReference).flatMap(r => {
            const year = readNumber(r.year);
            const measure = quantity(r.value);
            return year === undefined || !measure ? [] : [defined<ReferenceMeasureJson>({ year, measure, establishment: refId(r.establishment) })];
        })),
    });
}

function nonEmpty<T>(items: T[]): T[] | undefined {
    return items.length > 0 ? items : undefined;
}

function headOfficeCostsJson(f: ast.FraisDeSiege): HeadOfficeCostsJson {
    return defined<HeadOfficeCostsJson>({ rate: quantity(f.rate), authorisationDate: f.authorisation });
}
