/**
 * Type-level tests of the catalogue, compiled by `tsc -p tests/types` (tests/catalogue.test.ts runs it, and so does
 * `npm run typecheck`). Each `@ts-expect-error` line must fail to compile: if the types loosen (any string as a code,
 * a message parameter left out), the directive is unused and the compilation fails.
 */
import {
    defineRule, type DiagnosticCode, type DiagnosticData, formatMessage, type MessageParams, variant,
} from '../../packages/language/src/diagnostics/rules.js';
import type { ReportTarget, RuleReporter } from '../../packages/language/src/validation/reporter.js';

// Codes: the union of the catalogue's codes.
export const known: DiagnosticCode = 'CPOM060';
// @ts-expect-error CPOM999 is not in the catalogue
export const unknown: DiagnosticCode = 'CPOM999';
// @ts-expect-error nor is any string
export const anyString: DiagnosticCode = 'CPOM' as string;

// Reporting: exactly the parameters the rule declares, of their kinds.
declare const reporter: RuleReporter;
declare const target: ReportTarget;
reporter.report('CPOM060', { name: 'L', years: [2014, 2015] }, target);
// @ts-expect-error a parameter of the message is missing
reporter.report('CPOM060', { name: 'L' }, target);
// @ts-expect-error the years are numbers, not the text of a list
reporter.report('CPOM060', { name: 'L', years: '2014 et 2015' }, target);
// @ts-expect-error a parameter the message does not take
reporter.report('CPOM060', { name: 'L', years: [2014], extra: 1 }, target);
// @ts-expect-error an unknown code
reporter.report('CPOM999', {}, target);
reporter.report('CPOM007', { what: { variant: 'authority', name: 'ARS_RA' } }, target);
// @ts-expect-error a label the catalogue does not have
reporter.report('CPOM007', { what: { variant: 'contract', name: 'ARS_RA' } }, target);
reporter.report('CPOM097', { detail: { variant: 'chrsWithoutFrame', name: 'CHRS_LYON' } }, target);
// @ts-expect-error a sentence written by the rule instead of a variant of the catalogue
reporter.report('CPOM097', { detail: 'Le périmètre compte un CHRS.' }, target);
// @ts-expect-error a variant without its parameter
reporter.report('CPOM097', { detail: { variant: 'chrsWithoutFrame' } }, target);
// @ts-expect-error formatMessage checks its parameters too
formatMessage('CPOM041', { finess: '690999017', key: 6 }, 'fr');

// Options: only those of the rule's schema.
export const max: number = reporter.option('CPOM056', 'max');
// @ts-expect-error CPOM056 has no option 'min'
reporter.option('CPOM056', 'min');
// @ts-expect-error CPOM041 takes no options
reporter.option('CPOM041', 'max');

// Data: the quick fixes read typed parameters.
export function yearsOf(data: DiagnosticData): readonly number[] {
    return data.code === 'CPOM060' ? data.params.years : [];
}
export const finalYear: MessageParams<'CPOM059'>['year'] = 2017;

// Definitions: a message uses exactly the declared parameters.
const BASE = {
    name: 'example', severity: 'warning', category: 'structure', confidence: 'T',
    title: { fr: 'Exemple', en: 'Example' }, rationale: { fr: 'R', en: 'R' }, source: { fr: 'S', en: 'S' },
} as const;
export const good = defineRule({ ...BASE, code: 'CPOM900', params: { name: 'text', count: 'number' }, message: { fr: '{name} : {count}', en: '{name}: {count}' } });
export const missing = defineRule({
    ...BASE, code: 'CPOM901', params: { name: 'text' },
    message: {
        // @ts-expect-error {count} is not a declared parameter: it would reach the user as "{count}"
        fr: '{name} : {count}',
        en: '{name}',
    },
});
export const unused = defineRule({
    ...BASE, code: 'CPOM902', params: { name: 'text', count: 'number' },
    message: {
        fr: '{name} : {count}',
        // @ts-expect-error the English message forgets {count}
        en: '{name}',
    },
});
export const badVariant = variant({
    params: { name: 'text' },
    // @ts-expect-error a variant is checked like a message
    fr: '{nom}',
    en: '{name}',
});
