/**
 * Nothing of a bundled contract is wider than the printed page: Chromium shrinks every page of a PDF to fit its
 * widest element, so one wide table (ten columns of unbroken headings in a fiche action) printed the whole contract
 * at 85 % of its size. Measured in the print layout, the body as wide as the page's content box.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ast } from '@cpom/language';
import { buildContractDocument, renderHtml } from '@cpom/generator';
import { PRINTED_PAGE } from '../packages/generator/src/render/html-style.js';
import { PdfEngine } from '../packages/cli/src/pdf-engine.js';
import { findChromium } from '../packages/cli/src/pdf.js';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

const chromium = findChromium();

/** Elements whose right edge passes the body's, with their excess in pixels. */
const OVERFLOW = `(() => {
    document.body.style.width = '${PRINTED_PAGE.width - 2 * PRINTED_PAGE.marginSides}mm';
    const right = document.body.getBoundingClientRect().right;
    return [...document.querySelectorAll('main table, main p, main h2, main h3, main h4, main ul')]
        .map(e => [e.tagName + ' ' + (e.querySelector('caption')?.textContent ?? e.textContent ?? '').slice(0, 40), Math.round(e.getBoundingClientRect().right - right)])
        .filter(([, excess]) => excess > 1);
})()`;

describe.runIf(chromium !== undefined)('the printed contract', () => {
    let engine: PdfEngine;
    beforeAll(async () => {
        engine = await PdfEngine.start(chromium!);
    });
    afterAll(async () => {
        await engine?.close();
    });

    it('has no element wider than the page, in any bundled contract', async () => {
        const files = [...filesUnder(path.join(ROOT, 'seeds'), '.cpom'), ...filesUnder(path.join(ROOT, 'examples'), '.cpom')];
        const services = createServices();
        const workspace = await loadWorkspace(services, files);
        const overflows: Record<string, unknown> = {};
        let count = 0;
        for (const file of workspace.files) {
            const root = file.document.parseResult.value;
            if (!ast.isCpomFile(root)) continue;
            for (const contract of root.elements.filter(ast.isContrat)) {
                const document = buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract));
                await engine.load(renderHtml(document), { media: 'print' });
                const found = await engine.evaluate(OVERFLOW) as unknown[];
                if (found.length > 0) overflows[contract.name] = found;
                count++;
            }
        }
        expect(count).toBeGreaterThanOrEqual(4);
        expect(overflows).toEqual({});
    });
});
