/**
 * The JSON of a yearly follow-up (packages/generator/src/json/export-follow-up.ts): every bundled follow-up exports
 * to a document valid against `schemas/cpom-suivi-v1.schema.json` (ajv, strict), with the figures of the model.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ast, followUpOf } from '@cpom/language';
import { exportFollowUp, serialiseJson } from '../packages/generator/src/index.js';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/cpom-suivi-v1.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);
const FOLLOW_UPS = filesUnder(path.join(ROOT, 'examples'), '.cpom').filter(f => path.basename(f).startsWith('suivi-'));

async function exportOf(file: string) {
    const services = createServices();
    const workspace = await loadWorkspace(services, [file]);
    const root = workspace.files.find(f => f.path === file)!.document.parseResult.value as ast.CpomFile;
    return exportFollowUp(followUpOf(root.elements.find(ast.isSuiviAnnuel)!, services.Cpom.cpom.WorkspaceIndex));
}

describe('follow-up JSON', () => {
    it('the examples have follow-ups', () => {
        expect(FOLLOW_UPS.length).toBeGreaterThanOrEqual(6);
    });

    it.each(FOLLOW_UPS.map(f => [path.relative(ROOT, f), f]))('%s validates against the schema', async (_name, file) => {
        const json = await exportOf(file);
        expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(JSON.parse(serialiseJson(json))).toEqual(json);
    });

    it('carries the modulation of the model, in euros', async () => {
        const json = await exportOf(path.join(ROOT, 'examples/ehpad-ivter/suivi-2022.cpom'));
        expect(json.followUp.summary).toMatchObject({ indicators: 8, enEcart: 2, modulationTotal: 20_584.69 });
        const soins = json.followUp.modulations.find(m => m.establishment === 'EHPAD_BERGERAC' && m.article === 'R.314-160')!;
        expect(soins).toMatchObject({ appliedYear: 2023, ratePercent: 1.65, amount: 13_811.07, applies: true });
        expect(json.followUp.axes.map(a => a.id)).toEqual(['PARCOURS', 'SOINS', 'RH', 'EFFICIENCE']);
    });
});
