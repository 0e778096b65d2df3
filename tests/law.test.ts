/**
 * The law registry (packages/language/src/law): texts in force by date, legal frames, departmental authorities and
 * regions by date, and the mapping from the catalogue's legal citations to the registry. Data-driven tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, RULES } from '@cpom/language';
import {
    authorityCovers, DEPARTMENTAL_AUTHORITIES, departmentalAuthorityAt, frameAvailableAt, isIsoDate, isLegalFrame,
    LAW_TEXTS, LEGAL_FRAMES, legalCitationsIn, legalText, regionAt, statusOfText, textInForce, textStatusAt,
    UNSOURCED_CITATIONS, coversTerritory, declaredDepartmentalAuthorities, type AuthorityKind, type LegalFrameName, type LegalText, type LegalTextVersion,
} from '../packages/language/src/law/index.js';

describe('legal frames before and after they came into force', () => {
    const cases: Array<[LegalFrameName, string, string, string]> = [
        // frame, day before, first day, source of the first day
        ['L313-11-1', '2015-12-29', '2015-12-30', 'loi ASV art. 46'],
        ['L313-12-2', '2015-12-31', '2016-01-01', 'LFSS 2016 art. 75'],
        ['L313-12-IVter', '2016-12-31', '2017-01-01', 'loi ASV art. 58'],
        ['L313-11-2', '2018-11-24', '2018-11-25', 'loi ELAN art. 125'],
    ];
    it.each(cases)('%s is not yet available on %s, available from %s (%s)', (frame, before, first) => {
        const earlier = frameAvailableAt(frame, before);
        expect(earlier.status).toBe('not-yet');
        if (earlier.status === 'not-yet') expect(earlier.inForceFrom).toBe(first);
        expect(frameAvailableAt(frame, first).status).toBe('available');
        expect(frameAvailableAt(frame, '2026-12-02').status).toBe('available');
    });

    it('L313-11 is available for a 2013 contract (MESSIDOR) and today', () => {
        expect(frameAvailableAt('L313-11', '2013-01-01').status).toBe('available');
        expect(frameAvailableAt('L313-11', '2026-12-02').status).toBe('available');
    });

    it('every frame of the grammar has a registry text', () => {
        for (const frame of LEGAL_FRAMES) {
            expect(isLegalFrame(frame)).toBe(true);
            expect(frameAvailableAt(frame, '2026-01-01').textId).toMatch(/^CASF:/);
        }
        expect(isLegalFrame('L313-12')).toBe(false);
    });

    it('the frames are those of the grammar', () => {
        const grammar = readFileSync(new URL('../grammar/cpom.langium', import.meta.url), 'utf8');
        const rule = /LegalFrame returns string:\s*([^;]+);/.exec(grammar)?.[1] ?? '';
        expect([...rule.matchAll(/'([^']+)'/g)].map(m => m[1]).sort()).toEqual([...LEGAL_FRAMES].sort());
    });
});

describe('CASF L.313-11 around 4 March 2022', () => {
    it.each([
        ['2022-03-03', false],
        ['2022-03-04', true],
        ['2025-06-30', true],
    ] as const)('on %s the version read with the sixth year is in force: %s', (date, sixth) => {
        const version = textInForce('CASF:L313-11', date);
        expect(version).toBeDefined();
        expect(version?.quote?.includes('sixième année') ?? false).toBe(sixth);
    });

    it('the version before is one whose sixth year is not verified, never a silent "no"', () => {
        const before = textInForce('CASF:L313-11', '2022-03-03');
        expect(before?.from).toBe('2019-07-27');
        expect(before?.confidence).toBe('G');
        expect(before?.note).toMatch(/sixth year is not verified/);
    });

    it('in 2013 the five-year maximum applied without a sixth year', () => {
        const version = textInForce('CASF:L313-11', '2013-01-01');
        expect(version?.summary.en).toMatch(/five years at most; no sixth year/);
    });
});

describe('text status by date', () => {
    it('an attested start gives "unknown" before it, not "not yet"', () => {
        expect(textStatusAt('CASF:R314-43-1', '2010-01-01')).toEqual({ status: 'unknown', attestedFrom: '2019-11-09' });
        expect(textStatusAt('CASF:R314-43-1', '2020-01-01').status).toBe('in-force');
    });
    it('R.314-40 has its 4° (tariff equation) only from 1 January 2017, both versions read in the text', () => {
        expect(textInForce('CASF:R314-40', '2013-01-01')?.quote).not.toMatch(/4°/);
        expect(textInForce('CASF:R314-40', '2013-01-01')?.confidence).toBe('V');
        expect(textInForce('CASF:R314-40', '2017-01-01')?.quote).toMatch(/4° Soit en l'application d'une équation tarifaire/);
        expect(textStatusAt('CASF:R314-40', '2004-10-25')).toMatchObject({ status: 'not-yet', inForceFrom: '2004-10-26' });
    });
    it('the 2017 activity modulation of EHPAD forfaits is suspended, then applies', () => {
        expect(textInForce('CASF:R314-174', '2017-06-30')?.summary.en).toMatch(/not applied for the 2017/);
        expect(textInForce('CASF:R314-174', '2018-01-01')?.summary.en).toMatch(/reduction = ½/);
    });
    it('the forfait global unique experiment applies in its 23 territories from 1 July 2025', () => {
        const version = textInForce('LOI:2023-1250:79', '2025-07-01');
        expect(version?.territories).toHaveLength(23);
        expect(version?.territories).toContain('69M');
        expect(textInForce('LOI:2023-1250:79', '2025-06-30')?.territories).toBeUndefined();
    });
    it.each(['2023-02-29', '2023-13-01', '1er mars 2022', '', '2022-3-4'])('rejects the malformed date %j', date => {
        expect(isIsoDate(date)).toBe(false);
        expect(textInForce('CASF:L313-11', date)).toBeUndefined();
        expect(textStatusAt('CASF:L313-11', date)).toEqual({ status: 'unknown' });
    });
    it('tells a repealed text and a gap between versions from "not yet"', () => {
        const version = (from: string, to?: string): LegalTextVersion => ({
            from: from as LegalTextVersion['from'], to: to as LegalTextVersion['to'], start: 'exact', confidence: 'V',
            enactedBy: 'test', summary: { fr: 'version de test', en: 'test version' }, source: { url: 'https://example.org', retrieved: '2026-12-02' },
        });
        const text: LegalText = {
            id: 'DECRET:test-1', kind: 'decret', title: 'texte de test', titleEn: 'test text',
            versions: [version('2010-01-01', '2011-12-31'), version('2013-01-01', '2014-12-31')],
        };
        expect(statusOfText(text, '2009-12-31')).toMatchObject({ status: 'not-yet', inForceFrom: '2010-01-01', confidence: 'V' });
        expect(statusOfText(text, '2012-06-01')).toEqual({ status: 'unknown' });
        expect(statusOfText(text, '2014-12-31').status).toBe('in-force');
        expect(statusOfText(text, '2015-01-01')).toEqual({ status: 'repealed', until: '2014-12-31', confidence: 'V' });
    });
    it('an unknown text is unknown', () => {
        expect(legalText('CASF:L999-1')).toBeUndefined();
        expect(textStatusAt('CASF:L999-1', '2020-01-01')).toEqual({ status: 'unknown' });
    });
});

describe('every text is dated and sourced, its versions in order', () => {
    it('ids are unique', () => {
        expect(new Set(LAW_TEXTS.map(t => t.id)).size).toBe(LAW_TEXTS.length);
    });
    it.each(LAW_TEXTS.map(t => [t.id, t] as const))('%s', (_id, text) => {
        expect(text.versions.length).toBeGreaterThan(0);
        for (const [index, version] of text.versions.entries()) {
            expect(isIsoDate(version.from), version.from).toBe(true);
            if (version.to !== undefined) {
                expect(isIsoDate(version.to), version.to).toBe(true);
                expect(version.to > version.from, `${version.from}..${version.to}`).toBe(true);
            }
            expect(version.source.url).toMatch(/^(https?:\/\/\S+|seed:\d{3}|seed:DOMAIN\.md#[\d.]+)$/);
            expect(version.source.retrieved).toBe('2026-12-02');
            expect(version.summary.fr.length).toBeGreaterThan(20);
            expect(version.summary.en.length).toBeGreaterThan(20);
            if (version.confidence !== 'V' || version.start === 'attested') expect(version.note, 'say why').toBeTruthy();
            const next = text.versions[index + 1];
            if (next) {
                // Chronological and never overlapping: a version ends before the next begins.
                expect(version.to, 'a version followed by another has an end').toBeDefined();
                expect(version.to! < next.from, `${version.to} < ${next.from}`).toBe(true);
            }
        }
    });
});

describe('departmental competence by date', () => {
    const ids = (code: string, date: string) => departmentalAuthorityAt(code, date).map(a => a.id).sort();
    it.each([
        // code, date, expected authority ids
        ['2A', '2017-12-31', ['CD-2A']],
        ['2A', '2018-01-01', ['CDC']],
        ['2B', '2018-01-01', ['CDC']],
        ['67', '2020-12-31', ['CD-67']],
        ['68', '2021-01-01', ['CEA']],
        ['69', '2014-12-31', ['CD-69']],
        ['69', '2015-01-01', ['CD-69D', 'METROPOLE-LYON']],
        ['69M', '2015-01-01', ['METROPOLE-LYON']],
        ['69D', '2016-06-01', ['CD-69D']],
        ['69M', '2014-06-01', ['CD-69']],
        ['75', '2018-12-31', ['CD-75']],
        ['75', '2019-01-01', ['VILLE-DE-PARIS']],
        ['972', '2015-12-31', ['CD-972']],
        ['972', '2016-01-01', ['CTM']],
        ['973', '2016-01-01', ['CTG']],
        ['976', '2012-01-01', ['CD-976']],
        ['01', '2010-01-01', ['CD-01']],
        ['9', '2020-01-01', ['CD-09']],
        ['2a', '2019-01-01', ['CDC']],
        ['20', '2019-01-01', []],
        ['69', 'hier', []],
    ] as const)('%s on %s → %j', (code, date, expected) => {
        expect(ids(code, date)).toEqual([...expected]);
    });

    it('one authority may cover several départements, one département may have two authorities', () => {
        const cases: Array<[AuthorityKind, string[], string, boolean]> = [
            ['collectivite-de-corse', ['2A', '2B'], '2018-01-01', true],
            ['collectivite-de-corse', ['2A', '2B'], '2017-12-31', false],
            ['departement', ['2A', '2B'], '2017-06-01', false],
            ['departement', ['2A'], '2017-06-01', true],
            ['collectivite-europeenne-d-alsace', ['67', '68'], '2021-01-01', true],
            ['collectivite-europeenne-d-alsace', ['67', '68'], '2020-12-31', false],
            ['departement', ['67'], '2021-06-01', false],
            ['metropole-de-lyon', ['69'], '2015-01-01', true],
            ['metropole-de-lyon', ['69'], '2014-12-31', false],
            ['departement', ['69'], '2015-01-01', true],
            ['metropole-de-lyon', ['69', '01'], '2016-01-01', false],
            ['departement', [], '2016-01-01', false],
        ];
        for (const [kind, codes, date, expected] of cases) {
            expect(authorityCovers(kind, codes, date), `${kind} ${codes.join(',')} ${date}`).toBe(expected);
        }
    });

    it('every département of the model has exactly one authority on a given day, except 69 since 2015', () => {
        for (const date of ['2010-06-01', '2016-06-01', '2026-12-02']) {
            for (const { code } of DEPARTMENTS) {
                const expected = code === '69' && date >= '2015-01-01' ? 2 : 1;
                if (code === '976' && date < '2011-03-31') continue;
                expect(departmentalAuthorityAt(code, date), `${code} ${date}`).toHaveLength(expected);
            }
        }
    });

    it('every authority is sourced and its dates are in order', () => {
        for (const authority of DEPARTMENTAL_AUTHORITIES) {
            expect(authority.source.url).toMatch(/^https?:\/\//);
            if (authority.from && authority.to) expect(authority.to > authority.from).toBe(true);
        }
    });
});

describe('regions by date', () => {
    it.each([
        ['69', '2015-12-31', 'Rhône-Alpes'],
        ['69', '2016-01-01', 'Auvergne-Rhône-Alpes'],
        ['69M', '2016-01-01', 'Auvergne-Rhône-Alpes'],
        ['67', '2015-12-31', 'Alsace'],
        ['67', '2016-06-01', 'Alsace-Champagne-Ardenne-Lorraine'],
        ['67', '2016-09-30', 'Grand Est'],
        ['31', '2016-09-29', 'Languedoc-Roussillon-Midi-Pyrénées'],
        ['31', '2017-01-01', 'Occitanie'],
        ['14', '2015-06-01', 'Basse-Normandie'],
        ['76', '2016-02-01', 'Normandie'],
        ['02', '2015-06-01', 'Picardie'],
        ['59', '2016-10-01', 'Hauts-de-France'],
        ['2A', '2015-06-01', 'Corse'],
        ['2B', '2019-01-01', 'Corse'],
        ['974', '2012-01-01', 'La Réunion'],
        ['976', '2013-01-01', 'Mayotte'],
    ] as const)('%s on %s is in %s', (code, date, region) => {
        expect(regionAt(code, date)?.name).toBe(region);
    });

    it('dates the final names from their décrets, read for two of them', () => {
        expect(regionAt('76', '2016-09-30')).toMatchObject({ name: 'Normandie', from: '2016-09-30', confidence: 'V' });
        expect(regionAt('33', '2016-09-30')).toMatchObject({ name: 'Nouvelle-Aquitaine', from: '2016-09-30', confidence: 'S' });
        expect(regionAt('33', '2016-09-29')).toMatchObject({ name: 'Aquitaine-Limousin-Poitou-Charentes', to: '2016-09-29' });
    });

    it('has no region for Mayotte before it became a département, nor for unknown codes', () => {
        expect(regionAt('976', '2010-01-01')).toBeUndefined();
        expect(regionAt('20', '2020-01-01')).toBeUndefined();
        expect(regionAt('69', '2020')).toBeUndefined();
    });

    it('every département has a region before and after 2016', () => {
        for (const { code } of DEPARTMENTS.filter(d => !['975', '976'].includes(d.code))) {
            expect(regionAt(code, '2015-06-01'), code).toBeDefined();
            expect(regionAt(code, '2017-06-01')?.name, code).toBe(DEPARTMENTS.find(d => d.code === code)?.region);
        }
    });
});

describe('the catalogue cites only texts of the registry', () => {
    it.each([
        ["Article L. 313-11 du CASF ; arrêté du 3 mars 2017, titre I", ['CASF:L313-11', 'ARRETE:2017-03-03']],
        ["IV ter de l'article L. 313-12 du CASF", ['CASF:L313-12-IVter']],
        ['Articles L. 313-12 (IV ter), L. 313-12-2 et L. 313-11-2 du CASF.', ['CASF:L313-12-IVter', 'CASF:L313-12-2', 'CASF:L313-11-2']],
        ['Article R. 314-105 du CASF ; décret n° 2016-1814 du 21 décembre 2016', ['CASF:R314-105', 'DECRET:2016-1814']],
        ['Circulaire de campagne 2013 (NOR : AFSA1307280C), annexe 5.', ['CIRCULAIRE:AFSA1307280C']],
        ['Circulaire interministérielle du 26 mars 2007', ['CIRCULAIRE:2007-03-26']],
        ["article 79 de la loi n° 2023-1250 du 26 décembre 2023 ; article 1193 du code civil", ['LOI:2023-1250:79', 'CCIV:1193']],
        ['Arrêté du 1er juillet 2020', ['ARRETE:2020-07-01']],
        ['Norme ISO 8601.', []],
        ['Nomenclature FINESS des catégories ; ANAP, guide des indicateurs (2021).', []],
    ] as const)('reads %j', (text, expected) => {
        expect(legalCitationsIn(text)).toEqual([...expected]);
    });

    it.each(RULES.map(rule => [rule.code, rule.source.fr] as const))('%s: %s', (code, sourceFr) => {
        const cited = legalCitationsIn(sourceFr);
        const rule: { readonly texts?: readonly string[] } = RULES.find(r => r.code === code)!;
        expect((rule.texts ?? []).filter(id => !id.startsWith('REF:')).sort(), 'the legal texts of the entry are those its source line cites').toEqual([...cited].sort());
        for (const id of cited) {
            expect(legalText(id) !== undefined || id in UNSOURCED_CITATIONS, `${id} is neither in the registry nor listed as unsourced`).toBe(true);
        }
    });

    it('every unsourced citation is still cited', () => {
        const cited = new Set(RULES.flatMap(rule => (rule as { readonly texts?: readonly string[] }).texts ?? []));
        for (const id of Object.keys(UNSOURCED_CITATIONS)) {
            expect(cited.has(id), id).toBe(true);
            expect(legalText(id), `${id} is in the registry: drop it from UNSOURCED_CITATIONS`).toBeUndefined();
        }
    });
});

describe('the law registry is core code', () => {
    const dir = new URL('../packages/language/src/law/', import.meta.url);
    it.each(readdirSync(dir).filter(name => name.endsWith('.ts')))('%s does no I/O', name => {
        expect(readFileSync(new URL(name, dir), 'utf8')).not.toMatch(/from ['"]node:/);
    });
});

describe('an authority of the contract stands for the territories its collectivité holds on the date', () => {
    const cases: Array<[string, 'departement' | 'metropole', string, string, boolean | undefined]> = [
        // declared code, declared kind, establishment's code, date, covered
        ['2A', 'departement', '2B', '2019-05-01', true],   // Collectivité de Corse (2018)
        ['2A', 'departement', '2B', '2017-05-01', false],  // two départements before
        ['67', 'departement', '68', '2021-01-01', true],   // Collectivité européenne d'Alsace (2021)
        ['67', 'departement', '68', '2020-12-31', false],
        ['69', 'metropole', '69', '2016-01-01', true],     // the Métropole de Lyon on its part of the Rhône (2015)
        ['69', 'metropole', '69', '2014-06-01', undefined], // no Métropole yet: the registry cannot say
        ['75', 'departement', '75', '2019-01-01', true],   // Ville de Paris (2019)
        ['972', 'departement', '972', '2016-01-01', true], // Collectivité territoriale de Martinique
        ['973', 'departement', '973', '2016-01-01', true], // Collectivité territoriale de Guyane
        ['976', 'departement', '976', '2012-01-01', true], // Département de Mayotte
        ['972', 'departement', '973', '2016-01-01', false],
    ];
    it.each(cases)('%s (%s) covers %s on %s: %s', (declared, as, code, date, covered) => {
        expect(coversTerritory(declared, as, code, date)).toBe(covered);
    });
    it('a département is never the Métropole, and the Métropole never the Rhône outside it', () => {
        expect(declaredDepartmentalAuthorities('69', 'departement', '2020-01-01').map(a => a.id)).toEqual(['CD-69D']);
        expect(declaredDepartmentalAuthorities('69', 'metropole', '2020-01-01').map(a => a.id)).toEqual(['METROPOLE-LYON']);
    });
});
