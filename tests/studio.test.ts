/**
 * The studio (packages/studio) driven in a real headless Chromium: open the bundled seed from the start page, make
 * a FINESS key wrong, see the French diagnostic, apply its quick fix from the problems panel, see the preview
 * follow, generate a DOCX and read it back, compare with the text at opening and see the changed target and the
 * drafted avenant. Screenshots go to tests/output/studio/ (docs/images/studio-*.png with CPOM_STUDIO_SCREENSHOTS=docs).
 *
 * Skipped with its reason without Chromium (/usr/bin/chromium or CPOM_CHROMIUM), unless CPOM_EDITOR_TESTS=required.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { CHROMIUM, replaceInEditor, startStudio, STUDIO_DIST, type StudioSession } from './studio/browser.js';

const REQUIRED = process.env.CPOM_EDITOR_TESTS === 'required';
const missing = existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM}`;
if (missing && REQUIRED) throw new Error(`CPOM_EDITOR_TESTS=required but ${missing}`);
const SHOTS = process.env.CPOM_STUDIO_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs/images') : path.join(ROOT, 'tests/output/studio');

/** The preview's HTML (the sandboxed frame's srcdoc). */
const previewHtml = (page: Page) => page.locator('#preview-frame').getAttribute('srcdoc');

describe.skipIf(missing !== undefined)(`the studio in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
    let studio: StudioSession;
    let page: Page;
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `studio-${name}.png`) });

    beforeAll(async () => {
        mkdirSync(SHOTS, { recursive: true });
        studio = await startStudio();
        page = await studio.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        await page.goto(studio.url);
        await page.waitForSelector('body[data-ready=true]');
        expect(errors).toEqual([]);
    });
    afterAll(async () => { await studio?.close(); });

    it('opens on a French start page with the new-contract form and the bundled examples', async () => {
        expect(await page.getAttribute('html', 'lang')).toBe('fr');
        await expect.poll(() => page.locator('#examples-list button').count(), { timeout: 60_000 }).toBeGreaterThan(3);
        expect(await page.textContent('#start-title')).toBe('Bienvenue dans le studio CPOM');
        // Every form control has a label.
        const unlabelled = await page.$$eval('#new-contract input, #new-contract select', fields => fields.filter(f => !f.ownerDocument.querySelector(`label[for="${f.id}"]`)).map(f => f.id));
        expect(unlabelled).toEqual([]);
        await shot('start');
    });

    it('opens the seed: the contract is checked and previewed', async () => {
        await page.click('button[data-example="seeds/messidor-2013.cpom"]');
        await page.waitForSelector('#problems-list button[data-code=CPOM014]');
        await page.waitForSelector('#preview-frame:not([hidden])');
        expect(await previewHtml(page)).toContain('CPOM MESSIDOR');
        await page.waitForSelector('#outline-tree button:text-is("ESAT_LYON_GERLAND")');
    });

    it('a wrong FINESS key gets the French diagnostic, and its quick fix corrects the text and the preview', async () => {
        await replaceInEditor(page, '690999016', '690999017');
        const problem = page.locator('#problems-list button[data-code=CPOM041]');
        await problem.waitFor();
        expect(await problem.textContent()).toContain('La clé du numéro FINESS 690999017 est fausse');
        await expect.poll(() => previewHtml(page), { timeout: 60_000 }).toMatch(/690\s?999\s?017/);
        await page.locator('button[data-fix=CPOM041]').waitFor();
        await shot('diagnostic');
        await page.click('button[data-fix=CPOM041]');
        await problem.waitFor({ state: 'detached' });
        expect(await page.locator('.cm-content').textContent()).toContain('finess 690999016');
        await expect.poll(() => previewHtml(page), { timeout: 60_000 }).not.toMatch(/690\s?999\s?017/);
    });

    it('hover shows the establishment card, sanitised, in French', async () => {
        const name = page.locator('.cm-line', { hasText: 'établissement ESAT_LYON_GERLAND' }).locator('span', { hasText: /^ESAT_LYON_GERLAND$/ });
        await name.hover();
        const tooltip = page.locator('.cm-tooltip-hover');
        await tooltip.waitFor();
        expect(await tooltip.textContent()).toContain('FINESS : 690999016');
        expect(await tooltip.textContent()).toContain('39 places autorisées');
        expect(await tooltip.locator('script, img, iframe').count()).toBe(0);
        await page.mouse.move(0, 0);
    });

    it('F2 renames an establishment everywhere it is named (and Ctrl+Z undoes it)', async () => {
        await page.locator('.cm-line', { hasText: 'établissement ESAT_LYON_GERLAND' }).locator('span', { hasText: /^ESAT_LYON_GERLAND$/ }).click();
        await page.keyboard.press('F2');
        const field = page.locator('.cm-lsp-rename-panel input[name=name]');
        await field.waitFor();
        await field.fill('ESAT_GERLAND');
        await field.press('Enter');
        await page.waitForSelector('#outline-tree button:text-is("ESAT_GERLAND")');
        expect(await page.locator('#problems-list button[data-code=CPOM002]').count()).toBe(0);
        await page.click('.cm-content');
        await page.keyboard.press('Control+z');
        await page.waitForSelector('#outline-tree button:text-is("ESAT_LYON_GERLAND")');
    });

    it('"Générer" makes a DOCX in the browser, whose text is the contract', async () => {
        await page.click('#btn-generate');
        await page.click('#generate-form button[type=submit]');
        const link = page.locator('#generate-results a[data-format=docx]');
        await link.waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toBe('CPOM_MESSIDOR_2013.docx');
        const zip = await JSZip.loadAsync(readFileSync(await download.path()));
        const xml = await zip.file('word/document.xml')!.async('string');
        const text = xml.replace(/<[^>]+>/g, '');
        expect(text).toContain('CPOM MESSIDOR');
        expect(text).toContain('Association MESSIDOR');
        await page.click('#generate-dialog button[data-close]');
    });

    it('"Comparer" shows the changed target and drafts the avenant', async () => {
        await replaceInEditor(page, '2016: 13, 2017: 13', '2016: 13, 2017: 15');
        await page.click('#btn-compare');
        await page.click('#compare-form button[type=submit]');
        const output = page.locator('#compare-output');
        await expect.poll(() => output.textContent(), { timeout: 60_000 }).toContain('cible 2017');
        expect(await output.textContent()).toContain('13 → 15');
        const avenant = page.locator('#compare-avenant iframe');
        await avenant.waitFor();
        expect(await avenant.getAttribute('srcdoc')).toContain('Avenant n° 1');
        await shot('compare');
        await page.click('#compare-dialog button[data-close]');
    });

    it('keeps the unsaved work and offers it back after a reload', async () => {
        // The draft is written shortly after the last change: wait until it is there.
        await page.waitForFunction("(localStorage.getItem('cpom-studio-session') ?? '').includes('2017: 15')");
        await page.reload();
        await page.waitForSelector('#restore-dialog[open]');
        expect(await page.textContent('#restore-files')).toContain('messidor-2013.cpom');
        await page.click('#restore-yes');
        await page.waitForSelector('#preview-frame:not([hidden])');
        expect(await page.textContent('#current-file')).toContain('modifié, non enregistré');
        await shot('editor');
        // The restored text is the edited one; the saved text it is compared with is the original.
        await page.click('#btn-compare');
        await page.click('#compare-form button[type=submit]');
        await expect.poll(() => page.locator('#compare-output').textContent(), { timeout: 60_000 }).toContain('13 → 15');
    });

    it('creates a new contract from the guided form (the skeleton of cpom init), with no error', async () => {
        const fresh = await studio.browser.newPage();
        await fresh.goto(studio.url);
        await fresh.waitForSelector('body[data-ready=true]');
        await fresh.fill('#new-finess', '24000002');
        await fresh.click('#new-contract button[type=submit]');
        expect(await fresh.getAttribute('#new-finess', 'aria-invalid')).toBe('true');
        expect(await fresh.textContent('#new-error')).toContain('FINESS géographique');
        await fresh.fill('#new-finess', '240000026');
        await fresh.click('#new-contract button[type=submit]');
        await fresh.waitForSelector('#files-list button[data-path="cpom-nouveau-2027.cpom"]');
        await fresh.waitForSelector('#preview-frame:not([hidden])');
        expect(await fresh.textContent('#problems-count')).toMatch(/^0 erreur/);
        await fresh.close();
    });

    it('opens a folder of files (contract, catalogues, avenants): imports resolve among them, no error; a follow-up previews as its report', async () => {
        const folder = await studio.browser.newPage();
        await folder.goto(studio.url);
        await folder.waitForSelector('body[data-ready=true]');
        await folder.click('button[data-example="examples/avenant-catalogue"]');
        // Contract, two catalogues, two avenants and two yearly follow-ups (suivi-2020, suivi-2021).
        await expect.poll(() => folder.locator('#files-list button').count(), { timeout: 60_000 }).toBe(7);
        await folder.waitForSelector('#preview-frame:not([hidden])');
        expect(await folder.getAttribute('#files-list button[aria-current=true]', 'data-path')).toBe('avenant-catalogue/cpom-les-sources.cpom');
        expect(await folder.textContent('#problems-count')).toMatch(/^0 erreur/);
        const contractOutline = await folder.textContent('#outline-tree');
        // Another file of the folder is shown without closing the first on the server.
        await folder.click('#files-list button[data-path="avenant-catalogue/avenant-1.cpom"]');
        await folder.waitForSelector('#files-list button[aria-current=true][data-path="avenant-catalogue/avenant-1.cpom"]');
        await expect.poll(() => folder.textContent('#outline-tree'), { timeout: 60_000 }).not.toBe(contractOutline);
        expect(await folder.textContent('#problems-count')).toMatch(/^0 erreur/);
        // A yearly follow-up previews as its report, under its own heading.
        await folder.click('#files-list button[data-path="avenant-catalogue/suivi-2021.cpom"]');
        await expect.poll(() => folder.locator('#preview-frame').getAttribute('srcdoc'), { timeout: 60_000 }).toContain('Rapport de suivi annuel 2021');
        expect(await folder.textContent('#preview-title')).toBe('Aperçu du rapport de suivi annuel');
        await folder.close();
    });

    it('works opened from its files (file://): the server worker starts from a Blob', async () => {
        const local = await studio.browser.newPage();
        await local.goto(pathToFileURL(path.join(STUDIO_DIST, 'index.html')).href);
        await local.waitForSelector('body[data-ready=true]');
        await local.click('button[data-example="seeds/messidor-2013.cpom"]');
        await local.waitForSelector('#problems-list button[data-code=CPOM014]');
        await local.close();
    });

    it('speaks English on request (?lang=en), the diagnostics too', async () => {
        const english = await studio.browser.newPage();
        await english.goto(`${studio.url}?lang=en`);
        await english.waitForSelector('body[data-ready=true]');
        expect(await english.getAttribute('html', 'lang')).toBe('en');
        expect(await english.textContent('#btn-generate')).toBe('Generate');
        await english.click('button[data-example="seeds/messidor-2013.cpom"]');
        const problem = english.locator('#problems-list button[data-code=CPOM014]');
        await problem.waitFor();
        expect(await problem.textContent()).toMatch(/signed/i);
        await english.close();
    });
});
