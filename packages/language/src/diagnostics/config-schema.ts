/**
 * The JSON Schema of cpom.config.json (draft 2020-12), generated from the catalogue so that editors complete every
 * rule code and name with its settings and options. `schemas/cpom-config.schema.json` is this schema written out
 * (`npm run schema:config`); tests/config-schema.test.ts checks the file is in sync and agrees with `resolveConfig`.
 */
import { RULES } from './rules.js';
import type { RuleDefinition } from './catalogue.js';

type JsonSchema = Readonly<Record<string, unknown>>;

const SETTINGS = ['error', 'warning', 'info', 'off'] as const;

/** A rule's entry under `rules`: a setting, or `[setting, options]` with the options of its catalogue entry. */
function ruleSchema(rule: RuleDefinition, alias: string): JsonSchema {
    const setting = rule.code === 'CPOM001' ? { enum: SETTINGS.filter(s => s !== 'off') } : { $ref: '#/$defs/setting' };
    const options = Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, spec]) => [
        name, { type: spec.type, minimum: spec.minimum, default: spec.default },
    ]));
    return {
        description: `${alias} — ${rule.title.fr} (${rule.title.en}).`,
        anyOf: [
            setting,
            { type: 'array', prefixItems: [setting], minItems: 1, items: false },
            {
                type: 'array',
                prefixItems: [setting, { type: 'object', properties: options, additionalProperties: false }],
                minItems: 2,
                items: false,
            },
        ],
    };
}

export function configJsonSchema(): JsonSchema {
    const rules: Record<string, JsonSchema> = {};
    for (const rule of RULES) {
        rules[rule.code] = ruleSchema(rule, rule.name);
        rules[rule.name] = ruleSchema(rule, rule.code);
    }
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://cpom.example/schemas/cpom-config.schema.json',
        title: 'cpom.config.json',
        description: 'Configuration de cpom pour les contrats de ce dossier et de ses sous-dossiers (cpom configuration for the contracts of this folder and below). Généré depuis le catalogue des règles.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            lang: { description: 'Langue des messages (language of messages).', enum: ['fr', 'en'] },
            rules: {
                description: 'Sévérité des règles, par code ou par nom : "error", "warning", "info", "off", ou [sévérité, options] (rule severities by code or name).',
                type: 'object',
                properties: rules,
                additionalProperties: false,
            },
            ignore: {
                description: 'Globs, relatifs au dossier de ce fichier, des contrats que « cpom check » ne vérifie pas (globs of the contracts cpom check leaves out).',
                type: 'array',
                items: { type: 'string', pattern: '\\S' },
            },
        },
        $defs: {
            setting: { enum: [...SETTINGS] },
        },
    };
}
