/** The rule pages under docs/rules/ are rendered from the catalogue; SARIF embeds the same text. */
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
        `- Triggers the rule: [tests/fixtures/rules/${rule.code}/triggers.cpom](../../tests/fixtures/rules/${rule.code}/triggers.cpom)`,
        `- Does not trigger it: [tests/fixtures/rules/${rule.code}/passes.cpom](../../tests/fixtures/rules/${rule.code}/passes.cpom)`,
        '',
    ].join('\n');
}

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
        '| Code | Name | Severity | Confidence | Title |',
        '|---|---|---|---|---|',
        ...rows,
        '',
    ].join('\n');
}
