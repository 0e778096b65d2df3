/**
 * `cpom suivi importer FILE --contrat C --annee N`: a CSV and an XLSX made as a user would (French headers, a row
 * that matches nothing, "96,5 %", a cell formatted as a percentage) import to the expected follow-up file, which
 * `cpom check` reads without error; bad input gets a French error with its place and nothing is written.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCpom } from './cli-run.js';
import { checkFiles, ROOT } from './helpers.js';

let work: string;
beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'cpom-suivi-import-'));
    cpSync(path.join(ROOT, 'examples/ehpad-ivter/cpom-ehpad-dordogne.cpom'), path.join(work, 'contrat.cpom'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CSV = [
    'Indicateur;Valeur réalisée;Source;Commentaire',
    'Taux d\'occupation de l\'hébergement permanent;96,5 %;ERRD 2022;"Rénovation; chambres fermées"',
    'Indicateur inventé;12;;',
    'OCC_AJ;74,2;ERRD 2022;',
    'Personnes accueillies en hébergement temporaire;58;Rapport d\'activité 2022;',
    '',
].join('\r\n');

describe('cpom suivi importer', () => {
    it('imports a CSV with French headers and numbers, and reports the row that matches nothing', async () => {
        writeFileSync(path.join(work, 'valeurs.csv'), CSV);
        const run = await runCpom(['suivi', 'importer', 'valeurs.csv', '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'suivi-csv.cpom'], work);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('« valeurs.csv », ligne 3 : « Indicateur inventé » ne correspond à aucun indicateur ni établissement du contrat');
        const text = readFileSync(path.join(work, 'suivi-csv.cpom'), 'utf8');
        expect(text).toContain('importe "contrat.cpom"');
        expect(text).toContain('suivi_annuel du contrat CPOM_EHPAD_JARDINS_PERIGORD_2019 annee 2022 {');
        expect(text).toContain('    indicateur OCC_HP: 96,5 % source "ERRD 2022" commentaire "Rénovation; chambres fermées"\n');
        expect(text).toContain('    indicateur OCC_AJ: 74,2 % source "ERRD 2022"\n');
        expect(text).toContain('    indicateur PERSONNES_HT: 58 source "Rapport d\'activité 2022"\n');
        const errors = [...(await checkFiles([path.join(work, 'suivi-csv.cpom')])).values()].flat().filter(d => d.severity === 'error');
        expect(errors).toEqual([]);
    });

    it('imports an XLSX: indicator rows, establishment rows by title or FINESS, a cell formatted as a percentage', async () => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Suivi 2022');
        sheet.addRow(['Indicateur', 'Établissement', 'Valeur', 'Journées réalisées', 'Taux d\'occupation', 'File active', 'Commentaire']);
        sheet.addRow(['Taux d\'absentéisme (hors formation)', null, 11.4, null, null, null, 'Épidémie hivernale']);
        sheet.addRow([null, 'EHPAD Les Tilleuls, Périgueux', null, 28250, null, 115, null]);
        const rate = sheet.addRow([null, '240 999 029', null, null, 0.917, 80, 'Rénovation']);
        rate.getCell(5).numFmt = '0.0%';
        sheet.addRow([null, 'EHPAD de nulle part', null, 1000, null, null, null]);
        await workbook.xlsx.writeFile(path.join(work, 'valeurs.xlsx'));
        const run = await runCpom(['suivi', 'importer', 'valeurs.xlsx', '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'suivi-xlsx.cpom'], work);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('ligne 5 : « EHPAD de nulle part » ne correspond à aucun');
        const text = readFileSync(path.join(work, 'suivi-xlsx.cpom'), 'utf8');
        expect(text).toContain('    indicateur ABS: 11,4 % commentaire "Épidémie hivernale"\n');
        expect(text).toContain('    activite EHPAD_PERIGUEUX {\n        journees_realisees 28250\n        file_active 115\n    }');
        expect(text).toContain('    activite EHPAD_BERGERAC {\n        taux_occupation 91,7 %\n        file_active 80\n        commentaire "Rénovation"\n    }');
        const errors = [...(await checkFiles([path.join(work, 'suivi-xlsx.cpom')])).values()].flat().filter(d => d.severity === 'error');
        expect(errors).toEqual([]);
    });

    it('imports CNR spent and amounts received from their own columns (CSV), by title or identifier', async () => {
        writeFileSync(path.join(work, 'montants.csv'), [
            'Indicateur;CNR;Financement;Valeur;CNR dépensés;Montant reçu',
            'OCC_HP;;;95,1 %;;',
            ';Équipement de télémédecine;;;17 500 €;',
            ';;Forfait global relatif aux soins;;;2 612 800,00 €',
            ';;fgd;;;1248930,5',
            ';CNR inventé;;;1 000;',
            '',
        ].join('\n'));
        const run = await runCpom(['suivi', 'importer', 'montants.csv', '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'suivi-montants.cpom'], work);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('« montants.csv », ligne 6 : « CNR inventé » ne correspond à aucun');
        expect(run.stderr).toContain('1 valeur d\'indicateur, 0 activité et 3 montants importés, 1 ligne sans correspondance');
        const text = readFileSync(path.join(work, 'suivi-montants.cpom'), 'utf8');
        expect(text).toContain([
            '    indicateur OCC_HP: 95,1 %', '', '    cnr "Équipement de télémédecine" depense 17 500 €',
            '    recu FGS: 2 612 800 €', '    recu FGD: 1 248 930,50 €', '}',
        ].join('\n'));
        const diagnostics = [...(await checkFiles([path.join(work, 'suivi-montants.cpom')])).values()].flat();
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        // FGD planned at 1 248 930 € for 2022: the 50 cents are a difference (CPOM141), FGS matches.
        expect(diagnostics.filter(d => d.code === 'CPOM141').map(d => d.message)).toEqual([
            expect.stringContaining('reçus en 2022 pour 1\u202F248\u202F930'),
        ]);
    });

    it('imports CNR spent and amounts received from an XLSX (cells formatted as euros)', async () => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Financements 2022');
        sheet.addRow(['Ligne de financement', 'Intitulé du CNR', 'Montant perçu', 'Dépenses']);
        const received = sheet.addRow(['FGS', null, 2612800, null]);
        received.getCell(3).numFmt = '#,##0 "€"';
        const spent = sheet.addRow([null, 'equipement de telemedecine', null, 17500.5]);
        spent.getCell(4).numFmt = '#,##0.00 "€"';
        sheet.addRow(['Dotation inventée', null, 1000, null]);
        await workbook.xlsx.writeFile(path.join(work, 'montants.xlsx'));
        const run = await runCpom(['suivi', 'importer', 'montants.xlsx', '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'suivi-montants-xlsx.cpom'], work);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('ligne 4 : « Dotation inventée » ne correspond à aucun');
        const text = readFileSync(path.join(work, 'suivi-montants-xlsx.cpom'), 'utf8');
        expect(text).toContain('suivi_annuel du contrat CPOM_EHPAD_JARDINS_PERIGORD_2019 annee 2022 {\n    recu FGS: 2 612 800 €\n    cnr "Équipement de télémédecine" depense 17 500,50 €\n}');
        const errors = [...(await checkFiles([path.join(work, 'suivi-montants-xlsx.cpom')])).values()].flat().filter(d => d.severity === 'error');
        expect(errors).toEqual([]);
    });

    it('refuses bad input with its place and writes nothing', async () => {
        const refuse = async (name: string, content: string, args: string[] = [], expected: string) => {
            writeFileSync(path.join(work, name), content);
            const run = await runCpom(['suivi', 'importer', name, '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'refuse.cpom', ...args], work);
            expect(run.code, run.stderr).toBe(2);
            expect(run.stderr).toContain(expected);
            expect(existsSync(path.join(work, 'refuse.cpom'))).toBe(false);
        };
        await refuse('colonnes.csv', 'Nom;Chiffre\nA;1\n', [], '« colonnes.csv », ligne 1 : aucune colonne reconnue');
        await refuse('texte.csv', 'Indicateur;Valeur\nOCC_HP;95,1 %\nABS;beaucoup\n', [], '« texte.csv », ligne 3, colonne Valeur : « beaucoup » n\'est pas un nombre');
        await refuse('annee.csv', CSV, ['--annee', '2031'], '--annee 2031 : hors de la période du contrat « contrat.cpom » (2019-2023)');
        await refuse('format.ods', 'x', [], 'format non pris en charge');
        await refuse('montant.csv', 'Financement;Montant reçu\nFGS;2 600 000 €\nFGD;environ 1 M€\n', [], '« montant.csv », ligne 3, colonne Montant reçu : « environ 1 M€ » n\'est pas un nombre');
        writeFileSync(path.join(work, 'existe.cpom'), '// à garder\n');
        const kept = await runCpom(['suivi', 'importer', 'valeurs.csv', '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'existe.cpom'], work);
        expect(kept.code).toBe(2);
        expect(kept.stderr).toContain('« existe.cpom » existe déjà : --force pour le remplacer');
        expect(readFileSync(path.join(work, 'existe.cpom'), 'utf8')).toBe('// à garder\n');
        const forced = await runCpom(['suivi', 'importer', 'valeurs.csv', '--contrat', 'contrat.cpom', '--annee', '2022', '-o', 'existe.cpom', '--force'], work);
        expect(forced.code).toBe(0);
        expect(readFileSync(path.join(work, 'existe.cpom'), 'utf8')).toContain('suivi_annuel du contrat');
    });
});
