/**
 * The follow-up model (packages/language/src/model/follow-up.ts, indicator-status.ts, modulation.ts): targets of a
 * year and statuses on hand-made trajectories, then the modulation of every bundled example checked against a
 * calculation done by hand here, per establishment, for the EHPAD regulatory formulas (R.314-160, R.314-174) and
 * the contractual one (R.314-43-2).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ast, contractualModulation, ehpadModulation, type FollowUp, followUpOf, indicatorStatus, perimeterInYear, targetForYear, type TrajectoryInput } from '@cpom/language';
import { createServices, loadWorkspace } from '../packages/cli/src/workspace.js';
import { filesUnder, ROOT } from './helpers.js';

async function followUpOfFile(relative: string): Promise<FollowUp> {
    const services = createServices();
    const file = path.join(ROOT, relative);
    const workspace = await loadWorkspace(services, [file]);
    const loaded = workspace.files.find(f => f.path === file)!;
    const root = loaded.document.parseResult.value as ast.CpomFile;
    const node = root.elements.find(ast.isSuiviAnnuel)!;
    return followUpOf(node, services.Cpom.cpom.WorkspaceIndex);
}

const rising: TrajectoryInput = { baseline: { year: 2017, value: 94.1 }, targets: [{ year: 2019, value: 95 }, { year: 2020, value: 95.5 }, { year: 2021, value: 96 }], direction: 'hausse' };

describe('target of a year and status', () => {
    it('reads the written target, interpolates between points, keeps the last one after', () => {
        expect(targetForYear(rising, 2020)).toEqual({ year: 2020, value: 95.5, origin: 'ecrite' });
        expect(targetForYear(rising, 2018)).toEqual({ year: 2018, value: 94.55, origin: 'interpolee' }); // 94,1 + (95 − 94,1) / 2
        expect(targetForYear(rising, 2023)).toEqual({ year: 2023, value: 96, origin: 'prolongee' });
        expect(targetForYear(rising, 2016)).toBeUndefined();
        expect(targetForYear({ targets: [] }, 2020)).toBeUndefined();
    });

    it('atteint at the target, en retard between last year and the target, en écart beyond', () => {
        expect(indicatorStatus(rising, 2021, 96).status).toBe('atteint');
        expect(indicatorStatus(rising, 2021, 95.7).status).toBe('en_retard'); // ≥ 95,5 (2020 target)
        expect(indicatorStatus(rising, 2021, 95.4).status).toBe('en_ecart');
        const falling: TrajectoryInput = { baseline: { year: 2019, value: 10.4 }, targets: [{ year: 2021, value: 10.1 }, { year: 2022, value: 9.8 }], direction: 'baisse' };
        expect(indicatorStatus(falling, 2022, 9.7).status).toBe('atteint');
        expect(indicatorStatus(falling, 2022, 10).status).toBe('en_retard');
        expect(indicatorStatus(falling, 2022, 10.2).status).toBe('en_ecart');
        expect(indicatorStatus(falling, 2021, 10.2).status).toBe('en_retard'); // the trajectory in 2020: 10,25 (baseline 2019 → 2021 target)
        expect(indicatorStatus(falling, 2021, 10.3).status).toBe('en_ecart');
        const flat: TrajectoryInput = { targets: [{ year: 2021, value: 45 }], direction: 'maintien' };
        expect(indicatorStatus(flat, 2021, 45.5).status).toBe('atteint');
        expect(indicatorStatus(flat, 2021, 43).status).toBe('en_retard');
        expect(indicatorStatus(flat, 2021, 40).status).toBe('en_ecart');
        expect(indicatorStatus({ targets: [] }, 2021, 1).status).toBe('sans_cible');
    });
});

describe('modulation formulas', () => {
    it('EHPAD: ½ × (seuil − taux) of the forfait, nothing at or above the threshold, nothing for 2017', () => {
        const m = ehpadModulation({ kind: 'ehpad-soins', occupancy: 91.7, threshold: 95, baseCents: 100_000_00, appliedYear: 2023 });
        expect(m.ratePercent).toBe(1.65);
        expect(m.amountCents).toBe(1_650_00);
        expect(m.steps.map(s => s.key)).toEqual(['measure', 'threshold', 'gap', 'rate', 'base', 'amount']);
        expect(ehpadModulation({ kind: 'ehpad-soins', occupancy: 95, threshold: 95, baseCents: 100, appliedYear: 2023 }).applies).toBe(false);
        expect(ehpadModulation({ kind: 'ehpad-dependance', occupancy: 80, threshold: 95, baseCents: 100, appliedYear: 2017 }).amountCents).toBe(0);
    });

    it('contractual: abattement × gap, in points for a rate, relative for a count', () => {
        expect(contractualModulation({ measure: 93, target: 95, isRate: true, abattement: 50, baseCents: 1_000_000_00, appliedYear: 2023 }).amountCents).toBe(10_000_00);
        const count = contractualModulation({ measure: 150, target: 160, isRate: false, abattement: 30, baseCents: 1_000_000_00, appliedYear: 2023 });
        expect(count.ratePercent).toBe(1.875); // 30 % × 10 / 160
        expect(count.amountCents).toBe(18_750_00);
        expect(contractualModulation({ measure: 161, target: 160, isRate: false, abattement: 30, baseCents: 100, appliedYear: 2023 }).applies).toBe(false);
    });
});

describe('bundled follow-ups, checked by hand', () => {
    it('EHPAD 2022: Bergerac at 91,7 % for a threshold of 95 % reduces its 2023 forfaits soins and dépendance', async () => {
        const f = await followUpOfFile('examples/ehpad-ivter/suivi-2022.cpom');
        const bergerac = f.modulations.filter(m => m.establishment?.name === 'EHPAD_BERGERAC');
        // Soins: FGS 2023 = 2 644 153,60 €; Bergerac's share of the 2019 distribution: 781 904,12 € / 2 470 000 €.
        // Base: 2 644 153,60 × 781 904,12 / 2 470 000 = 837 034,25 €; ½ × (95 − 91,7) = 1,65 %; 837 034,25 × 1,65 % = 13 811,07 €.
        const soins = bergerac.find(m => m.article === 'R.314-160')!;
        expect(soins.appliedYear).toBe(2023);
        expect(soins.calculation.ratePercent).toBe(1.65);
        expect(soins.calculation.amountCents).toBe(13_811_07);
        // Dépendance: FGD 2023 = 1 261 419,30 €; share 386 114,20 € / 1 186 420 € → 410 522,33 €; × 1,65 % = 6 773,62 €.
        const dependance = bergerac.find(m => m.article === 'R.314-174')!;
        expect(dependance.calculation.amountCents).toBe(6_773_62);
        // Périgueux: 28 250 days / (80 places × 365) = 96,75 %; Sarlat: 19 120 / (54 × 365) = 97,01 %: no reduction.
        const perigueux = f.activities.find(a => a.establishment?.name === 'EHPAD_PERIGUEUX')!;
        expect(perigueux.occupancy).toBe(96.75);
        expect(perigueux.occupancyOrigin).toBe('calcule');
        expect(f.activities.find(a => a.establishment?.name === 'EHPAD_SARLAT')!.occupancy).toBe(97.01);
        expect(f.modulations.filter(m => m.establishment?.name !== 'EHPAD_BERGERAC').every(m => m.calculation.amountCents === 0)).toBe(true);
        expect(f.summary.modulationCents).toBe(13_811_07 + 6_773_62);
        expect(f.summary.establishmentsBelowThreshold).toBe(1);
        // OCC_HP 95,1 % for a 2022 target of 96,5 % (96 % in 2021): en écart; ABS 11,4 % for 9,5 % (10 % in 2021): en écart.
        expect(f.indicators.filter(i => i.status === 'en_ecart').map(i => i.name).sort()).toEqual(['ABS', 'OCC_HP']);
        expect(f.summary).toMatchObject({ indicators: 8, withValue: 8, atteint: 6, enEcart: 2, sansValeur: 0 });
    });

    it('EHPAD 2021: every indicator atteint, no reduction', async () => {
        const f = await followUpOfFile('examples/ehpad-ivter/suivi-2021.cpom');
        expect(f.summary).toMatchObject({ indicators: 8, atteint: 8, modulationCents: 0, establishmentsBelowThreshold: 0 });
        expect(f.cnr[0]).toMatchObject({ spentCents: 18_000_00, grantedCents: 18_000_00, overspent: false });
    });

    it('handicap 2022: 150 persons for a target of 160 reduce the 2023 dotation globalisée commune (R.314-43-2, 30 % of the gap)', async () => {
        const f = await followUpOfFile('examples/handicap-conjoint/suivi-2022.cpom');
        // Gap (160 − 150) / 160 = 6,25 %; 30 % × 6,25 % = 1,875 %. DGC 2023 = 8 187 189,21 €, split as in 2021 (sum 8 010 000 €):
        // IME 3 104 612,40 → 3 173 289,53 €, × 1,875 % = 59 499,18 €; SESSAD 758 905,85 → 775 693,61 €, → 14 544,26 €;
        // MAS 4 146 481,75 → 4 238 206,07 €, → 79 466,36 €.
        const byEstablishment = Object.fromEntries(f.modulations.map(m => [m.establishment?.name, m.calculation.amountCents]));
        expect(byEstablishment).toEqual({ IME_REZE: 59_499_18, SESSAD_REZE: 14_544_26, MAS_SAINT_NAZAIRE: 79_466_36 });
        expect(f.modulations.every(m => m.article === 'R.314-43-2' && m.calculation.ratePercent === 1.875)).toBe(true);
        expect(f.activities.find(a => a.establishment?.name === 'MAS_SAINT_NAZAIRE')!.belowThreshold).toBe(true);
        expect(f.indicators.find(i => i.name === 'FILE_ACTIVE')!.status).toBe('en_ecart');
    });
});

describe('bundled follow-ups of an amended contract, checked by hand', () => {
    it('Val de Loire 2022: Loches at 92,4 % reduces its 2023 forfaits, on the amounts of avenant n° 1', async () => {
        const f = await followUpOfFile('examples/avenants-modificatifs/suivi-2022.cpom');
        const loches = f.modulations.filter(m => m.establishment?.name === 'EHPAD_LOCHES');
        // ½ × (95 − 92,4) = 1,3 %. Soins 2023 as amended by avenant n° 1: 2 416 355,31 € (the contract said 2 379 995,31 €);
        // Loches's share of the 2020 distribution: 990 000 € / 2 310 000 € → 1 035 580,85 €; × 1,3 % = 13 462,55 €.
        const soins = loches.find(m => m.article === 'R.314-160')!;
        expect(soins.calculation.ratePercent).toBe(1.3);
        expect(soins.calculation.amountCents).toBe(13_462_55);
        // Dépendance 2023 (not amended): 932 422,41 € × 388 000 € / 905 000 € = 399 756,79 €; × 1,3 % = 5 196,84 €.
        expect(loches.find(m => m.article === 'R.314-174')!.calculation.amountCents).toBe(5_196_84);
        expect(f.modulations.filter(m => m.establishment?.name === 'EHPAD_AMBOISE').every(m => m.calculation.amountCents === 0)).toBe(true);
        expect(f.summary).toMatchObject({ indicators: 2, atteint: 1, enEcart: 1, establishmentsBelowThreshold: 1, modulationCents: 13_462_55 + 5_196_84 });
        // Received as planned once the avenant is applied: 2 392 431 € (contract: 2 356 431 €) and 923 190,50 €.
        expect(f.received.map(r => [r.plannedCents, r.receivedCents, r.differenceCents])).toEqual([[2_392_431_00, 2_392_431_00, 0], [923_190_50, 923_190_50, 0]]);
    });

    it('Val de Loire: the period runs to 2024 once avenant n° 2 is loaded (its `fin`), so 2022 is year 3 of 5', async () => {
        const services = createServices();
        const workspace = await loadWorkspace(services, filesUnder(path.join(ROOT, 'examples/avenants-modificatifs'), '.cpom'));
        const file = workspace.files.find(f => f.path.endsWith('suivi-2022.cpom'))!;
        const node = (file.document.parseResult.value as ast.CpomFile).elements.find(ast.isSuiviAnnuel)!;
        expect(followUpOf(node, services.Cpom.cpom.WorkspaceIndex).period).toMatchObject({ firstYear: 2020, lastYear: 2024 });
    });

    it('Val de Loire 2024: the target of the year is the one avenant n° 2 writes (97,5 %), not the last of the contract', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'cpom-suivi-2024-'));
        try {
            cpSync(path.join(ROOT, 'examples/avenants-modificatifs'), dir, { recursive: true });
            writeFileSync(path.join(dir, 'suivi-2024.cpom'), 'importe "cpom-ehpad-val-de-loire.cpom"\nimporte "avenant-2.cpom"\n\n'
                + 'suivi_annuel du contrat CPOM_EHPAD_VAL_DE_LOIRE_2020 annee 2024 {\n    indicateur OCCUPATION: 97,2 %\n    indicateur ABSENCES: 8 %\n}\n');
            const services = createServices();
            const workspace = await loadWorkspace(services, [path.join(dir, 'suivi-2024.cpom')]);
            const node = (workspace.files.find(f => f.path.endsWith('suivi-2024.cpom'))!.document.parseResult.value as ast.CpomFile).elements.find(ast.isSuiviAnnuel)!;
            const occupation = followUpOf(node, services.Cpom.cpom.WorkspaceIndex).indicators.find(i => i.name === 'OCCUPATION')!;
            expect(occupation.target).toMatchObject({ value: 97.5 });
            expect(occupation.status).toBe('en_retard');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('Val de Loire 2021: on track, the forfait soins planned is the amended one from July 2021', async () => {
        const f = await followUpOfFile('examples/avenants-modificatifs/suivi-2021.cpom');
        expect(f.summary).toMatchObject({ indicators: 2, atteint: 2, modulationCents: 0, establishmentsBelowThreshold: 0 });
        expect(f.received[0]).toMatchObject({ plannedCents: 2_351_100_00, differenceCents: 0 });
    });
});

describe('perimeter of a year, avenants included', () => {
    it('adds an establishment from the year of its avenant, retires one on 1 January for the whole year', async () => {
        const services = createServices();
        const workspace = await loadWorkspace(services, filesUnder(path.join(ROOT, 'examples/avenant-catalogue'), '.cpom'));
        const contract = workspace.files.flatMap(f => (f.document.parseResult.value as ast.CpomFile).elements).find(ast.isContrat)!;
        const avenants = services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract);
        const names = (year: number) => [...perimeterInYear(contract, avenants, year)].map(e => e.name).sort();
        expect(names(2020)).toEqual(['IME_DIJON', 'ITEP_BEAUNE', 'SESSAD_DIJON']);
        expect(names(2021)).toEqual(['IME_DIJON', 'ITEP_BEAUNE', 'SAMSAH_DIJON', 'SESSAD_DIJON']);
        expect(names(2024)).toEqual(['IME_DIJON', 'SAMSAH_DIJON', 'SESSAD_DIJON']); // avenant 2 retires the ITEP on 2024-01-01
    });
});

