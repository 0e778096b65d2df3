/**
 * The JSON Schema of cpom.config.json: in sync with the catalogue (like the rule pages in docs.test.ts), valid for
 * ajv in strict mode, and of the same mind as `resolveConfig` on every config of tests/fixtures/config.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { configJsonSchema, resolveConfig, RULES } from '@cpom/language';
import { ROOT } from './helpers.js';

const SCHEMA_FILE = path.join(ROOT, 'schemas/cpom-config.schema.json');
const FIXTURES = path.join(ROOT, 'tests/fixtures/config');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

function configs(kind: 'valid' | 'invalid'): Array<[string, unknown]> {
    const dir = path.join(FIXTURES, kind);
    return readdirSync(dir).filter(f => f.endsWith('.json')).sort()
        .map(f => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]);
}

describe('schemas/cpom-config.schema.json', () => {
    it('is the schema generated from the catalogue (npm run build && npm run schema:config)', () => {
        expect(schema).toEqual(configJsonSchema());
    });

    it('names every rule by code and by name', () => {
        const rules = (schema.properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
        expect(Object.keys(rules).sort()).toEqual(RULES.flatMap(r => [r.code, r.name]).sort());
    });

    it.each(configs('valid'))('accepts %s, as resolveConfig does', (_name, config) => {
        expect(() => resolveConfig(config)).not.toThrow();
        expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    });

    it.each(configs('invalid'))('refuses %s, as resolveConfig does', (_name, config) => {
        expect(() => resolveConfig(config)).toThrow();
        expect(validate(config)).toBe(false);
    });

    it('the README example validates', () => {
        const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        const example = /### Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(example).toBeDefined();
        expect(validate(JSON.parse(example!)), JSON.stringify(validate.errors)).toBe(true);
    });
});

describe('the VS Code extension', () => {
    it('validates cpom.config.json against the schema it ships', () => {
        const manifest = JSON.parse(readFileSync(path.join(ROOT, 'packages/extension/package.json'), 'utf8'));
        expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: 'cpom.config.json', url: './dist/cpom-config.schema.json' }]);
        const vscodeignore = readFileSync(path.join(ROOT, 'packages/extension/.vscodeignore'), 'utf8');
        expect(vscodeignore.split('\n')).toContain('!dist/cpom-config.schema.json');
    });
});
