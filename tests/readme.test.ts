/** The contract shown in the README's tour is valid: no error, no warning. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { checkText, ROOT } from './helpers.js';

it('the README tour contract is clean', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```cpom\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const diagnostics = await checkText(block!);
    expect(diagnostics.filter(d => d.severity !== 'info').map(d => `${d.line} ${d.code} ${d.message}`)).toEqual([]);
    expect(diagnostics.map(d => d.code).sort()).toEqual(['CPOM014', 'CPOM043']);
});
