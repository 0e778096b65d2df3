/** The rule pages under docs/rules/ are rendered from the catalogue; SARIF embeds the same text. */
import { legalText } from '../law/legal-texts.js';
import { type Confidence, RULES, type RuleDefinition } from './rules.js';

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
    V: 'V — read in the cited legal text',
    S: 'S — secondary source (federation, press or law-firm summary)',
    C: 'C — computed and cross-checked by the cpom project',
    G: 'G — design proposal of the cpom project, not law: reported as a warning at most',
    T: 'T — structural rule of the CPOM language',
};

const SEVERITY_FR = { error: 'erreur', warning: 'avertissement', info: 'information' } as const;

export function ruleMarkdown(rule: RuleDefinition): string {
    return [
        `# ${rule.code} \`${rule.name}\``,
        '',
        `**${rule.title.fr}** — ${rule.title.en}`,
        '',
        '| | |',
        '|---|---|',
        `| Code | \`${rule.code}\` |`,
        `| Name | \`${rule.name}\` |`,
        `| Default severity | ${rule.severity} (${SEVERITY_FR[rule.severity]}) |`,
        `| Category | ${rule.category} |`,
        `| Confidence | ${CONFIDENCE_LABELS[rule.confidence]} |`,
        '',
        '## Why',
        '',
        rule.rationale.en,
        '',
        '## Source',
        '',
        rule.source.en,
        '',
        ...datedSources(rule),
        '## En français',
        '',
        `**Pourquoi** : ${rule.rationale.fr}`,
        '',
        `**Source** : ${rule.source.fr}`,
        '',
        '## Messages',
        '',
        `- fr: ${rule.message.fr}`,
        `- en: ${rule.message.en}`,
        '',
        '## Configuration',
        '',
        'In `cpom.config.json`, next to the contracts or in a parent folder:',
        '',
        '```json',
        `{ "rules": { "${rule.code}": "${rule.code === 'CPOM001' ? 'error' : 'off'}" } }`,
        '```',
        '',
        `The rule can also be named \`${rule.name}\`. Settings: \`error\`, \`warning\`, \`info\`${rule.code === 'CPOM001' ? '' : ', `off`'}.`,
        '',
        '## Examples',
        '',
        // The folder, not a file: a fixture is a whole contract (`.cpom`) or a patch of the clean base (`.patch`).
        `In the repository, [tests/fixtures/rules/${rule.code}/](../../tests/fixtures/rules/${rule.code}/): \`triggers\` raises the rule, \`passes\` does not`,
        '(a `.cpom` is a whole contract, a `.patch` the changes it makes to `tests/fixtures/clean/base.cpom`).',
        '',
    ].join('\n');
}

const CONFIDENCE_LABELS_FR: Record<Confidence, string> = {
    V: 'V — lu dans le texte juridique cité',
    S: 'S — source secondaire (fédération, presse ou cabinet d\'avocats)',
    C: 'C — calculé et vérifié par le projet cpom',
    G: 'G — proposition du projet cpom, pas une règle de droit : au plus un avertissement',
    T: 'T — règle structurelle du langage CPOM',
};

/**
 * A rule's page as `cpom rules CODE` prints it, in the user's language first: the French page for French users (the
 * English text follows), the docs page (English first, then "En français") for English ones.
 */
export function rulePage(rule: RuleDefinition, locale: 'fr' | 'en'): string {
    if (locale === 'en') return ruleMarkdown(rule);
    const texts = (rule.texts ?? []).flatMap(id => {
        const text = legalText(id);
        if (!text) return [`| \`${id}\` | absent du registre | — | — |`];
        return text.versions.map(version => {
            const from = version.start === 'attested' ? `attesté le ${version.from}` : version.from;
            const where = version.territories ? ` (${version.territories.join(', ')})` : '';
            return `| ${text.title} (\`${id}\`) | ${from} → ${version.to ?? 'en vigueur'}${where} | ${version.confidence} | ${version.enactedBy} |`;
        });
    });
    return [
        `# ${rule.code} \`${rule.name}\``,
        '',
        `**${rule.title.fr}**`,
        '',
        '| | |',
        '|---|---|',
        `| Code | \`${rule.code}\` |`,
        `| Nom | \`${rule.name}\` |`,
        `| Gravité par défaut | ${SEVERITY_FR[rule.severity]} |`,
        `| Catégorie | ${rule.category} |`,
        `| Confiance | ${CONFIDENCE_LABELS_FR[rule.confidence]} |`,
        '',
        '## Pourquoi',
        '',
        rule.rationale.fr,
        '',
        '## Source',
        '',
        rule.source.fr,
        '',
        ...(texts.length === 0 ? [] : [
            '### Textes datés',
            '',
            'La règle lit la version en vigueur à la date d\'effet du contrat (celle de l\'avenant, ou `cpom check --droit-au`).',
            '',
            '| Texte | En vigueur | Confiance | Issu de |',
            '|---|---|---|---|',
            ...texts,
            '',
            ...quotedWords(rule, 'fr'),
        ]),
        '## Messages',
        '',
        `- fr : ${rule.message.fr}`,
        `- en : ${rule.message.en}`,
        '',
        '## Configuration',
        '',
        'Dans `cpom.config.json`, à côté des contrats ou dans un dossier parent :',
        '',
        '```json',
        `{ "rules": { "${rule.code}": "${rule.code === 'CPOM001' ? 'error' : 'off'}" } }`,
        '```',
        '',
        `La règle peut aussi être nommée \`${rule.name}\`. Réglages : \`error\`, \`warning\`, \`info\`${rule.code === 'CPOM001' ? '' : ', `off`'}.`,
        '',
        '## In English',
        '',
        `**${rule.title.en}.** ${rule.rationale.en}`,
        '',
        `**Source:** ${rule.source.en}`,
        '',
    ].join('\n');
}

