/**
 * The shape of a catalogue entry and the checks TypeScript makes on it. A rule declares the parameters its
 * message uses and their kinds; `defineRule` refuses (at compile time) a message that uses a parameter the rule
 * does not declare, or a declared parameter that a message leaves out. The reporter then requires exactly the
 * declared parameters, with values of their kind, and passes these values on as the diagnostic's `data`, which
 * the quick fixes read. All the words of a message are here: rules pass names, numbers and keys, never sentences.
 *
 * The entries themselves sit beside the rules that report them (`validation/rules/*.rules.ts`); `rules.ts` is
 * the one index of them.
 */
import type { LegalTextId } from '../law/types.js';
import { localDate } from '../wording/dates.js';

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'fr' | 'en';
export type Localized = Record<Locale, string>;

/** How sure we are that the rule is the law (see ../shared/DOMAIN.md): V read in the text, S secondary source,
 * C computed and cross-checked, G design proposal (never an error), T structural (the language itself). */
export type Confidence = 'V' | 'S' | 'C' | 'G' | 'T';

export type RuleCategory =
    | 'syntax' | 'structure' | 'dates' | 'parties' | 'perimeter' | 'finess' | 'indicators' | 'funding' | 'follow-up' | 'amendments'
    | 'suppressions';

/** Parameters written as given: `text` (names, codes), `number`; `date` (ISO, written `1er janvier 2024` /
 * `1 January 2024` by the wording layer); lists joined as "A, B et C" / "A, B and C": `list` of texts, `years`;
 * `alternatives`, words offered as a choice, quoted and joined as "« A », « B » ou « C »" / "'A', 'B' or 'C'". */
interface ScalarKinds {
    readonly text: string;
    readonly date: string;
    readonly number: number;
    readonly list: readonly string[];
    readonly years: readonly number[];
    readonly alternatives: readonly string[];
}

/** A word or phrase chosen among the catalogue's labels, by key. */
export interface ChoiceParam<K extends string = string> {
    readonly choice: Readonly<Record<K, Localized>>;
}

/** Several labels chosen by key, joined as a list (or with `separator`); `empty` when there are none. */
export interface ChoicesParam<K extends string = string> {
    readonly choices: Readonly<Record<K, Localized>>;
    readonly separator?: string;
    readonly empty?: string;
}

/** A part of the message that has variants, each a template with its own parameters (of scalar kinds). */
export interface PhraseVariant {
    readonly fr: string;
    readonly en: string;
    readonly params: Readonly<Record<string, keyof ScalarKinds>>;
}
export interface PhraseParam<V extends Readonly<Record<string, PhraseVariant>> = Readonly<Record<string, PhraseVariant>>> {
    readonly phrase: V;
}

export type ParamSpec = keyof ScalarKinds | ChoiceParam | ChoicesParam | PhraseParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type PhraseValue<V> = { [K in keyof V]: { readonly variant: K } & ScalarValues<V[K] extends PhraseVariant ? V[K]['params'] : never> }[keyof V];
type ScalarValues<P> = { readonly [K in keyof P]: P[K] extends keyof ScalarKinds ? ScalarKinds[P[K]] : never };

/** The value a rule passes for a parameter of this kind. */
export type ParamValue<S> =
    S extends keyof ScalarKinds ? ScalarKinds[S]
        : S extends ChoiceParam<infer K> ? K
            : S extends ChoicesParam<infer K> ? readonly K[]
                : S extends PhraseParam<infer V> ? PhraseValue<V>
                    : never;

export type ParamValues<P> = { readonly [K in keyof P]: ParamValue<P[K]> };

/** The names of the `{placeholders}` of a template. */
export type Placeholders<T extends string> = T extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** `unknown` when a template uses exactly the declared parameters, else a type naming the difference. */
export type TemplateCheck<T extends string, P> =
    [Placeholders<T>] extends [keyof P]
        ? ([keyof P] extends [Placeholders<T>] ? unknown : { readonly 'parameter never used': Exclude<keyof P & string, Placeholders<T>> })
        : { readonly 'undeclared parameter': Exclude<Placeholders<T>, keyof P> };

/** An option of a rule, set in cpom.config.json as `"CODE": ["warning", { "name": value }]`. */
export interface IntegerOption {
    readonly type: 'integer';
    readonly minimum: number;
    readonly default: number;
}
export type OptionSpecs = Readonly<Record<string, IntegerOption>>;
export type OptionValues<O> = { readonly [K in keyof O]: O[K] extends IntegerOption ? number : never };

export interface RuleDefinition {
    readonly code: string;
    /** Readable alias, accepted in cpom.config.json in place of the code. */
    readonly name: string;
    readonly severity: Severity;
    readonly category: RuleCategory;
    readonly title: Localized;
    readonly params: ParamSpecs;
    readonly message: Localized;
    /** Why the rule exists and how to fix what it reports. */
    readonly rationale: Localized;
    /** Legal or documentary source, as cited. */
    readonly source: Localized;
    /** The registry texts (packages/language/src/law) the rule rests on, read at the contract's date. */
    readonly texts?: readonly LegalTextId[];
    readonly confidence: Confidence;
    readonly options?: OptionSpecs;
}

