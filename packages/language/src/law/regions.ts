/**
 * The region of each département by date. Since 1 January 2016 the regions are those of the loi n° 2015-29 of
 * 16 January 2015, whose final names come from `model/departments.ts`; the merged ones bore a provisional name until
 * their naming décrets of 28 September 2016 came into force. Before 2016, the 22 metropolitan regions.
 */
import { DEPARTMENTS, findDepartment } from '../model/departments.js';
import { source, type ISODate, type LawConfidence, type SourceRef } from './types.js';

export interface RegionAtDate {
    readonly name: string;
    /** First day of this name for this département; absent when older than the registry (before 2016). */
    readonly from?: ISODate;
    readonly to?: ISODate;
    readonly confidence: LawConfidence;
    readonly source: SourceRef;
    readonly note?: string;
}

/** The day the new regions replaced the old ones (loi n° 2015-29, art. 1). */
export const REGIONS_2016: ISODate = '2016-01-01';
/** The naming décrets n° 2016-1262 to 2016-1268 of 28 Sept 2016, JORF 29 Sept 2016, in force the next day. */
export const REGION_NAMES_2016: ISODate = '2016-09-30';

const LOI_2015_29 = source('https://directions.fr/Veille-juridique/dernieres-infos/organisation-reglementation-secteur/2015/1/Parution-de-la-nouvelle-carte-de-France-a-13-regions-2033126W');
const DECRET_ARA = source('https://vlex.fr/vid/decret-n-2016-1266-789313697');
/** First meeting of the assembly renewed in 2011 (CGCT LO 3511-1): March 2011 per press reports (S); the day is G. */
export const MAYOTTE_DEPARTEMENT: ISODate = '2011-03-31';
const MAYOTTE = source('http://www.wikiterritorial.cnfpt.fr/xwiki/bin/view/Mayotte/Le+d%C3%A9partement+de+Mayotte');
/** The naming décrets whose entry-into-force clause was read. */
const NAMING_DECRETS_READ: Readonly<Record<string, SourceRef>> = {
    'Auvergne-Rhône-Alpes': DECRET_ARA,
    'Normandie': source('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000033161427'),
};
const OLD_MAP = source('https://www.legifrance.gouv.fr/eli/decret/2016/12/8/INTA1628965D/jo/texte');

/** The 22 metropolitan regions before 2016 and their départements. */
const REGIONS_BEFORE_2016: Readonly<Record<string, readonly string[]>> = {
    'Alsace': ['67', '68'],
    'Aquitaine': ['24', '33', '40', '47', '64'],
    'Auvergne': ['03', '15', '43', '63'],
    'Basse-Normandie': ['14', '50', '61'],
    'Bourgogne': ['21', '58', '71', '89'],
    'Bretagne': ['22', '29', '35', '56'],
    'Centre': ['18', '28', '36', '37', '41', '45'],
    'Champagne-Ardenne': ['08', '10', '51', '52'],
    'Corse': ['2A', '2B'],
    'Franche-Comté': ['25', '39', '70', '90'],
    'Haute-Normandie': ['27', '76'],
    'Île-de-France': ['75', '77', '78', '91', '92', '93', '94', '95'],
    'Languedoc-Roussillon': ['11', '30', '34', '48', '66'],
    'Limousin': ['19', '23', '87'],
    'Lorraine': ['54', '55', '57', '88'],
    'Midi-Pyrénées': ['09', '12', '31', '32', '46', '65', '81', '82'],
    'Nord-Pas-de-Calais': ['59', '62'],
    'Pays de la Loire': ['44', '49', '53', '72', '85'],
    'Picardie': ['02', '60', '80'],
    'Poitou-Charentes': ['16', '17', '79', '86'],
    "Provence-Alpes-Côte d'Azur": ['04', '05', '06', '13', '83', '84'],
    'Rhône-Alpes': ['01', '07', '26', '38', '42', '69', '73', '74'],
};

const OLD_REGION_OF = new Map(Object.entries(REGIONS_BEFORE_2016).flatMap(([region, codes]) => codes.map(code => [code, region] as const)));

/** Provisional names in 2016 of the merged regions: the old names side by side, in alphabetical order (loi 2015-29). */
const PROVISIONAL_NAMES: Readonly<Record<string, string>> = {
    'Grand Est': 'Alsace-Champagne-Ardenne-Lorraine',
    'Nouvelle-Aquitaine': 'Aquitaine-Limousin-Poitou-Charentes',
    'Auvergne-Rhône-Alpes': 'Auvergne-Rhône-Alpes',
    'Bourgogne-Franche-Comté': 'Bourgogne-Franche-Comté',
    'Occitanie': 'Languedoc-Roussillon-Midi-Pyrénées',
    'Hauts-de-France': 'Nord-Pas-de-Calais-Picardie',
    'Normandie': 'Normandie',
};

