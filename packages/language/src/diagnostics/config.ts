/**
 * `cpom.config.json`: per-project overrides of rule severities, as ESLint does.
 *
 *   { "lang": "en", "rules": { "CPOM056": "off", "finess-prefix": "error", "too-many-objectives": ["warning", { "max": 15 }] },
 *     "ignore": ["archives/**"] }
 *
 * Rules are named by code or by name; options are checked against the schema of the rule's catalogue entry.
 * Reading the file is the shells' business (CLI, server); this module only checks and interprets its content.
 */
import { getRule, type Locale, type RuleDefinition, type Severity } from './rules.js';

export type RuleSetting = Severity | 'off';
/** Options of a rule, checked against the schema of its catalogue entry. */
export type RuleOptions = Readonly<Record<string, number>>;

export interface CpomConfig {
    readonly lang?: Locale;
    readonly rules?: Readonly<Record<string, RuleSetting | [RuleSetting, RuleOptions]>>;
    readonly ignore?: readonly string[];
}

export interface ResolvedConfig {
    readonly lang?: Locale;
    /** Severity overrides and options by rule code. */
    readonly severities: ReadonlyMap<string, RuleSetting>;
    readonly options: ReadonlyMap<string, RuleOptions>;
    /** Globs, relative to the config file's folder, of the files `cpom check` leaves out (the shells match them). */
    readonly ignore: readonly string[];
}

export const EMPTY_CONFIG: ResolvedConfig = { severities: new Map(), options: new Map(), ignore: [] };

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

/** A configuration the user must fix, worded in both languages (French is the error's `message`). */
export class ConfigError extends Error {
    constructor(readonly words: { readonly fr: string; readonly en: string }) {
        super(words.fr);
    }

    in(locale: Locale): string {
        return this.words[locale];
    }
}

/** Checks and resolves a parsed config file; throws ConfigError with a message naming the bad entry. */
export function resolveConfig(raw: unknown, source = 'cpom.config.json'): ResolvedConfig {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ConfigError({ fr: `${source} : un objet JSON est attendu.`, en: `${source}: expected a JSON object` });
    }
    const config = raw as Record<string, unknown>;
    for (const key of Object.keys(config)) {
        if (key !== 'lang' && key !== 'rules' && key !== 'ignore' && key !== '$schema') {
            throw new ConfigError({ fr: `${source} : clé inconnue « ${key} » (clés possibles : « lang », « rules », « ignore »).`, en: `${source}: unknown key '${key}' (expected 'lang', 'rules' or 'ignore')` });
        }
    }
    const ignore = config.ignore ?? [];
    if (!Array.isArray(ignore) || !ignore.every(g => typeof g === 'string' && g.trim().length > 0)) {
        throw new ConfigError({ fr: `${source} : « ignore » doit être une liste de globs (textes non vides).`, en: `${source}: 'ignore' must be a list of globs (non-empty texts)` });
    }
    if (config.lang !== undefined && config.lang !== 'fr' && config.lang !== 'en') {
        throw new ConfigError({ fr: `${source} : « lang » doit valoir "fr" ou "en".`, en: `${source}: 'lang' must be "fr" or "en"` });
    }
    const severities = new Map<string, RuleSetting>();
    const options = new Map<string, RuleOptions>();
    const rules = config.rules ?? {};
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
        throw new ConfigError({ fr: `${source} : « rules » doit être un objet.`, en: `${source}: 'rules' must be an object` });
    }
    for (const [key, value] of Object.entries(rules as Record<string, unknown>)) {
        const rule = getRule(key);
        if (!rule) {
            throw new ConfigError({ fr: `${source} : règle inconnue « ${key} » (cpom rules les liste).`, en: `${source}: unknown rule '${key}'` });
        }
        const [setting, ruleOptions] = Array.isArray(value) ? value : [value, undefined];
        if (typeof setting !== 'string' || !SETTINGS.includes(setting)) {
            throw new ConfigError({ fr: `${source} : la règle « ${key} » doit valoir ${SETTINGS.join(', ')}.`, en: `${source}: rule '${key}' must be one of ${SETTINGS.join(', ')}` });
        }
        if (rule.code === 'CPOM001' && setting === 'off') {
            throw new ConfigError({ fr: `${source} : les erreurs de syntaxe (CPOM001) ne peuvent pas être désactivées.`, en: `${source}: syntax errors (CPOM001) cannot be switched off` });
        }
        severities.set(rule.code, setting as RuleSetting);
        if (ruleOptions !== undefined) {
            if (typeof ruleOptions !== 'object' || ruleOptions === null) {
                throw new ConfigError({ fr: `${source} : les options de la règle « ${key} » doivent être un objet.`, en: `${source}: options of rule '${key}' must be an object` });
            }
            options.set(rule.code, checkOptions(rule, ruleOptions as Record<string, unknown>, source));
        }
    }
    return { lang: config.lang as Locale | undefined, severities, options, ignore: ignore as string[] };
}

/** Checks the options of a rule against its schema; the message, in French, names the rule and the option. */
function checkOptions(rule: RuleDefinition, raw: Record<string, unknown>, source: string): RuleOptions {
    const specs = rule.options ?? {};
    const known = Object.keys(specs);
    const ruleName = `${rule.code} (${rule.name})`;
    const checked: Record<string, number> = {};
    for (const [key, value] of Object.entries(raw)) {
        const spec = specs[key];
        if (!spec) {
            const expected = known.length > 0
                ? { fr: `options possibles : ${known.join(', ')}`, en: `possible options: ${known.join(', ')}` }
                : { fr: "cette règle n'a pas d'option", en: 'this rule takes no option' };
            throw new ConfigError({
                fr: `${source} : la règle ${ruleName} n'a pas d'option ${JSON.stringify(key)} (${expected.fr}).`,
                en: `${source}: rule ${ruleName} has no option ${JSON.stringify(key)} (${expected.en}).`,
            });
        }
        if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.minimum) {
            throw new ConfigError({
                fr: `${source} : l'option ${JSON.stringify(key)} de la règle ${ruleName} doit être un nombre entier supérieur ou égal à ${spec.minimum} (valeur lue : ${JSON.stringify(value)}).`,
                en: `${source}: option ${JSON.stringify(key)} of rule ${ruleName} must be an integer of at least ${spec.minimum} (value read: ${JSON.stringify(value)}).`,
            });
        }
        checked[key] = value;
    }
    return checked;
}