interface RuleSpec<C extends string, P extends ParamSpecs, FR extends string, EN extends string, O extends OptionSpecs>
    extends Omit<RuleDefinition, 'code' | 'params' | 'message' | 'options'> {
    readonly code: C;
    readonly params: P;
    readonly message: { readonly fr: FR & TemplateCheck<FR, P>; readonly en: EN & TemplateCheck<EN, P> };
    readonly options?: O;
}

export interface Rule<C extends string = string, P extends ParamSpecs = ParamSpecs, O extends OptionSpecs = OptionSpecs> extends RuleDefinition {
    readonly code: C;
    readonly params: P;
    readonly options?: O;
}

/** A catalogue entry, checked: its messages use exactly its parameters (see TemplateCheck). */
export function defineRule<
    const C extends `CPOM${number}`, const P extends ParamSpecs, const FR extends string, const EN extends string, const O extends OptionSpecs = Record<never, never>,
>(spec: RuleSpec<C, P, FR, EN, O>): Rule<C, P, O> {
    return spec as Rule<C, P, O>;
}

/** A phrase variant, checked like a rule's message. */
export function variant<const P extends Readonly<Record<string, keyof ScalarKinds>>, const FR extends string, const EN extends string>(
    v: { readonly params: P; readonly fr: FR & TemplateCheck<FR, P>; readonly en: EN & TemplateCheck<EN, P> },
): { readonly params: P; readonly fr: FR; readonly en: EN } {
    return v as { readonly params: P; readonly fr: FR; readonly en: EN };
}

/** Joins names for a message: `A, B et C` / `A, B and C`. */
export function listText(items: readonly string[], locale: Locale): string {
    if (items.length <= 1) {
        return items.join('');
    }
    return `${items.slice(0, -1).join(', ')} ${locale === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

/** Words offered as a choice: `« A », « B » ou « C »` / `'A', 'B' or 'C'`. */
export function alternativesText(items: readonly string[], locale: Locale): string {
    const quoted = items.map(i => (locale === 'fr' ? `« ${i} »` : `'${i}'`));
    if (quoted.length <= 1) return quoted.join('');
    return `${quoted.slice(0, -1).join(', ')} ${locale === 'fr' ? 'ou' : 'or'} ${quoted[quoted.length - 1]}`;
}

/** Whether values (e.g. a diagnostic's `data.params` sent back by an editor) have the declared kinds. */
export function matchesParams(specs: ParamSpecs, values: unknown): boolean {
    if (typeof values !== 'object' || values === null) return false;
    const record = values as Readonly<Record<string, unknown>>;
    return Object.entries(specs).every(([key, spec]) => matchesParam(spec, record[key]));
}

function matchesParam(spec: ParamSpec, value: unknown): boolean {
    const isKey = (labels: object) => (k: unknown) => typeof k === 'string' && Object.hasOwn(labels, k);
    if (spec === 'text' || spec === 'date') return typeof value === 'string';
    if (spec === 'number') return typeof value === 'number';
    if (spec === 'list' || spec === 'alternatives') return Array.isArray(value) && value.every(v => typeof v === 'string');
    if (spec === 'years') return Array.isArray(value) && value.every(v => Number.isInteger(v));
    if ('choice' in spec) return isKey(spec.choice)(value);
    if ('choices' in spec) return Array.isArray(value) && value.every(isKey(spec.choices));
    if (typeof value !== 'object' || value === null) return false;
    const chosen = (value as { variant?: unknown }).variant;
    return isKey(spec.phrase)(chosen) && matchesParams(spec.phrase[chosen as string].params, value);
}

/** Fills a template. A placeholder without a value (only possible past the type checks) is kept visible. */
export function fillTemplate(template: string, specs: ParamSpecs, values: Readonly<Record<string, unknown>>, locale: Locale): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
        const spec = specs[key];
        return spec !== undefined && key in values ? formatParam(spec, values[key], locale) : whole;
    });
}

function formatParam(spec: ParamSpec, value: unknown, locale: Locale): string {
    if (typeof spec === 'string') {
        if (spec === 'list') return listText(value as readonly string[], locale);
        if (spec === 'years') return listText((value as readonly number[]).map(String), locale);
        if (spec === 'alternatives') return alternativesText(value as readonly string[], locale);
        if (spec === 'date') return localDate(String(value), locale);
        return String(value);
    }
    if ('choice' in spec) {
        return spec.choice[value as string]?.[locale] ?? String(value);
    }
    if ('choices' in spec) {
        const labels = (value as readonly string[]).map(k => spec.choices[k]?.[locale] ?? k);
        if (labels.length === 0 && spec.empty !== undefined) return spec.empty;
        return spec.separator !== undefined ? labels.join(spec.separator) : listText(labels, locale);
    }
    const chosen = value as { variant: string };
    const phrase = spec.phrase[chosen.variant];
    return phrase ? fillTemplate(phrase[locale], phrase.params, chosen, locale) : String(chosen.variant);
}