/** Territorial codes that are part of a département (the Métropole de Lyon and the Rhône since 2015). */
const PART_OF: Readonly<Record<string, string>> = { '69M': '69', '69D': '69' };

/** The département code of a territorial code as typed (`69M` → `69`, `2a` → `2A`, `9` → `09`), or undefined. */
export function departmentCodeOf(code: string): string | undefined {
    const upper = code.trim().toUpperCase();
    return PART_OF[upper] ?? findDepartment(upper)?.code;
}

/** The region of a département (or of `69M`/`69D`) on `date` (an ISO date), or undefined when unknown. */
export function regionAt(code: string, date: string): RegionAtDate | undefined {
    const department = departmentCodeOf(code);
    if (!department || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    if (date < REGIONS_2016) return regionBefore2016(department, date);
    const finalName = DEPARTMENTS.find(d => d.code === department)?.region;
    if (!finalName) return undefined;
    if (department === '975') {
        return {
            name: finalName, from: REGIONS_2016, confidence: 'G', source: LOI_2015_29,
            note: 'Saint-Pierre-et-Miquelon is a collectivité d\'outre-mer, not a region; the name is the project\'s label.',
        };
    }
    const provisional = PROVISIONAL_NAMES[finalName];
    if (provisional === undefined) {
        return { name: finalName, from: REGIONS_2016, confidence: 'S', source: LOI_2015_29, ...unchangedRegionNote(finalName) };
    }
    if (date < REGION_NAMES_2016) {
        return {
            name: provisional, from: REGIONS_2016, to: '2016-09-29', confidence: 'S', source: LOI_2015_29,
            note: 'Provisional name formed by the rule of loi 2015-29 art. 2 (S, Directions.fr); the décret for Occitanie '
                + 'cites the council of « Languedoc-Roussillon-Midi-Pyrénées » (V).',
        };
    }
    const read = NAMING_DECRETS_READ[finalName];
    return {
        name: finalName, from: REGION_NAMES_2016, confidence: read ? 'V' : 'S', source: read ?? DECRET_ARA,
        note: 'Naming décrets n° 2016-1262 to 2016-1268 of 28 Sept 2016 (JORF 29 Sept 2016), « entre en vigueur le lendemain '
            + 'de sa publication »: read for Auvergne-Rhône-Alpes and Normandie (V); the same date for the others per ASH (S).',
    };
}

function unchangedRegionNote(name: string): { note?: string } {
    if (name === 'Centre-Val de Loire') {
        return { note: 'Renamed from « Centre » by loi 2015-29; the day of the renaming was not verified (G): this registry '
            + 'uses the new name from 1 Jan 2016.' };
    }
    if (name === 'Corse') return { note: 'Since 1 Jan 2018 the Collectivité de Corse exercises the regional competences.' };
    if (name === 'Mayotte') return { note: 'The Département de Mayotte exercises the regional competences (since 2011).' };
    if (name === 'Martinique' || name === 'Guyane') {
        return { note: 'Since 1 Jan 2016 the collectivité territoriale unique exercises the regional competences.' };
    }
    return {};
}

function regionBefore2016(department: string, date: string): RegionAtDate | undefined {
    const old = OLD_REGION_OF.get(department);
    if (old) {
        return {
            name: old, to: '2015-12-31', confidence: 'S', source: OLD_MAP,
            note: 'Composition of the former regions: common knowledge cross-checked with the regroupings of loi 2015-29 '
                + 'art. 1 (S); the décret 60-516 that fixed it was not read (its repeal by décret 2016-1689 is V).',
        };
    }
    // Overseas: each of the four historical overseas départements is also a region; Mayotte only since 2011.
    const overseas: Readonly<Record<string, string>> = { '971': 'Guadeloupe', '972': 'Martinique', '973': 'Guyane', '974': 'La Réunion' };
    if (overseas[department]) return { name: overseas[department], to: '2015-12-31', confidence: 'S', source: OLD_MAP };
    if (department === '976' && date >= MAYOTTE_DEPARTEMENT) {
        return {
            name: 'Mayotte', from: MAYOTTE_DEPARTEMENT, to: '2015-12-31', confidence: 'G', source: MAYOTTE,
            note: 'The Département de Mayotte exercises the competences of an overseas département and region. March 2011 '
                + 'is S (press); the day, 31 March, is G.',
        };
    }
    return undefined;
}