/**
 * The texts of the law registry the rule rests on, each version with its period and confidence: a rule is read at
 * the contract's date, so the page says which wording applied when.
 */
function datedSources(rule: RuleDefinition): string[] {
    const rows = (rule.texts ?? []).flatMap(id => {
        const text = legalText(id);
        if (!text) return [`| \`${id}\` | not in the registry | — | — |`];
        return text.versions.map(version => {
            const from = version.start === 'attested' ? `attested ${version.from}` : version.from;
            const period = `${from} → ${version.to ?? 'in force'}`;
            const where = version.territories ? ` (in ${version.territories.join(', ')})` : '';
            return `| ${text.titleEn} (\`${id}\`) | ${period}${where} | ${version.confidence} | ${version.enactedBy} |`;
        });
    });
    if (rows.length === 0) return [];
    return [
        '### Dated texts',
        '',
        'From the law registry (`packages/language/src/law/`, research log `docs/law/sources.md`). The rule reads the version in',
        "force on the contract's date d'effet (an avenant's own date, or `cpom check --droit-au`).",
        '',
        '| Text | In force | Confidence | Enacted by |',
        '|---|---|---|---|',
        ...rows,
        '',
        ...quotedWords(rule, 'en'),
    ];
}

/** The words read in the text (V versions with a quote), each with the period of its version: what an error rests on. */
function quotedWords(rule: RuleDefinition, locale: 'fr' | 'en'): string[] {
    const quotes = (rule.texts ?? []).flatMap(id => (legalText(id)?.versions ?? [])
        .filter(version => version.quote !== undefined && version.confidence === 'V')
        .map(version => `> « ${version.quote} » — \`${id}\`, ${version.from} → ${version.to ?? (locale === 'fr' ? 'en vigueur' : 'in force')}`));
    if (quotes.length === 0) return [];
    return [locale === 'fr' ? 'Mots lus dans le texte :' : 'Words read in the text:', '', ...quotes.flatMap(quote => [quote, ''])];
}

/** The severity policy, written in the rules index and enforced by tests/policy.test.ts. */
export const SEVERITY_POLICY = [
    '## Severity policy',
    '',
    'No error the law does not support. An **error** is reported only when a text read in the law itself (confidence',
    '**V**, or **C** for the FINESS key computed and cross-checked by the project) in force on the contract\'s date says',
    'so; a rule whose support is a secondary source (**S**) or a proposal (**G**) is a **warning** at most, and a rule whose',
    'support is only **G** is never an error. Where a rule reads a text whose version on the contract\'s date is not',
    'verified (an unread version of L.313-11, a start date known from a secondary source), it lowers that diagnostic to a',
    'warning. Every rule that rests on the law cites at least one dated text of the registry; each page lists them with',
    'their periods and confidence. Structural rules of the language (**T**) need no text. `tests/policy.test.ts` enforces',
    'this; the rules still listed there as awaiting a verified text are errors that rest on texts known only from secondary',
    'sources: they must be verified, or lowered, before the next release.',
    '',
];

export function rulesIndexMarkdown(): string {
    const rows = RULES.map(r => `| [${r.code}](${r.code}.md) | \`${r.name}\` | ${r.severity} | ${r.confidence} | ${r.title.fr} |`);
    return [
        '# Rules',
        '',
        'Every diagnostic of cpom, with its stable code. Pages are generated from the catalogue',
        '(`packages/language/src/diagnostics/rules.ts`) by `npm run docs:rules`; a test checks they are up to date.',
        '',
        'Confidence: ' + Object.entries(CONFIDENCE_LABELS).map(([k, v]) => `**${k}** ${v.slice(4)}`).join('; ') + '.',
        '',
        ...SEVERITY_POLICY,
        '| Code | Name | Severity | Confidence | Title |',
        '|---|---|---|---|---|',
        ...rows,
        '',
    ].join('\n');
}
