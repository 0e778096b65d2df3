/**
 * `cpom avenant OLD NEW --number N`: the avenant drafted from the substantive changes between two versions of the
 * example contract (examples/avenant-catalogue), read back in Markdown, HTML, DOCX, JSON (and PDF when Chromium
 * is there); hostile names stay escaped; no substantive change, no avenant.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAvenantDocument, diffContracts, draftAvenant, groupChanges, NoSubstantiveChangeError } from '@cpom/diff';
import { renderMarkdown } from '@cpom/generator';
import { exportVersion } from '../packages/cli/src/diff-command.js';
import { findChromium } from '../packages/cli/src/pdf.js';
import { ROOT } from './helpers.js';
import { runCpom } from './cli-run.js';

const EXAMPLE = path.join(ROOT, 'examples/avenant-catalogue');
const FILES = ['cpom-les-sources.cpom', 'catalogue-anap.cpom', 'referentiel-cote-dor.cpom'];
const NAME = 'AVENANT_3_CPOM_LES_SOURCES_2019';

async function cpom(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return runCpom(args, cwd);
}

/** Text as a reader sees it: no-break spaces as spaces, Markdown escapes removed. */
function plain(value: string): string {
    return value.replace(/[\u00A0\u202F]/g, ' ').replace(/\\([\\`*_[\]#|~$+\-.!(){}])/g, '$1');
}

/** A version of the example contract in `dir`, with its imports, edited by `edit`. */
function version(dir: string, edit: (text: string) => string = t => t): string {
    mkdirSync(dir, { recursive: true });
    for (const f of FILES) copyFileSync(path.join(EXAMPLE, f), path.join(dir, f));
    const file = path.join(dir, 'cpom-les-sources.cpom');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return file;
}

function replace(text: string, from: string, to: string): string {
    expect(text, `the example contract contains: ${from}`).toContain(from);
    return text.replace(from, to);
}

/** A SESSAD enters the perimeter (FINESS, capacity) and the dotation, three targets and one amount change. */
function amend(text: string, title = 'SESSAD Les Sources, Beaune'): string {
    let t = replace(text, '        service SESSAD_DIJON', `        service SESSAD_BEAUNE "${title}" {
            finess 210999058
            catégorie SESSAD 182
            département 21
            capacité places_de_service 15 places
            tarification COTE_DOR.ARS_BFC
        }
        service SESSAD_DIJON`);
    t = replace(t, 'cibles 2019: 35, 2020: 28, 2021: 20, 2022: 15, 2023: 10', 'cibles 2019: 35, 2020: 28, 2021: 18, 2022: 12, 2023: 8');
    t = replace(t, '2021: 5 732 962 €', '2021: 5 892 962 €');
    t = replace(t, 'établissements COTE_DOR.IME_DIJON, ITEP_BEAUNE, SESSAD_DIJON\n            montants', 'établissements COTE_DOR.IME_DIJON, ITEP_BEAUNE, SESSAD_DIJON, SESSAD_BEAUNE\n            montants');
    return t;
}

let work: string;
let oldFile: string;
let newFile: string;

beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'cpom-avenant-'));
    oldFile = version(path.join(work, 'v1'));
    newFile = version(path.join(work, 'v2'), t => amend(t));
});

describe('cpom avenant: the drafted avenant', () => {
    let run: Awaited<ReturnType<typeof cpom>>;
    let md: string;
    let html: string;

    beforeAll(async () => {
        run = await cpom(['avenant', 'v1/cpom-les-sources.cpom', 'v2/cpom-les-sources.cpom', '--number', '3', '--format', 'md,html,docx,json', '--effet', '2021-01-01', '--out', 'out'], work);
        md = plain(readFileSync(path.join(work, 'out', `${NAME}.md`), 'utf8'));
        html = readFileSync(path.join(work, 'out', `${NAME}.html`), 'utf8');
    });

    it('writes every format atomically as AVENANT_<N>_<CONTRACT>.<ext>', () => {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout.trim().split('\n')).toEqual(['md', 'html', 'docx', 'json'].map(ext => path.join('out', `${NAME}.${ext}`)));
        expect(readdirSync(path.join(work, 'out')).sort()).toEqual(['docx', 'html', 'json', 'md'].map(ext => `${NAME}.${ext}`));
    });

    it('has the title page, the visas and the préambule of an avenant', () => {
        expect(md).toContain('# Avenant n° 3 au contrat pluriannuel d\'objectifs et de moyens « CPOM de l\'association Les Sources de Bourgogne 2019-2023 »');
        expect(md).toContain('Vu le contrat pluriannuel d\'objectifs et de moyens « CPOM de l\'association Les Sources de Bourgogne 2019-2023 » signé le 20 décembre 2018 ;');
        expect(md).toContain('Vu l\'article L. 313-12-2 du code de l\'action sociale et des familles ;');
        expect(md).toContain('Conformément à l\'article 3 du titre 2 du contrat (révision du contrat et avenants), les parties sont convenues de le modifier');
        expect(md).toContain('- l\'intégration du service « SESSAD Les Sources, Beaune » au périmètre du contrat ;');
    });

    it('has one article per substantive change group, in Titre 1, then the final dispositions in Titre 2', async () => {
        const before = (await exportVersion(oldFile))[0];
        const after = (await exportVersion(newFile))[0];
        const groups = groupChanges(diffContracts(before, after));
        expect(groups.map(g => g.key)).toEqual(['establishment:SESSAD_BEAUNE', 'indicator:SESSAD_ATTENTE/ATTENTE_SESSAD', 'funding']);
        const titre1 = md.slice(md.indexOf('<a id="avenant-modifications">'), md.indexOf('<a id="avenant-dispositions-finales">'));
        expect([...titre1.matchAll(/^### .*Article (\d+) — (.*)$/gm)].map(m => `${m[1]} ${m[2]}`)).toEqual([
            '1 Intégration du service « SESSAD Les Sources, Beaune » au périmètre du contrat',
            '2 Valeurs cibles de l\'indicateur « Enfants en attente d\'une place au SESSAD au 31 décembre »',
            '3 Moyens du contrat',
        ]);
        const titre2 = md.slice(md.indexOf('<a id="avenant-dispositions-finales">'), md.indexOf('<a id="signatures">'));
        expect(titre2).toContain('Article 1 — Entrée en vigueur');
        expect(titre2).toContain('Le présent avenant prend effet le 1er janvier 2021.');
        expect(titre2).toContain('Les autres stipulations du contrat demeurent inchangées.');
    });

    it('words each change in legal French, with the numbers of the contract\'s articles and annexes', () => {
        expect(md).toContain('L\'article 1 du titre 1 du contrat (identification des parties et périmètre du contrat) est modifié comme suit : le service « SESSAD Les Sources, Beaune » (FINESS 210999058, catégorie SESSAD (182), département 21, 15 places, tarifé par « Agence régionale de santé Bourgogne-Franche-Comté ») est ajouté au périmètre du contrat.');
        expect(md).toContain('En conséquence, il est ajouté aux établissements financés par la « Dotation globalisée commune IME, ITEP et SESSAD ».');
        expect(md).toContain('Les valeurs cibles de l\'indicateur « Enfants en attente d\'une place au SESSAD au 31 décembre » (objectif « Réduire l\'attente au SESSAD ») sont modifiées comme suit :');
        expect(md).toContain('| Année | Ancienne cible | Nouvelle cible |');
        for (const row of ['| 2021 | 20 | 18 |', '| 2022 | 15 | 12 |', '| 2023 | 10 | 8 |']) expect(md).toContain(row);
        expect(md).not.toContain('| 2020 | 28 |');
        expect(md).toContain('Le tableau de bord des indicateurs (annexe 3 du contrat)');
        expect(md).toContain('L\'article 4 du titre 1 du contrat (moyens) est modifié comme suit : le montant 2021 de la « Dotation globalisée commune IME, ITEP et SESSAD » est porté de 5 732 962 € à 5 892 962 €.');
    });

    it('replaces the financial annex with the one annexed to the avenant, and annexes the new fiche signalétique', () => {
        expect(md).toContain('L\'annexe financière (annexe 4 du contrat) est remplacée par l\'annexe jointe au présent avenant ([annexe 2](#avenant-annexe-financiere)).');
        expect(md).toContain('## <a id="avenant-annexe-financiere"></a>Annexe 2 — Annexe financière');
        const annex = md.slice(md.indexOf('<a id="avenant-annexe-financiere">'));
        expect(annex).toContain('| Dotation globalisée commune IME, ITEP et SESSAD | 5 620 000 € | 5 676 200 € | 5 892 962 € | 5 790 291,62 € | 5 848 194,54 € |');
        expect(annex).toContain('Répartition 2019 par établissement');
        expect(md).toContain('## <a id="avenant-fiche-signaletique"></a>Annexe 1 — Fiche signalétique des établissements et services ajoutés au périmètre');
        expect(md).toContain('| FINESS établissement | 210999058 |');
    });

    it('has a signature block with every party', () => {
        const signatures = md.slice(md.indexOf('<a id="signatures">'), md.indexOf('<a id="avenant-fiche-signaletique">'));
        expect(signatures).toContain('Fait le …………………, en autant d\'exemplaires originaux que de parties.');
        expect(signatures).toContain('| **Agence régionale de santé Bourgogne-Franche-Comté** | Directeur général de l\'agence régionale de santé |');
        expect(signatures).toContain('| **Association Les Sources de Bourgogne** | Président de l\'association |');
        expect(html).toContain('<section id="signatures" class="signature-section">');
        expect(html).toContain('Association Les Sources de Bourgogne');
    });

    it('renders the same avenant in HTML', () => {
        const text = plain(html.replace(/&#39;/g, '\'').replace(/<[^>]+>/g, ''));
        expect(html).toContain('<p class="doc-kind">Avenant</p>');
        expect(text).toContain('est ajouté au périmètre du contrat.');
        expect(text).toContain('Les autres stipulations du contrat demeurent inchangées.');
        expect(text).toContain('L\'annexe financière (annexe 4 du contrat) est remplacée par l\'annexe jointe au présent avenant (annexe 2).');
        expect(html).toContain('href="#avenant-annexe-financiere"');
    });

    it('writes a Word document', async () => {
        const bytes = readFileSync(path.join(work, 'out', `${NAME}.docx`));
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        const body = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
        const words = plain([...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('').replace(/&apos;/g, '\'').replace(/&amp;/g, '&'));
        expect(words).toContain('Avenant n° 3 au contrat pluriannuel d\'objectifs et de moyens');
        expect(words).toContain('est ajouté au périmètre du contrat');
        expect(words).toContain('Les autres stipulations du contrat demeurent inchangées.');
        expect(words).toContain('Association Les Sources de Bourgogne');
    });

    it('writes the change records and the avenant metadata as JSON', () => {
        const json = JSON.parse(readFileSync(path.join(work, 'out', `${NAME}.json`), 'utf8'));
        expect(json.formatVersion).toBe(1);
        expect(json.avenant.number).toBe(3);
        expect(json.avenant.effectDate).toBe('2021-01-01');
        expect(json.avenant.contract.id).toBe('CPOM_LES_SOURCES_2019');
        expect(json.avenant.object).toMatch(/^L'intégration du service «\u00A0SESSAD Les Sources, Beaune\u00A0» au périmètre du contrat ; la révision/);
        expect(json.avenant.parties.map((p: { id: string }) => p.id)).toEqual(['COTE_DOR.ARS_BFC', 'LES_SOURCES']);
        expect(json.avenant.articles.map((a: { label: string; group: string }) => `${a.label} ${a.group}`)).toEqual([
            'Article 1 establishment:SESSAD_BEAUNE', 'Article 2 indicator:SESSAD_ATTENTE/ATTENTE_SESSAD', 'Article 3 funding',
        ]);
        // Every substantive change is worded by exactly one article.
        const covered = json.avenant.articles.flatMap((a: { changes: number[] }) => a.changes).sort((a: number, b: number) => a - b);
        const substantive = json.changes.map((c: { substantive: boolean }, i: number) => (c.substantive ? i : -1)).filter((i: number) => i >= 0);
        expect(covered).toEqual(substantive);
        expect(json.summary.needsAvenant).toBe(true);
    });
});

describe('cpom avenant: parties, hostile text, refusals', () => {
    it('has an authority that joins the contract sign the avenant', async () => {
        version(path.join(work, 'joins'), t => replace(replace(amend(t),
            '    signataires COTE_DOR.ARS_BFC par "Directeur général de l\'agence régionale de santé",\n        LES_SOURCES',
            '    autorité CD21 département 21 "Département de la Côte-d\'Or"\n    signataires COTE_DOR.ARS_BFC par "Directeur général de l\'agence régionale de santé",\n        CD21 par "Président du conseil départemental",\n        LES_SOURCES'),
        'comité COTE_DOR.ARS_BFC, LES_SOURCES', 'comité COTE_DOR.ARS_BFC, CD21, LES_SOURCES'));
        const run = await cpom(['avenant', 'v1/cpom-les-sources.cpom', 'joins/cpom-les-sources.cpom', '-n', '3', '-f', 'md', '-o', 'out-joins'], work);
        expect(run.code).toBe(0);
        const md = plain(readFileSync(path.join(work, 'out-joins', `${NAME}.md`), 'utf8'));
        expect(md).toContain('« Département de la Côte-d\'Or » (conseil départemental, département 21) devient partie au contrat et en est signataire (qualité du signataire : Président du conseil départemental).');
        expect(md).toContain('Article 1 — Parties et signataires du contrat');
        const signatures = md.slice(md.indexOf('<a id="signatures">'), md.indexOf('<a id="avenant-fiche-signaletique">'));
        for (const party of ['Agence régionale de santé Bourgogne-Franche-Comté', 'Département de la Côte-d\'Or', 'Association Les Sources de Bourgogne']) {
            expect(signatures).toContain(`| **${party}** |`);
        }
        // Without --effet: the first day of the month after its signature.
        expect(md).toContain('Le présent avenant prend effet le premier jour du mois suivant sa signature par l\'ensemble des parties.');
    });

    it('has every authority of the contract sign, even one that is a party but not among its signataires, and lists the gestionnaire last', async () => {
        const withAuthority = (t: string) => replace(t, '    signataires COTE_DOR.ARS_BFC', '    autorité CD21 département 21 "Département de la Côte-d\'Or"\n    signataires COTE_DOR.ARS_BFC');
        version(path.join(work, 'party-before'), withAuthority);
        version(path.join(work, 'party-after'), t => withAuthority(amend(t)));
        const run = await cpom(['avenant', 'party-before/cpom-les-sources.cpom', 'party-after/cpom-les-sources.cpom', '-n', '3', '-f', 'md,html', '-o', 'out-party'], work);
        expect(run.code).toBe(0);
        const md = plain(readFileSync(path.join(work, 'out-party', `${NAME}.md`), 'utf8'));
        const signatures = md.slice(md.indexOf('<a id="signatures">'), md.indexOf('<a id="avenant-fiche-signaletique">'));
        expect(signatures).toContain('| **Département de la Côte-d\'Or** |');
        // Title page: "Entre" the authorities "et" the gestionnaire, as in the contract.
        const titlePage = md.slice(0, md.indexOf('Sommaire'));
        expect(titlePage.indexOf('Département de la Côte-d\'Or')).toBeLessThan(titlePage.indexOf('**ET**'));
        expect(titlePage.indexOf('**ET**')).toBeLessThan(titlePage.indexOf('Association Les Sources de Bourgogne'));
        // The running header of an avenant is short enough for one line: its number and the contract's title.
        const html = readFileSync(path.join(work, 'out-party', `${NAME}.html`), 'utf8');
        expect(html).toMatch(/@top-left \{ content: "Avenant n° 3 — CPOM de l\\27 association Les Sources de Bourgogne 2019\\2d 2023"/);
    });

    it('keeps hostile names escaped (the renderers escape them)', async () => {
        const hostile = 'SESSAD <script>alert(1)</script> <img src=x onerror=alert(2)> *gras* [lien](http://x)';
        version(path.join(work, 'hostile'), t => amend(t, hostile));
        const run = await cpom(['avenant', 'v1/cpom-les-sources.cpom', 'hostile/cpom-les-sources.cpom', '-n', '3', '-f', 'html,md', '-o', 'out-hostile'], work);
        expect(run.code).toBe(0);
        const html = readFileSync(path.join(work, 'out-hostile', `${NAME}.html`), 'utf8');
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img src=x');
        expect(html).toContain('SESSAD &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;');
        const md = readFileSync(path.join(work, 'out-hostile', `${NAME}.md`), 'utf8');
        expect(md).not.toMatch(/<script|<img/);
        expect(md).toContain('\\*gras\\* \\[lien\\]');
    });

    it('exits 1 when there is no substantive change, and writes nothing', async () => {
        version(path.join(work, 'editorial'), t => replace(t, '"CPOM de l\'association Les Sources de Bourgogne 2019-2023"', '"CPOM Les Sources de Bourgogne 2019-2023"'));
        for (const other of ['v1/cpom-les-sources.cpom', 'editorial/cpom-les-sources.cpom']) {
            const run = await cpom(['avenant', 'v1/cpom-les-sources.cpom', other, '-n', '3', '-f', 'md', '-o', 'out-none'], work);
            expect(run.code).toBe(1);
            expect(run.stderr).toBe('cpom: aucun changement de fond : pas d\'avenant à rédiger\n');
        }
        expect(existsSync(path.join(work, 'out-none'))).toBe(false);
    });

    it('refuses a new version with errors unless --force, and exits 2 on usage errors', async () => {
        version(path.join(work, 'broken'), t => replace(amend(t), 'finess 210999058', 'finess 210999059'));
        const refused = await cpom(['avenant', 'v1/cpom-les-sources.cpom', 'broken/cpom-les-sources.cpom', '-n', '3', '-f', 'md', '-o', 'out-broken'], work);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('CPOM041');
        expect(refused.stderr).toContain('--force');
        expect(existsSync(path.join(work, 'out-broken'))).toBe(false);
        const forced = await cpom(['avenant', 'v1/cpom-les-sources.cpom', 'broken/cpom-les-sources.cpom', '-n', '3', '-f', 'md', '-o', 'out-broken', '--force'], work);
        expect(forced.code).toBe(0);
        const usage = [
            ['avenant', 'v1/cpom-les-sources.cpom', 'v2/cpom-les-sources.cpom'],
            ['avenant', 'v1/cpom-les-sources.cpom', 'v2/cpom-les-sources.cpom', '-n', 'trois'],
            ['avenant', 'v1/cpom-les-sources.cpom', 'v2/cpom-les-sources.cpom', '-n', '3', '--effet', '2021-02-30'],
            ['avenant', 'v1/cpom-les-sources.cpom', 'v2/cpom-les-sources.cpom', '-n', '3', '-f', 'odt'],
            ['avenant', 'v1/cpom-les-sources.cpom', 'nowhere.cpom', '-n', '3'],
        ];
        for (const args of usage) expect((await cpom([...args, '-o', 'out-usage'], work)).code, args.join(' ')).toBe(2);
        expect(existsSync(path.join(work, 'out-usage'))).toBe(false);
    });

    it.runIf(findChromium() !== undefined && (() => { try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } })())(
        'prints the avenant to PDF', async () => {
            const run = await cpom(['avenant', 'v1/cpom-les-sources.cpom', 'v2/cpom-les-sources.cpom', '-n', '3', '-f', 'pdf', '-o', 'out-pdf', '--effet', '2021-01-01'], work);
            expect(run.code).toBe(0);
            const content = execFileSync('pdftotext', [path.join(work, 'out-pdf', `${NAME}.pdf`), '-'], { encoding: 'utf8' });
            expect(content).toContain('Avenant n° 3');
            expect(content).toContain('Dispositions finales');
        });
});

describe('buildAvenantDocument (library)', () => {
    it('names the contract\'s articles by title without the contract document, and refuses editorial-only changes', async () => {
        const before = (await exportVersion(oldFile))[0];
        const after = (await exportVersion(newFile))[0];
        const document = buildAvenantDocument(diffContracts(before, after), before, after, { number: 3 });
        expect(document.id).toBe(NAME);
        const md = plain(renderMarkdown(document));
        expect(md).toContain('L\'article « Identification des parties et périmètre du contrat » du contrat est modifié comme suit :');
        expect(md).toContain('L\'annexe financière du contrat est remplacée par l\'annexe jointe au présent avenant');
        expect(() => draftAvenant(diffContracts(before, before), before, before, { number: 3 })).toThrow(NoSubstantiveChangeError);
        expect(() => draftAvenant(diffContracts(before, after), before, after, { number: 0 })).toThrow(RangeError);
    });
});

describe('draftAvenant (robustness)', () => {
    it('drafts an avenant between any two bundled contracts: every substantive change worded, no placeholder text', async () => {
        const files = ['seeds/messidor-2013.cpom', 'examples/avenant-catalogue/cpom-les-sources.cpom', 'examples/ehpad-ivter/cpom-ehpad-dordogne.cpom', 'examples/handicap-conjoint/cpom-estuaire-handicap.cpom'];
        const versions = await Promise.all(files.map(async f => (await exportVersion(path.join(ROOT, f)))[0]));
        for (const before of versions) {
            for (const after of versions) {
                if (before === after) continue;
                const diff = diffContracts(before, after);
                const { document, metadata } = draftAvenant(diff, before, after, { number: 7, effectDate: '2020-01-01' });
                const covered = metadata.articles.flatMap(a => a.changes).sort((a, b) => a - b);
                expect(covered).toEqual(diff.changes.flatMap((c, i) => (c.substantive ? [i] : [])));
                const md = renderMarkdown(document);
                expect(md, `${before.contract.id} → ${after.contract.id}`).not.toMatch(/undefined|\[object Object\]|NaN/);
            }
        }
    });
});
