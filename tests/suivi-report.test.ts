/**
 * `cpom suivi CONTRACT [SUIVI...]`: the Rapport de suivi annuel of every bundled example in HTML, Markdown, DOCX
 * and JSON (read back: text, jszip, the JSON schema), PDF when Chromium and pdftotext are there; labels, never
 * identifiers; user strings escaped; usage errors exit 2 and write nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { lineChart, renderFollowUpHtml, renderFollowUpMarkdown, type FollowUpReport } from '../packages/generator/src/index.js';
import { findChromium } from '../packages/cli/src/pdf.js';
import { runCpom } from './cli-run.js';
import { ROOT } from './helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'cpom-suivi-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EXAMPLES = [
    { dir: 'ehpad-ivter', contract: 'cpom-ehpad-dordogne.cpom', name: 'CPOM_EHPAD_JARDINS_PERIGORD_2019', year: 2022, ids: ['OCC_HP', 'EHPAD_BERGERAC', 'FGS'] },
    { dir: 'handicap-conjoint', contract: 'cpom-estuaire-handicap.cpom', name: undefined, year: 2022, ids: [] },
    { dir: 'avenant-catalogue', contract: 'cpom-les-sources.cpom', name: undefined, year: 2021, ids: [] },
    { dir: 'avenants-modificatifs', contract: 'cpom-ehpad-val-de-loire.cpom', name: undefined, year: 2022, ids: ['OCCUPATION', 'EHPAD_LOCHES', 'FORFAIT_SOINS'] },
];
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/cpom-suivi-v1.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);
const plain = (value: string) => value.replace(/[\u00A0\u202F]/g, ' ').replace(/\\([\\`*_[\]#|~$+\-.!(){}])/g, '$1');
const hasPdfTools = findChromium() !== undefined && (() => {
    try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
})();

describe('cpom suivi (report)', () => {
    it.each(EXAMPLES)('writes the report of $dir in html, md, docx and json', async example => {
        const out = path.join(work, example.dir);
        const run = await runCpom(['suivi', path.join('examples', example.dir, example.contract), '-f', 'html,md,docx,json', '-o', out], ROOT);
        expect(run.code, run.stderr).toBe(0);
        const written = run.stdout.trim().split('\n');
        expect(written).toHaveLength(4);
        const base = (ext: string) => written.find(w => w.endsWith(`.${ext}`))!;
        expect(path.basename(base('md'))).toMatch(new RegExp(`^SUIVI_${example.year}_`));
        const md = plain(readFileSync(path.resolve(ROOT, base('md')), 'utf8'));
        const html = readFileSync(path.resolve(ROOT, base('html')), 'utf8');
        for (const text of [md, plain(html)]) {
            expect(text).toContain(`Rapport de suivi annuel ${example.year}`);
            expect(text).toMatch(/\d+ indicateurs? atteints? sur \d+/);
            expect(text).toContain('Points pour le comité de suivi');
            expect(text).toContain('Données du graphique');
            // Labels, never the source's identifiers.
            for (const id of example.ids) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
        }
        expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
        const zip = await JSZip.loadAsync(readFileSync(path.resolve(ROOT, base('docx'))));
        const body = plain(await zip.file('word/document.xml')!.async('string'));
        expect(body).toContain('Modulation des financements');
        expect(Object.keys(zip.files).some(f => f.startsWith('word/media/') && f.endsWith('.png')), 'charts rasterised').toBe(true);
        // "Page X sur Y" at the foot of each page, in Word as in the PDF (a report of several pages read in comité).
        const footers = await Promise.all(Object.keys(zip.files).filter(f => /^word\/footer\d*\.xml$/.test(f)).map(f => zip.file(f)!.async('string')));
        expect(footers.some(f => f.includes('NUMPAGES') && f.includes('Page '))).toBe(true);
        expect(html).toContain('content: "Page " counter(page) " sur " counter(pages)');
        const json = JSON.parse(readFileSync(path.resolve(ROOT, base('json')), 'utf8'));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    });

    it('gives the headline, the modulation steps and, in year 3, the revue à mi-parcours', async () => {
        const contract = path.join('examples', 'ehpad-ivter', 'cpom-ehpad-dordogne.cpom');
        const latest = await runCpom(['suivi', contract, '-f', 'md', '-o', path.join(work, 'headline')], ROOT);
        const md = plain(readFileSync(path.resolve(ROOT, latest.stdout.trim()), 'utf8'));
        expect(md).toContain('6 indicateurs atteints sur 8 ; modulation de 20 584,69 € sur les financements de 2023.');
        expect(md).toContain('Pourcentage de minoration : ½ × 3,3 % = 1,65 %');
        // "aucun", never "0 indicateur"; the establishment and the line of a calculation apart, as their names hold commas.
        expect(md).not.toMatch(/\b0 (indicateur|établissement)/);
        expect(md).toMatch(/aucun indicateur (en retard|en écart|sans valeur)/);
        expect(md).toMatch(/Calcul : EHPAD [^\n—]+ — Forfait global relatif/);
        expect(md).not.toContain('Revue à mi-parcours');
        const year3 = await runCpom(['suivi', contract, path.join('examples', 'ehpad-ivter', 'suivi-2021.cpom'), '--annee', '2021', '-f', 'md', '-o', path.join(work, 'year3')], ROOT);
        expect(year3.code, year3.stderr).toBe(0);
        expect(plain(readFileSync(path.resolve(ROOT, year3.stdout.trim()), 'utf8'))).toContain('Revue à mi-parcours');
    });

    it('refuses bad usage with a French message and writes nothing', async () => {
        const contract = path.join('examples', 'ehpad-ivter', 'cpom-ehpad-dordogne.cpom');
        const out = path.join(work, 'refused');
        const noYear = await runCpom(['suivi', contract, '--annee', '2030', '-o', out], ROOT);
        expect(noYear.code).toBe(2);
        expect(noYear.stderr).toContain('aucun suivi de l\'année 2030 pour ce contrat (années trouvées : 2021, 2022)');
        expect((await runCpom(['suivi', contract, '--annee', 'deux', '-o', out], ROOT)).stderr).toContain('année impossible');
        expect((await runCpom(['suivi', 'examples/ehpad-ivter/suivi-2022.cpom', '-o', out], ROOT)).stderr).toContain('aucun contrat dans');
        expect(existsSync(out)).toBe(false);
    });

    it('--lang en: English messages, the report in French (said), no crash', async () => {
        const contract = path.join('examples', 'ehpad-ivter', 'cpom-ehpad-dordogne.cpom');
        const written = await runCpom(['suivi', contract, '--lang', 'en', '-f', 'md', '-o', path.join(work, 'english')], ROOT);
        expect(written.code, written.stderr).toBe(0);
        expect(written.stderr).toContain('the report is written in French');
        expect(readFileSync(written.stdout.trim(), 'utf8')).toContain('Rapport de suivi annuel 2022');
        const refused = await runCpom(['suivi', contract, '--lang', 'en', '--annee', '2030', '-o', path.join(work, 'english-refused')], ROOT);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('no follow-up of year 2030 for this contract (years found: 2021, 2022)');
        const imported = await runCpom(['suivi', 'importer', 'nothing.csv', '--contrat', contract, '--annee', '2022', '--lang', 'en', '-o', path.join(work, 'english-import.cpom')], ROOT);
        expect(imported.code).toBe(2);
        expect(imported.stderr).toMatch(/^cpom: .*nothing\.csv/m);
    });

    it('refuses a broken follow-up without --force, and writes it with --force without undefined', async () => {
        const dir = path.join(work, 'broken');
        cpSync(path.join(ROOT, 'examples/ehpad-ivter/cpom-ehpad-dordogne.cpom'), path.join(dir, 'contrat.cpom'));
        writeFileSync(path.join(dir, 'suivi-2022.cpom'), [
            'importe "contrat.cpom"',
            'suivi_annuel du contrat CPOM_EHPAD_JARDINS_PERIGORD_2019 annee 2022 {',
            '    indicateur OCC_HP: 95,1 % source "<script>x</script>"',
            '    indicateur INCONNU: 3',
            '    indicateur OCC_AJ:',
            '    activite EHPAD_BERGERAC { taux_occupation }',
            '    recu FGS:',
            '}',
        ].join('\n'));
        const refused = await runCpom(['suivi', 'contrat.cpom', '-f', 'md', '-o', 'out'], dir);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('--force');
        expect(existsSync(path.join(dir, 'out'))).toBe(false);
        const forced = await runCpom(['suivi', 'contrat.cpom', '-f', 'html,md', '-o', 'out', '--force'], dir);
        expect(forced.code, forced.stderr).toBe(0);
        for (const file of forced.stdout.trim().split('\n')) {
            const text = readFileSync(path.join(dir, file), 'utf8');
            expect(text).not.toMatch(/undefined|NaN|<script/);
        }
    });

    it.runIf(hasPdfTools)('prints the report to PDF', async () => {
        const run = await runCpom(['suivi', path.join('examples', 'ehpad-ivter', 'cpom-ehpad-dordogne.cpom'), '-f', 'pdf', '-o', path.join(work, 'pdf')], ROOT);
        expect(run.code, run.stderr).toBe(0);
        const text = plain(execFileSync('pdftotext', [path.resolve(ROOT, run.stdout.trim()), '-'], { encoding: 'utf8' }));
        expect(text).toContain('Rapport de suivi annuel 2022');
        expect(text).toContain('Modulation des financements');
        expect(text).toContain('20 584,69 €');
    });
});

describe('report renderers (library)', () => {
    it('escape every user string, in the text and in the charts', () => {
        const evil = '<script>alert("x")</script> & *gras* | [lien](http://x)';
        const chart = lineChart({ targets: [{ year: 2020, value: 1 }, { year: 2022, value: 3 }], values: [{ year: 2021, value: 2 }], unit: '<%>', title: evil });
        const report: FollowUpReport = {
            lang: 'fr', heading: 'Rapport de suivi annuel 2022', title: evil, subtitle: evil,
            sections: [{
                kind: 'section', title: evil, blocks: [
                    { kind: 'paragraph', text: evil }, { kind: 'list', items: [evil] },
                    { kind: 'table', caption: evil, columns: [{ label: evil }], rows: [[evil]] },
                    { kind: 'figure', caption: evil, alt: evil, svg: chart.svg, width: chart.width, height: chart.height, data: { kind: 'table', caption: evil, columns: [{ label: 'Année' }], rows: [['2021']] } },
                ],
            }],
        };
        expect(renderFollowUpHtml(report)).not.toContain('<script');
        expect(chart.svg).not.toContain('<script');
        expect(chart.svg).not.toContain('<%>');
        const md = renderFollowUpMarkdown(report);
        expect(md).not.toContain('<script');
        expect(md).not.toMatch(/(?<!\\)\[lien\]/);
    });
});
