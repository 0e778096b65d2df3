/** Catalogue entries of the problems with `// cpom-ignore` comments (suppressions.ts): they are the tool's conventions. */
import { defineRule, variant } from '../diagnostics/catalogue.js';

const SOURCE = {
    fr: "Convention de l'outil cpom : commentaires « // cpom-ignore CODE : raison » (README, Configuration).",
    en: "cpom tool convention: '// cpom-ignore CODE : reason' comments (README, Configuration).",
} as const;

export const SUPPRESSIONS_RULES = [
    defineRule({
        code: 'CPOM110', name: 'suppression-without-reason', severity: 'warning', category: 'suppressions', confidence: 'T',
        title: { fr: 'Suppression sans raison', en: 'Suppression without a reason' },
        params: { codes: 'list' },
        message: {
            fr: "Ce commentaire cpom-ignore ne dit pas pourquoi {codes} est ignoré : il reste sans effet tant qu'une raison ne suit pas « : » (// cpom-ignore CODE : raison).",
            en: "This cpom-ignore comment does not say why {codes} is ignored: it has no effect until a reason follows ':' (// cpom-ignore CODE : reason)."
        },
        rationale: {
            fr: "Ignorer un diagnostic est une décision qui doit se relire : la raison, écrite à côté, dit au relecteur et au signataire pourquoi le contrat s'écarte de la règle. Sans raison, le commentaire n'ignore rien. Écrivez la raison après deux-points : `// cpom-ignore CPOM059 : cible fixée par l'avenant n° 2`.",
            en: "Ignoring a diagnostic is a decision that must be reviewed: the reason, written next to it, tells the reviewer and the signatory why the contract departs from the rule. Without a reason the comment ignores nothing. Write the reason after a colon: `// cpom-ignore CPOM059 : target set by amendment no. 2`."
        },
        source: SOURCE,
    }),
    defineRule({
        code: 'CPOM111', name: 'invalid-suppression', severity: 'warning', category: 'suppressions', confidence: 'T',
        title: { fr: 'Suppression impossible', en: 'Invalid suppression' },
        params: {
            problem: {
                phrase: {
                    unknown: variant({
                        params: { code: 'text' },
                        fr: "« {code} » n'est pas une règle de cpom (écrivez un code comme CPOM059 ou un nom comme finess-key ; voir cpom rules) : ce commentaire cpom-ignore ne l'ignore pas",
                        en: "'{code}' is not a cpom rule (write a code such as CPOM059 or a name such as finess-key; see cpom rules): this cpom-ignore comment does not ignore it",
                    }),
                    syntax: variant({
                        params: { code: 'text' },
                        fr: '« {code} » désigne les erreurs de syntaxe (CPOM001), qui ne peuvent pas être ignorées : corrigez le texte',
                        en: "'{code}' names syntax errors (CPOM001), which cannot be ignored: fix the text",
                    }),
                    none: variant({
                        params: {},
                        fr: 'Ce commentaire cpom-ignore ne nomme aucune règle : écrivez « // cpom-ignore CODE : raison »',
                        en: "This cpom-ignore comment names no rule: write '// cpom-ignore CODE : reason'",
                    }),
                },
            },
        },
        message: { fr: '{problem}.', en: '{problem}.' },
        rationale: {
            fr: "Un commentaire `// cpom-ignore` nomme les règles qu'il ignore sur la ligne suivante, par leur code (`CPOM059`) ou leur nom (`finess-key`). Un code mal écrit n'ignorerait rien sans que personne ne le voie. Les erreurs de syntaxe ne s'ignorent pas : le reste du contrat ne peut pas être vérifié tant que le texte ne suit pas la grammaire.",
            en: "A `// cpom-ignore` comment names the rules it ignores on the next line, by code (`CPOM059`) or name (`finess-key`). A misspelt code would silently ignore nothing. Syntax errors cannot be ignored: the rest of the contract cannot be checked until the text follows the grammar."
        },
        source: SOURCE,
    }),
    defineRule({
        code: 'CPOM112', name: 'unused-suppression', severity: 'warning', category: 'suppressions', confidence: 'T',
        title: { fr: 'Suppression inutile', en: 'Unused suppression' },
        params: { code: 'text' },
        message: {
            fr: "Ce commentaire ignore {code}, mais aucun diagnostic {code} ne commence sur la ligne suivante : retirez-le.",
            en: 'This comment ignores {code}, but no {code} diagnostic starts on the next line: remove it.'
        },
        rationale: {
            fr: "Une suppression qui n'ignore plus rien (le problème a été corrigé, la ligne a bougé) laisserait passer le problème s'il revenait, et sa raison ne serait plus vraie. Elle est signalée pour être retirée. Elle n'est signalée qu'après une vérification complète (pas pendant la frappe, ni quand le fichier a une erreur de syntaxe).",
            en: 'A suppression that no longer ignores anything (the problem was fixed, the line moved) would let the problem through should it come back, and its reason would no longer be true. It is reported so that it is removed. It is reported only after a full check (not while typing, nor when the file has a syntax error).'
        },
        source: SOURCE,
    }),
] as const;
