/**
 * Who holds departmental competence where, by date. One authority may cover several départements (Collectivité de
 * Corse, Collectivité européenne d'Alsace), and one département may have two authorities: since 2015 the Métropole de
 * Lyon on its territory (`69M`) and the Département du Rhône on the rest (`69D`). Rules ask "which authorities may
 * sign as président du conseil départemental for 69 on this date" instead of assuming one département, one council.
 */
import { DEPARTMENTS } from '../model/departments.js';
import { departmentCodeOf, MAYOTTE_DEPARTEMENT } from './regions.js';
import { source, type ISODate, type LawConfidence, type SourceRef } from './types.js';

export type AuthorityKind =
    /** An ordinary département (its conseil départemental, « conseil général » before March 2015). */
    | 'departement'
    | 'metropole-de-lyon'
    | 'ville-de-paris'
    | 'collectivite-de-corse'
    | 'collectivite-europeenne-d-alsace'
    /** Collectivités territoriales uniques of Martinique and Guyane. */
    | 'collectivite-territoriale-unique'
    | 'departement-de-mayotte'
    | 'collectivite-departementale-de-mayotte'
    | 'collectivite-de-saint-pierre-et-miquelon';

export interface DepartmentalAuthority {
    readonly id: string;
    readonly kind: AuthorityKind;
    readonly name: string;
    /** Territorial codes where it holds departmental competence: département codes, or `69M`/`69D`. */
    readonly territories: readonly string[];
    /** First day (absent: older than the registry); last day (absent: still in place). */
    readonly from?: ISODate;
    readonly to?: ISODate;
    /** The text that created it. */
    readonly basis: string;
    readonly confidence: LawConfidence;
    readonly source: SourceRef;
    readonly note?: string;
}

const DEPARTMENT_LIST = source('https://www.legifrance.gouv.fr/eli/decret/2016/12/8/INTA1628965D/jo/texte');
const CORSE = source('https://legal.tricoteuses.fr/articles/LEGIARTI000031019350');
const ALSACE = source('https://www.legifrance.gouv.fr/loda/id/JORFTEXT000038872957/2020-10-31/');
const LYON = source('https://www.vie-publique.fr/fiches/20208-quest-ce-que-la-metropole-de-lyon-creee-en-2014');
const PARIS = source('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000036585036');
const CTU = source('https://www.doctrine.fr/l/texts/lois/JORFTEXT000024403725/articles/LEGIARTI000024404920?version=LEGIARTI000030128868');
const MAYOTTE = source('http://www.wikiterritorial.cnfpt.fr/xwiki/bin/view/Mayotte/Le+d%C3%A9partement+de+Mayotte');

const CTU_NOTE = 'From the first meeting of the assembly elected in December 2015 until 31 Dec 2015, that assembly already '
    + 'settled the affairs of the département (loi 2011-884 art. 21 as amended by loi 2015-29 art. 10, V); the '
    + 'collectivité unique is in place from 1 Jan 2016 (vie-publique.fr, S).';

