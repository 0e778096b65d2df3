/**
 * The one index of the diagnostics catalogue. Every diagnostic the toolchain reports has an entry: the validator
 * reports by code, the CLI maps codes to SARIF rules, the docs under `docs/rules/` and the hovers read these
 * entries, and the fixture runner checks that each code has fixtures. The entries sit beside the rules that report
 * them (`validation/rules/*.rules.ts`, `validation/document.rules.ts`); their shape and checks are in `catalogue.ts`.
 *
 * Codes are stable: never renumber or reuse one. Messages are templates: `{name}` is replaced by the parameter of
 * that name, which the rule declares with its kind.
 */
import { fillTemplate, type Locale, matchesParams, type OptionValues, type ParamValues, type RuleDefinition } from './catalogue.js';
import { DOCUMENT_RULES } from '../validation/document.rules.js';
import { ACTUALS_RULES } from '../validation/rules/actuals.rules.js';
import { AMENDMENTS_RULES } from '../validation/rules/amendments.rules.js';
import { MODIFICATIONS_RULES } from '../validation/rules/modifications.rules.js';
import { CLAUSES_RULES } from '../validation/rules/clauses.rules.js';
import { MODULATION_CLAUSE_RULES } from '../validation/rules/modulation-clause.rules.js';
import { OMISSIONS_RULES } from '../validation/rules/omissions.rules.js';
import { PLACEHOLDERS_RULES } from '../validation/rules/placeholders.rules.js';
import { DATES_RULES } from '../validation/rules/dates.rules.js';
import { FINESS_RULES } from '../validation/rules/finess.rules.js';
import { FOLLOWUP_RULES } from '../validation/rules/followup.rules.js';
import { FUNDING_RULES } from '../validation/rules/funding.rules.js';
import { IMPORTS_RULES } from '../validation/rules/imports.rules.js';
import { INDICATORS_RULES } from '../validation/rules/indicators.rules.js';
import { PARTIES_RULES } from '../validation/rules/parties.rules.js';
import { PERIMETER_RULES } from '../validation/rules/perimeter.rules.js';
import { STRUCTURE_RULES } from '../validation/rules/structure.rules.js';
import { SUPPRESSIONS_RULES } from '../validation/suppressions.rules.js';

export * from './catalogue.js';

type AnyRule =
    | (typeof DOCUMENT_RULES)[number] | (typeof STRUCTURE_RULES)[number] | (typeof IMPORTS_RULES)[number]
    | (typeof DATES_RULES)[number] | (typeof PARTIES_RULES)[number] | (typeof PERIMETER_RULES)[number]
    | (typeof FINESS_RULES)[number] | (typeof INDICATORS_RULES)[number] | (typeof FUNDING_RULES)[number]
    | (typeof FOLLOWUP_RULES)[number] | (typeof AMENDMENTS_RULES)[number] | (typeof SUPPRESSIONS_RULES)[number]
    | (typeof ACTUALS_RULES)[number] | (typeof MODIFICATIONS_RULES)[number] | (typeof CLAUSES_RULES)[number] | (typeof MODULATION_CLAUSE_RULES)[number] | (typeof OMISSIONS_RULES)[number]
    | (typeof PLACEHOLDERS_RULES)[number];

/** The code of a rule of the catalogue; any other string is a type error. */
export type DiagnosticCode = AnyRule['code'];

/** The catalogue entry of a code. */
export type RuleOf<C extends DiagnosticCode> = Extract<AnyRule, { readonly code: C }>;

/** The parameters a rule's message takes, typed; also the `data.params` of its diagnostics. */
export type MessageParams<C extends DiagnosticCode> = ParamValues<RuleOf<C>['params']>;

/** The `data` of a diagnostic: its code and the parameters of its message, typed by code (the quick fixes read it). */
export type DiagnosticData<C extends DiagnosticCode = DiagnosticCode> = { [K in C]: { readonly code: K; readonly params: MessageParams<K> } }[C];

/** The codes of the rules that take options in cpom.config.json, and their options. */
export type CodeWithOptions = { [C in DiagnosticCode]: keyof NonNullable<RuleOf<C>['options']> extends never ? never : C }[DiagnosticCode];
export type RuleOptionValues<C extends CodeWithOptions> = OptionValues<NonNullable<RuleOf<C>['options']>>;

