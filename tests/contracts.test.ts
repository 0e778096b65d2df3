/** The bundled contracts: every seed and example parses, resolves and is free of errors and warnings. */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, filesUnder, ROOT } from './helpers.js';

const contracts = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];

describe('bundled contracts', () => {
    it('exist: the MESSIDOR seed and the examples', () => {
        expect(contracts.some(f => f.includes(`${path.sep}seeds${path.sep}`))).toBe(true);
        expect(contracts.filter(f => f.includes(`${path.sep}examples${path.sep}`)).length).toBeGreaterThanOrEqual(3);
    });

    it('are clean when checked together, as `cpom check seeds examples` does', async () => {
        const results = await checkFiles(contracts);
        const problems = [...results].flatMap(([file, diagnostics]) => diagnostics
            .filter(d => d.severity !== 'info')
            .map(d => `${path.relative(ROOT, file)}:${d.line} ${d.code} ${d.message}`));
        expect(problems).toEqual([]);
    });

    it.each(contracts.map(f => [path.relative(ROOT, f), f]))('%s parses without syntax errors, alone', async (_name, file) => {
        const diagnostics = (await checkFiles([file])).get(file) ?? [];
        expect(diagnostics.filter(d => d.code === 'CPOM001' || d.code === 'CPOM002')).toEqual([]);
    });
});
