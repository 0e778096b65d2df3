/**
 * Commander's own words (help titles, "(default: …)", usage errors) in the CLI's language. Commander 14 has no
 * translations: its help is styled through `configureHelp` (inherited by every subcommand) and its error messages,
 * which have a fixed form, are reworded on their way out through `configureOutput`.
 */
import { type Argument, Help, type Option } from 'commander';
import type { Locale } from '@cpom/language';

const FRENCH_TITLES: Record<string, string> = {
    'Usage:': 'Utilisation :',
    'Options:': 'Options :',
    'Commands:': 'Commandes :',
    'Arguments:': 'Arguments :',
    'Global Options:': 'Options globales :',
};

/** "(choices: "a", "b", default: "x")" → "(choix : "a", "b", défaut : "x")". */
function frenchExtra(description: string): string {
    return description.replace(/\((choices: .*|default: .*|preset: .*)\)$/, extra =>
        extra.replace(/\bchoices: /, 'choix : ').replace(/\bdefault: /, 'défaut : ').replace(/\bpreset: /, 'valeur sans argument : '));
}

/**
 * The names of arguments and option values, written in English in the code (`<file>`, `<paths...>`), as a French
 * reader sees them in help, usage and errors.
 */
const FRENCH_NAMES: Record<string, string> = {
    file: 'fichier', dir: 'dossier', name: 'nom', path: 'chemin', paths: 'chemins', old: 'ancien', new: 'nouveau',
    operands: 'opérandes', identifier: 'identifiant', frame: 'cadre', contract: 'contrat', 'follow-ups': 'suivis',
    command: 'commande',
};

/** `<file>`, `[paths...]`, `<finess[:category[:capacity]]>` → `<fichier>`, `[chemins...]`, `<finess[:catégorie[:capacité]]>`. */
export function frenchPlaceholders(text: string): string {
    return text
        .replace(/([<[])([a-z-]+)((?:\.\.\.)?[>\]])/g, (whole, open: string, name: string, close: string) =>
            FRENCH_NAMES[name] === undefined ? whole : `${open}${FRENCH_NAMES[name]}${close}`)
        .replace('<finess[:category[:capacity]]>', '<finess[:catégorie[:capacité]]>');
}

/** The `configureHelp` settings for a language. */
export function helpConfiguration(locale: Locale): Partial<Help> {
    if (locale === 'en') return {};
    return {
        styleTitle: (title: string) => FRENCH_TITLES[title] ?? title,
        // Every `<name>` and `[name]` of usages, option terms and argument terms passes through these two.
        styleOptionText: frenchPlaceholders,
        styleArgumentText: frenchPlaceholders,
        styleSubcommandText: frenchPlaceholders,
        // The "Arguments" section names them bare (`paths`).
        styleArgumentTerm: (name: string) => FRENCH_NAMES[name] ?? name,
        optionDescription(this: Help, option: Option) {
            return frenchExtra(Help.prototype.optionDescription.call(this, option));
        },
        argumentDescription(this: Help, argument: Argument) {
            return frenchExtra(Help.prototype.argumentDescription.call(this, argument));
        },
    };
}

/** Commander's error messages (commander 14, lib/command.js) and their French wording. */
const FRENCH_ERRORS: Array<[RegExp, (...groups: string[]) => string]> = [
    [/^error: unknown option '(.*)'$/, flag => `erreur : option inconnue « ${flag} »`],
    [/^error: unknown command '(.*)'$/, name => `erreur : commande inconnue « ${name} »`],
    [/^error: missing required argument '(.*)'$/, name => `erreur : argument obligatoire manquant : « ${FRENCH_NAMES[name] ?? name} »`],
    [/^error: option '(.*)' argument missing$/, flags => `erreur : l'option « ${flags} » attend une valeur`],
    [/^error: required option '(.*)' not specified$/, flags => `erreur : l'option « ${flags} » est obligatoire`],
    [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (flags, value, choices) =>
        `erreur : valeur « ${value} » impossible pour l'option « ${flags} » ; valeurs possibles : ${choices}`],
    [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s, (flags, value, reason) =>
        `erreur : valeur « ${value} » impossible pour l'option « ${flags} » : ${reason}`],
    [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (command, expected, got) =>
        `erreur : trop d'arguments${command ? ` pour « ${command} »` : ''} : ${expected} attendu${Number(expected) > 1 ? 's' : ''}, ${got} donnés`],
    [/^error: (.*) cannot be used with (.*)$/, (a, b) => `erreur : ${a} ne peut pas être utilisée avec ${b}`],
];

/** A commander error message (possibly followed by a suggestion line) in French. */
export function frenchCommanderError(text: string): string {
    const lines = text.replace(/\n$/, '').split('\n');
    const out = lines.map(line => {
        const suggestion = /^\(Did you mean (one of )?(.*)\?\)$/.exec(line);
        if (suggestion) return `(vouliez-vous dire ${suggestion[1] ? 'l\'une de ' : ''}${suggestion[2]} ?)`;
        for (const [pattern, words] of FRENCH_ERRORS) {
            const match = pattern.exec(line);
            if (match) return frenchPlaceholders(words(...match.slice(1)));
        }
        return line;
    });
    return out.join('\n') + (text.endsWith('\n') ? '\n' : '');
}