/** Authorities whose territory or existence changed over the period; every other département is ordinary throughout. */
const SPECIAL: readonly DepartmentalAuthority[] = [
    dept('2A', 'Corse-du-Sud', { to: '2017-12-31', confidence: 'V', source: CORSE }),
    dept('2B', 'Haute-Corse', { to: '2017-12-31', confidence: 'V', source: CORSE }),
    {
        id: 'CDC', kind: 'collectivite-de-corse', name: 'Collectivité de Corse', territories: ['2A', '2B'], from: '2018-01-01',
        basis: 'loi n° 2015-991 du 7 août 2015 (NOTRe), art. 30 ; CGCT, art. L. 4421-1', confidence: 'V', source: CORSE,
        note: '« à compter du 1er janvier 2018 … en lieu et place de la collectivité territoriale de Corse et des départements '
            + 'de Corse-du-Sud et de Haute-Corse »; the president of the conseil exécutif replaces the PCD.',
    },
    dept('67', 'Bas-Rhin', { to: '2020-12-31', confidence: 'V', source: ALSACE }),
    dept('68', 'Haut-Rhin', { to: '2020-12-31', confidence: 'V', source: ALSACE }),
    {
        id: 'CEA', kind: 'collectivite-europeenne-d-alsace', name: "Collectivité européenne d'Alsace", territories: ['67', '68'],
        from: '2021-01-01', basis: 'loi n° 2019-816 du 2 août 2019, art. 1 ; décret n° 2019-142 du 27 février 2019',
        confidence: 'V', source: ALSACE,
        note: '« A compter du 1er janvier 2021, les départements du Bas-Rhin et du Haut-Rhin sont regroupés »; it remains a '
            + 'département, within the Grand Est region.',
    },
    dept('69', 'Rhône', { to: '2014-12-31', confidence: 'S', source: LYON }),
    {
        id: 'METROPOLE-LYON', kind: 'metropole-de-lyon', name: 'Métropole de Lyon', territories: ['69M'], from: '2015-01-01',
        basis: 'loi n° 2014-58 du 27 janvier 2014 (MAPTAM), art. 26 ; CGCT, art. L. 3611-1', confidence: 'S', source: LYON,
        note: 'Replaces the Département du Rhône on the territory of the former communauté urbaine (59 communes). 1 Jan 2015 '
            + 'is S (vie-publique.fr, grandlyon.com, a 2015 Assemblée debate); the law\'s own clause was not read.',
    },
    {
        id: 'CD-69D', kind: 'departement', name: 'Département du Rhône', territories: ['69D'], from: '2015-01-01',
        basis: 'loi n° 2014-58 du 27 janvier 2014 (MAPTAM)', confidence: 'S', source: LYON,
        note: 'The Rhône outside the Métropole de Lyon since 1 Jan 2015 (INSEE code 69D, S).',
    },
    dept('75', 'Paris', { to: '2018-12-31', confidence: 'V', source: PARIS }),
    {
        id: 'VILLE-DE-PARIS', kind: 'ville-de-paris', name: 'Ville de Paris', territories: ['75'], from: '2019-01-01',
        basis: 'loi n° 2017-257 du 28 février 2017, art. 1 ; CGCT, art. L. 2512-1', confidence: 'V', source: PARIS,
        note: '« Cette substitution interviendra à compter du 1er janvier 2019 » (report to the President on the ordinance); '
            + 'the maire de Paris replaces the PCD.',
    },
    dept('972', 'Martinique', { to: '2015-12-31', confidence: 'V', source: CTU, note: CTU_NOTE }),
    {
        id: 'CTM', kind: 'collectivite-territoriale-unique', name: 'Collectivité territoriale de Martinique', territories: ['972'],
        from: '2016-01-01', basis: 'loi n° 2011-884 du 27 juillet 2011, art. 21 (modifié par la loi n° 2015-29, art. 10)',
        confidence: 'V', source: CTU, note: CTU_NOTE,
    },
    dept('973', 'Guyane', { to: '2015-12-31', confidence: 'V', source: CTU, note: CTU_NOTE }),
    {
        id: 'CTG', kind: 'collectivite-territoriale-unique', name: 'Collectivité territoriale de Guyane', territories: ['973'],
        from: '2016-01-01', basis: 'loi n° 2011-884 du 27 juillet 2011, art. 21 (modifié par la loi n° 2015-29, art. 10)',
        confidence: 'V', source: CTU, note: CTU_NOTE,
    },
    {
        id: 'CDM-976', kind: 'collectivite-departementale-de-mayotte', name: 'Collectivité départementale de Mayotte',
        territories: ['976'], to: '2011-03-30', basis: 'loi organique de 2007 (statut de Mayotte)', confidence: 'G', source: MAYOTTE,
        note: 'G: before 2011 Mayotte was a collectivité exercising departmental and regional competences (Senate report, S); '
            + 'how far the CASF applied there was not checked.',
    },
    {
        id: 'CD-976', kind: 'departement-de-mayotte', name: 'Département de Mayotte', territories: ['976'], from: MAYOTTE_DEPARTEMENT,
        basis: 'loi organique n° 2010-1486 et loi n° 2010-1487 du 7 décembre 2010 ; CGCT, art. LO 3511-1', confidence: 'G', source: MAYOTTE,
        note: 'A single collectivité exercising the competences of an overseas département and region « à compter de la '
            + 'première réunion suivant le renouvellement de son assemblée délibérante en 2011 » (V via wikiterritorial); March '
            + '2011 is S, the day 31 March is G.',
    },
    {
        id: 'CT-975', kind: 'collectivite-de-saint-pierre-et-miquelon', name: 'Collectivité territoriale de Saint-Pierre-et-Miquelon',
        territories: ['975'], basis: 'non vérifié', confidence: 'G', source: DEPARTMENT_LIST,
        note: 'G: Saint-Pierre-et-Miquelon is not a département; whether and how the CASF CPOM frames apply there was not checked.',
    },
];