/** The order of the catalogue: that of the docs index and of the SARIF rules. */
const ORDER = [
    'CPOM001', 'CPOM002', 'CPOM003', 'CPOM004', 'CPOM005', 'CPOM006', 'CPOM007', 'CPOM008', 'CPOM009', 'CPOM010',
    'CPOM011', 'CPOM012', 'CPOM016', 'CPOM133', 'CPOM013', 'CPOM014', 'CPOM015', 'CPOM017', 'CPOM018', 'CPOM131', 'CPOM020', 'CPOM021', 'CPOM022', 'CPOM023',
    'CPOM024', 'CPOM025', 'CPOM026', 'CPOM027', 'CPOM030', 'CPOM031', 'CPOM032', 'CPOM033', 'CPOM034', 'CPOM035',
    'CPOM036', 'CPOM037', 'CPOM038', 'CPOM039', 'CPOM040', 'CPOM041', 'CPOM042', 'CPOM043', 'CPOM044', 'CPOM045', 'CPOM050', 'CPOM051',
    'CPOM052', 'CPOM053', 'CPOM054', 'CPOM055', 'CPOM056', 'CPOM057', 'CPOM058', 'CPOM059', 'CPOM060', 'CPOM061',
    'CPOM062', 'CPOM063', 'CPOM064', 'CPOM065', 'CPOM066', 'CPOM067', 'CPOM068', 'CPOM069', 'CPOM150', 'CPOM170', 'CPOM171', 'CPOM172', 'CPOM173', 'CPOM174', 'CPOM070', 'CPOM071',
    'CPOM080', 'CPOM081', 'CPOM082', 'CPOM083', 'CPOM084', 'CPOM085', 'CPOM090', 'CPOM091', 'CPOM092', 'CPOM093',
    'CPOM094', 'CPOM095', 'CPOM130', 'CPOM132', 'CPOM190', 'CPOM191', 'CPOM096', 'CPOM097', 'CPOM113', 'CPOM110', 'CPOM111', 'CPOM112',
    'CPOM120', 'CPOM121', 'CPOM122', 'CPOM123', 'CPOM124', 'CPOM125', 'CPOM126', 'CPOM127', 'CPOM128', 'CPOM140', 'CPOM141',
    'CPOM160', 'CPOM161', 'CPOM162', 'CPOM163', 'CPOM164', 'CPOM165', 'CPOM166',
    'CPOM180', 'CPOM181', 'CPOM182',
] as const satisfies readonly DiagnosticCode[];

// Every rule has its place in ORDER (a type error names the one that has not).
const everyRuleOrdered: Exclude<DiagnosticCode, (typeof ORDER)[number]> extends never ? true : Exclude<DiagnosticCode, (typeof ORDER)[number]> = true;
void everyRuleOrdered;

const BY_CODE = new Map<string, AnyRule>([
    ...DOCUMENT_RULES, ...STRUCTURE_RULES, ...IMPORTS_RULES, ...DATES_RULES, ...PARTIES_RULES, ...PERIMETER_RULES,
    ...FINESS_RULES, ...INDICATORS_RULES, ...FUNDING_RULES, ...FOLLOWUP_RULES, ...AMENDMENTS_RULES, ...SUPPRESSIONS_RULES,
    ...ACTUALS_RULES, ...MODIFICATIONS_RULES, ...CLAUSES_RULES, ...MODULATION_CLAUSE_RULES, ...OMISSIONS_RULES, ...PLACEHOLDERS_RULES,
].map(r => [r.code, r]));

export const RULES: readonly AnyRule[] = ORDER.map(code => BY_CODE.get(code)!);

const BY_NAME = new Map<string, AnyRule>(RULES.map(r => [r.name, r]));

export function getRule(codeOrName: string): RuleDefinition | undefined {
    return BY_CODE.get(codeOrName) ?? BY_NAME.get(codeOrName);
}

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && BY_CODE.has(code);
}

/** The message of a rule in a language, its parameters filled in. */
export function formatMessage<C extends DiagnosticCode>(code: C, params: MessageParams<C>, locale: Locale): string {
    const rule: RuleDefinition = BY_CODE.get(code)!;
    return fillTemplate(rule.message[locale], rule.params, params as Readonly<Record<string, unknown>>, locale);
}

/** Reads the `data` of a diagnostic that comes back from an editor: typed when its parameters match the catalogue. */
export function readDiagnosticData(data: unknown): DiagnosticData | undefined {
    if (typeof data !== 'object' || data === null) return undefined;
    const { code, params } = data as { code?: unknown; params?: unknown };
    if (!isDiagnosticCode(code)) return undefined;
    const rule: RuleDefinition = BY_CODE.get(code)!;
    return matchesParams(rule.params, params) ? data as DiagnosticData : undefined;
}