function dept(code: string, name: string, extra: Pick<DepartmentalAuthority, 'to' | 'confidence' | 'source' | 'note'>): DepartmentalAuthority {
    return { id: `CD-${code}`, kind: 'departement', name: `Département — ${name}`, territories: [code], basis: 'CGCT, troisième partie', ...extra };
}

const SPECIAL_CODES = new Set(SPECIAL.flatMap(authority => authority.territories.map(code => departmentCodeOf(code) ?? code)));

/** Every authority that holds or held departmental competence, ordinary départements first. */
export const DEPARTMENTAL_AUTHORITIES: readonly DepartmentalAuthority[] = [
    ...DEPARTMENTS.filter(d => !SPECIAL_CODES.has(d.code)).map(d => dept(d.code, d.name, {
        confidence: 'S', source: DEPARTMENT_LIST,
        note: 'An ordinary département throughout the period the registry models.',
    })),
    ...SPECIAL,
];

function activeOn(authority: DepartmentalAuthority, date: string): boolean {
    return (authority.from === undefined || authority.from <= date) && (authority.to === undefined || date <= authority.to);
}

/**
 * The authorities holding departmental competence on (part of) a territory on `date`: one for most codes, the Métropole
 * de Lyon and the Département du Rhône for `69` since 2015 (ask `69M` or `69D` for one of them), none for an unknown
 * code or a malformed date.
 */
export function departmentalAuthorityAt(code: string, date: string): readonly DepartmentalAuthority[] {
    const asked = code.trim().toUpperCase();
    const department = departmentCodeOf(asked);
    if (!department || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
    const territory = asked === department ? department : asked;
    return DEPARTMENTAL_AUTHORITIES.filter(authority => activeOn(authority, date) && authority.territories.some(held =>
        held === territory                                   // the same territory
        || held === department                               // the whole département containing it
        || (territory === department && departmentCodeOf(held) === department))); // a part of the asked département
}

/**
 * Whether one authority of `kind` holds departmental competence on (part of) every territory of `codes` on `date`:
 * `authorityCovers('collectivite-de-corse', ['2A', '2B'], '2019-05-01')` is true; with `departement` it is false.
 */
export function authorityCovers(kind: AuthorityKind, codes: readonly string[], date: string): boolean {
    if (codes.length === 0) return false;
    const perCode = codes.map(code => departmentalAuthorityAt(code, date).filter(authority => authority.kind === kind));
    return perCode[0].some(candidate => perCode.every(authorities => authorities.includes(candidate)));
}

/**
 * The authorities an authority of the contract may stand for, as the contract declares it (`autorite X departement 2A`,
 * `autorite M metropole 69`) on `date`: one with departmental competence on that code, the Métropole de Lyon only for a
 * `metropole` (and never for a `departement`). Empty for an unknown code or date.
 */
export function declaredDepartmentalAuthorities(code: string, declaredAs: 'departement' | 'metropole', date: string): readonly DepartmentalAuthority[] {
    return departmentalAuthorityAt(code, date).filter(authority => (authority.kind === 'metropole-de-lyon') === (declaredAs === 'metropole'));
}

/**
 * Whether an authority declared for `declared` holds departmental competence on (part of) the territory `code` on
 * `date`: the Collectivité de Corse declared `departement 2A` covers 2B from 2018, the Collectivité européenne
 * d'Alsace declared `departement 67` covers 68 from 2021. Undefined when the registry cannot tell (unknown code or
 * date): callers then compare the codes themselves.
 */
export function coversTerritory(declared: string, declaredAs: 'departement' | 'metropole', code: string, date: string): boolean | undefined {
    const candidates = declaredDepartmentalAuthorities(declared, declaredAs, date);
    const holders = departmentalAuthorityAt(code, date);
    if (candidates.length === 0 || holders.length === 0) return undefined;
    return candidates.some(candidate => holders.includes(candidate));
}
