/**
 * Deterministic generator of synthetic CPOM contracts for the benchmark.
 *
 * One model object (plain JSON) is built from a seeded PRNG, then rendered either as `.cpom` text
 * (generateContract) or kept as JSON (generateContractJson, validated by CONTRACT_SCHEMA for the
 * "floor" measurement). Same seed and size → same bytes. No Math.random.
 *
 * The contracts have the shape of a real CPOM (frame L313-12-2, one gestionnaire, one ARS, N
 * establishments in Auvergne-Rhône-Alpes, objectives ≈ N/2 with two indicators each, one dotation
 * globalisée commune per 10 establishments with a distribution to the cent, follow-up, one avenant)
 * and validate with no error and no warning, given the config CPOM_CONFIG (CPOM056 off: more than
 * 12 objectives is the point of a big contract).
 */

/** cpom.config.json to write next to generated contracts. */
export const CPOM_CONFIG = { rules: { CPOM056: 'off' } };

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed) {
    let a = seed >>> 0;
    return function next() {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function makeRng(seed, size) {
    const next = mulberry32((Math.imul(seed >>> 0, 2654435761) ^ Math.imul(size + 1, 40503)) >>> 0);
    return {
        next,
        int: (min, max) => min + Math.floor(next() * (max - min + 1)),
        pick: (list) => list[Math.floor(next() * list.length)],
    };
}

// ---------------------------------------------------------------------------------------------
// Domain data

/** Départements of one region (Auvergne-Rhône-Alpes): CPOM025 wants a single region. */
export const DEPARTMENTS = [
    { code: '01', town: 'Bourg-en-Bresse' }, { code: '07', town: 'Privas' }, { code: '26', town: 'Valence' },
    { code: '38', town: 'Grenoble' }, { code: '42', town: 'Saint-Étienne' }, { code: '69', town: 'Lyon' },
    { code: '73', town: 'Chambéry' }, { code: '74', town: 'Annecy' },
];

/** Categories under the ARS alone and in the scope of L.313-12-2; one category per dotation group (CPOM063). */
const CATEGORIES = [
    { key: 'ESAT', code: 246, financement: 'etat', places: [40, 160] },
    { key: 'IME', code: 183, financement: 'assurance_maladie', places: [30, 110] },
    { key: 'MAS', code: 255, financement: 'assurance_maladie', places: [20, 70] },
    { key: 'SESSAD', code: 182, financement: 'assurance_maladie', places: [15, 60] },
    { key: 'ITEP', code: 186, financement: 'assurance_maladie', places: [20, 60] },
    { key: 'IEM', code: 192, financement: 'assurance_maladie', places: [20, 80] },
    { key: 'CMPP', code: 189, financement: 'assurance_maladie', places: [30, 90] },
];

const PLACE_NAMES = ['Les Tilleuls', 'Le Verger', 'Les Cèdres', 'La Source', 'Le Belvédère', 'Les Glycines', 'Le Moulin',
    'Les Érables', 'La Roseraie', 'Le Colombier', 'Les Acacias', 'La Pépinière', 'Le Mas Fleuri', 'Les Alpilles'];

const AXES = [
    'Adapter l’offre aux besoins du territoire', 'Garantir la qualité et la sécurité de l’accompagnement',
    'Fluidifier les parcours des personnes accompagnées', 'Renforcer l’inclusion en milieu ordinaire',
    'Améliorer l’efficience de la gestion', 'Développer la prévention et la santé', 'Soutenir les ressources humaines',
    'Ouvrir les établissements sur leur environnement',
];

const OBJECTIVES = [
    'Réduire les délais d’admission', 'Développer l’accueil temporaire', 'Prévenir les ruptures de parcours',
    'Augmenter les sorties vers le milieu ordinaire', 'Déployer le dossier usager informatisé', 'Réduire l’absentéisme',
    'Améliorer le taux d’occupation', 'Former les professionnels à l’autodétermination', 'Réduire les hospitalisations évitables',
    'Mutualiser les fonctions support', 'Renforcer la participation des usagers', 'Développer les partenariats sanitaires',
];

/** Indicator templates: unit, whether values are percentages, direction, value range. */
const INDICATORS = [
    { title: 'Taux d’occupation', unite: 'taux', percent: true, sens: 'hausse', base: [82, 92], step: [0.5, 1.5] },
    { title: 'Délai moyen d’admission', unite: 'jours', percent: false, sens: 'baisse', base: [90, 180], step: [5, 15] },
    { title: 'Sorties vers le milieu ordinaire', unite: 'personnes/an', percent: false, sens: 'hausse', base: [3, 20], step: [1, 3] },
    { title: 'Taux d’absentéisme', unite: 'taux', percent: true, sens: 'baisse', base: [8, 14], step: [0.2, 0.8] },
    { title: 'Projets personnalisés actualisés', unite: 'taux', percent: true, sens: 'hausse', base: [60, 80], step: [2, 4] },
    { title: 'Taux de rotation du personnel', unite: 'taux', percent: true, sens: 'maintien', base: [10, 15], step: [0, 0] },
    { title: 'Journées d’hospitalisation évitables', unite: 'journées/an', percent: false, sens: 'baisse', base: [200, 600], step: [10, 40] },
];

const SOURCES = ['Rapport d’activité', 'Tableau de bord de la performance (ANAP)', 'Bilan social', 'Dossier usager informatisé', 'ERRD'];
const PILOTES = ['Direction générale', 'Direction des établissements', 'Direction qualité', 'Direction administrative et financière', 'Direction des ressources humaines'];

const FIRST_YEAR = 2024;
const YEARS = [2024, 2025, 2026, 2027, 2028];

// ---------------------------------------------------------------------------------------------
// FINESS

/** Luhn key of an 8-digit FINESS body (same rule as packages/language/src/model/finess.ts). */
export function finessKey(body) {
    let sum = 0;
    for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
        let d = Number(body[i]);
        if (double) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
    }
    return (10 - (sum % 10)) % 10;
}

function finess(department, serial) {
    const body = department + String(serial).padStart(6, '0');
    return body + finessKey(body);
}

/**
 * Whether a serial may be used: the Luhn key sees every one-digit change and every swap of neighbours but 0↔9, so
 * a serial with "09" or "90" in its body, or ending in 0 or 9 (swapped with the key), could make two numbers of one
 * contract differ only by such a swap (CPOM045 warns). The département prefixes have neither.
 */
function unambiguousSerial(serial) {
    const digits = String(serial).padStart(6, '0');
    return !/09|90|[09]$/.test(digits);
}

/** `count` usable serials from `base` up. */
function serials(base, count) {
    const found = [];
    for (let s = base; found.length < count; s++) if (unambiguousSerial(s)) found.push(s);
    return found;
}

// ---------------------------------------------------------------------------------------------
// Model

const pad = (n, width) => String(n).padStart(width, '0');
const round1 = (x) => Math.round(x * 10) / 10;

/**
 * The contract as a plain JSON object.
 * @param {{establishments: number, seed?: number, objectives?: number}} options
 */
export function generateContractJson({ establishments, seed = 1, objectives }) {
    const n = Math.max(1, Math.floor(establishments));
    const rng = makeRng(seed, n);
    const id = `CPOM_BENCH_S${seed}_N${n}`;
    const gestionnaireId = 'GEST';
    const arsId = 'ARS_ARA';
    const gestDepartment = '69';

    // Establishments: departments cycle over the region, serials are unique in the contract (< 800000)
    // and never equal the gestionnaire's (9xxxxx).
    const serialBase = rng.int(0, 700000);
    const groups = Math.ceil(n / 10);
    const groupCategory = Array.from({ length: groups }, (_, g) => CATEGORIES[(g + seed) % CATEGORIES.length]);
    const etablissements = [];
    const serialOf = serials(serialBase, n);
    for (let i = 0; i < n; i++) {
        const category = groupCategory[Math.floor(i / 10)];
        const department = DEPARTMENTS[(i + rng.int(0, 1)) % DEPARTMENTS.length];
        etablissements.push({
            id: `ET_${pad(i + 1, 4)}`,
            title: `${category.key} ${rng.pick(PLACE_NAMES)} – ${department.town}`,
            finess: finess(department.code, serialOf[i]),
            categorie: category.key,
            codeCategorie: category.code,
            departement: department.code,
            capacite: rng.int(category.places[0], category.places[1]),
            tarification: [arsId],
        });
    }
    const departements = DEPARTMENTS.map(d => d.code).filter(code => etablissements.some(e => e.departement === code));

    // Objectives ≈ N/2, five or so per axis, two indicators each.
    const objectiveCount = objectives ?? Math.max(1, Math.round(n / 2));
    const axisCount = Math.max(1, Math.ceil(objectiveCount / 5));
    const axes = Array.from({ length: axisCount }, (_, a) => ({
        id: `A${a + 1}`,
        title: `${AXES[a % AXES.length]}${a >= AXES.length ? ` (${Math.floor(a / AXES.length) + 1})` : ''}`,
        objectifs: [],
    }));
    for (let o = 0; o < objectiveCount; o++) {
        const axis = axes[o % axisCount];
        const objectiveId = `O${pad(o + 1, 3)}`;
        const concerned = new Set();
        const wanted = Math.min(n, rng.int(1, 3));
        while (concerned.size < wanted) concerned.add(etablissements[rng.int(0, n - 1)].id);
        const concernedList = [...concerned].sort();
        const indicateurs = [];
        for (let k = 0; k < 2; k++) {
            const template = INDICATORS[(o * 2 + k + seed) % INDICATORS.length];
            let value = template.percent ? round1(template.base[0] + rng.next() * (template.base[1] - template.base[0])) : rng.int(template.base[0], template.base[1]);
            const reference = { annee: FIRST_YEAR - 1, valeur: value };
            const cibles = [];
            for (const year of YEARS) {
                const step = template.percent
                    ? round1(template.step[0] + rng.next() * (template.step[1] - template.step[0]))
                    : rng.int(template.step[0], template.step[1]);
                if (template.sens === 'hausse') value = template.percent ? Math.min(100, round1(value + step)) : value + step;
                if (template.sens === 'baisse') value = template.percent ? Math.max(0, round1(value - step)) : Math.max(0, value - step);
                cibles.push({ annee: year, valeur: value });
            }
            indicateurs.push({
                id: `IND_${objectiveId}_${k + 1}`,
                title: template.title,
                unite: template.unite,
                source: rng.pick(SOURCES),
                sens: template.sens,
                pourcentage: template.percent,
                reference,
                cibles,
            });
        }
        axis.objectifs.push({
            id: objectiveId,
            title: `${OBJECTIVES[o % OBJECTIVES.length]} (${objectiveId})`,
            etablissements: concernedList,
            actions: [{
                title: `Plan d’action ${objectiveId}`,
                echeance: `${rng.pick(YEARS.slice(0, 4))}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
                pilote: rng.pick(PILOTES),
                pour: concernedList.slice(0, 1),
            }],
            indicateurs,
        });
    }

    // Funding: one dotation globalisée commune per group of 10 establishments; amounts grow 1 %/year;
    // the first year is distributed to the cent.
    const dotations = [];
    const cnr = [];
    for (let g = 0; g < groups; g++) {
        const members = etablissements.slice(g * 10, g * 10 + 10);
        const category = groupCategory[g];
        const firstCents = members.reduce((sum, e) => sum + e.capacite * rng.int(12000, 16000) * 100 + rng.int(0, 99), 0);
        const montants = YEARS.map((annee, i) => ({ annee, centimes: i === 0 ? firstCents : Math.round(firstCents * (1.01 ** i) / 100) * 100 }));
        const weights = members.map(e => e.capacite * (0.9 + rng.next() * 0.2));
        const total = weights.reduce((a, b) => a + b, 0);
        let left = firstCents;
        const parts = members.map((e, i) => {
            const cents = i === members.length - 1 ? left : Math.floor(firstCents * weights[i] / total);
            left -= cents;
            return { etablissement: e.id, centimes: cents };
        });
        dotations.push({
            id: `DGC_${pad(g + 1, 3)}`,
            title: `Dotation globalisée commune des ${category.key} (groupe ${g + 1})`,
            nature: 'dotation_globalisee_commune',
            financeur: arsId,
            financement: category.financement,
            etablissements: members.map(e => e.id),
            montants,
            actualisation: 'taux_regional',
            repartitions: [{ annee: FIRST_YEAR, parts }],
        });
        cnr.push({
            title: `Travaux de mise en accessibilité (groupe ${g + 1})`,
            annee: rng.pick(YEARS),
            centimes: rng.int(10, 90) * 1000 * 100,
            pour: members[0].id,
            financeur: arsId,
        });
    }

    return {
        id,
        title: `CPOM de synthèse ${n} établissements (graine ${seed})`,
        cadre: ['L313-12-2'],
        effet: `${FIRST_YEAR}-01-01`,
        fin: `${YEARS[YEARS.length - 1]}-12-31`,
        signature: `${FIRST_YEAR - 1}-12-15`,
        departements,
        gestionnaire: {
            id: gestionnaireId,
            title: 'Association de synthèse pour l’accompagnement',
            finess: finess(gestDepartment, 900000 + rng.int(0, 99999)),
            statut: 'association',
        },
        autorites: [{ id: arsId, kind: 'ars', title: 'Agence régionale de santé Auvergne-Rhône-Alpes' }],
        signataires: [arsId, gestionnaireId],
        etablissements,
        diagnostic: {
            activite: `Taux d’occupation moyen de ${rng.int(85, 97)} % sur les trois derniers exercices.`,
            organisation: `Siège commun à ${n} établissements dans ${departements.length} départements.`,
            ressources: 'Dotations globalisées ; frais de siège autorisés.',
            qualite: 'Évaluations réalisées dans toutes les structures.',
        },
        axes,
        moyens: { dotations, cnr },
        suivi: {
            comite: [arsId, gestionnaireId],
            dialogue_de_gestion: 'annuel',
            revues: [{ type: 'mi_parcours', annee: FIRST_YEAR + 2 }, { type: 'finale', annee: FIRST_YEAR + 4 }],
            transmissions: [{ document: 'errd', jour: 30, mois: 'avril' }],
        },
        avenants: [{
            numero: 1,
            effet: `${FIRST_YEAR + 1}-01-01`,
            signature: `${FIRST_YEAR}-12-10`,
            signataires: [arsId, gestionnaireId],
            objet: 'Actualisation des indicateurs',
        }],
    };
}

// ---------------------------------------------------------------------------------------------
// Rendering as .cpom text

const SPACE = ' ';

/** French grouping with plain spaces (accepted by the NUMBER terminal): 4 150 000,07. */
function frenchNumber(value) {
    const negative = value < 0;
    const [int, dec] = String(Math.abs(value)).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, SPACE);
    return `${negative ? '-' : ''}${grouped}${dec ? ',' + dec : ''}`;
}

function euros(cents) {
    const whole = Math.floor(cents / 100);
    const rest = cents % 100;
    return `${frenchNumber(whole)}${rest ? ',' + pad(rest, 2) : ''} €`;
}

const q = (s) => `"${s}"`;

/** Renders the JSON model as a .cpom contract. */
export function renderContract(m) {
    const out = [];
    const line = (indent, text) => out.push('    '.repeat(indent) + text);
    out.push(`// Generated by bench/generate.js: ${m.etablissements.length} establishments.`);
    line(0, `contrat ${m.id} ${q(m.title)} {`);
    line(1, `cadre ${m.cadre.join(', ')}`);
    line(1, `effet ${m.effet}`);
    line(1, `fin ${m.fin}`);
    line(1, `signature ${m.signature}`);
    line(1, `departements ${m.departements.join(', ')}`);
    out.push('');
    line(1, `gestionnaire ${m.gestionnaire.id} ${q(m.gestionnaire.title)} {`);
    line(2, `finess ${m.gestionnaire.finess}`);
    line(2, `statut ${m.gestionnaire.statut}`);
    line(1, '}');
    out.push('');
    for (const a of m.autorites) line(1, `autorite ${a.id} ${a.kind} ${q(a.title)}`);
    line(1, `signataires ${m.signataires.join(', ')}`);
    out.push('');
    line(1, 'perimetre {');
    for (const e of m.etablissements) {
        line(2, `etablissement ${e.id} ${q(e.title)} {`);
        line(3, `finess ${e.finess}`);
        line(3, `categorie ${e.categorie} ${e.codeCategorie}`);
        line(3, `departement ${e.departement}`);
        line(3, `capacite ${e.capacite} places`);
        line(3, `tarification ${e.tarification.join(', ')}`);
        line(2, '}');
    }
    line(1, '}');
    out.push('');
    line(1, 'diagnostic {');
    for (const key of ['activite', 'organisation', 'ressources', 'qualite']) line(2, `${key.padEnd(12)} ${q(m.diagnostic[key])}`);
    line(1, '}');
    for (const axis of m.axes) {
        out.push('');
        line(1, `axe ${axis.id} ${q(axis.title)} {`);
        for (const o of axis.objectifs) {
            line(2, `objectif ${o.id} ${q(o.title)} {`);
            line(3, `etablissements ${o.etablissements.join(', ')}`);
            for (const a of o.actions) {
                line(3, `action ${q(a.title)} echeance ${a.echeance} pilote ${q(a.pilote)}${a.pour.length ? ` pour ${a.pour.join(', ')}` : ''}`);
            }
            for (const i of o.indicateurs) {
                const v = (x) => `${frenchNumber(x)}${i.pourcentage ? ' %' : ''}`;
                line(3, `indicateur ${i.id} ${q(i.title)} {`);
                line(4, `unite ${q(i.unite)}`);
                line(4, `source ${q(i.source)}`);
                line(4, `sens ${i.sens}`);
                line(4, `reference ${i.reference.annee}: ${v(i.reference.valeur)}`);
                line(4, `cibles ${i.cibles.map(c => `${c.annee}: ${v(c.valeur)}`).join(', ')}`);
                line(3, '}');
            }
            line(2, '}');
        }
        line(1, '}');
    }
    out.push('');
    line(1, 'moyens {');
    for (const d of m.moyens.dotations) {
        line(2, `dotation ${d.id} ${q(d.title)} {`);
        line(3, `nature ${d.nature}`);
        line(3, `financeur ${d.financeur}`);
        line(3, `financement ${d.financement}`);
        line(3, `etablissements ${d.etablissements.join(', ')}`);
        line(3, `montants ${d.montants.map(x => `${x.annee}: ${euros(x.centimes)}`).join(', ')}`);
        line(3, `actualisation ${d.actualisation}`);
        for (const r of d.repartitions) {
            line(3, `repartition ${r.annee} {`);
            for (const p of r.parts) line(4, `${p.etablissement}: ${euros(p.centimes)}`);
            line(3, '}');
        }
        line(2, '}');
    }
    for (const c of m.moyens.cnr) {
        line(2, `cnr ${q(c.title)} ${c.annee}: ${euros(c.centimes)} pour ${c.pour} financeur ${c.financeur}`);
    }
    line(1, '}');
    out.push('');
    line(1, 'suivi {');
    line(2, `comite ${m.suivi.comite.join(', ')}`);
    line(2, `dialogue_de_gestion ${m.suivi.dialogue_de_gestion}`);
    for (const r of m.suivi.revues) line(2, `revue ${r.type} ${r.annee}`);
    for (const t of m.suivi.transmissions) line(2, `transmission ${t.document} le ${t.jour} ${t.mois}`);
    line(1, '}');
    line(0, '}');
    for (const a of m.avenants) {
        out.push('');
        line(0, `avenant ${a.numero} au ${m.id} {`);
        line(1, `effet ${a.effet}`);
        line(1, `signature ${a.signature}`);
        line(1, `signataires ${a.signataires.join(', ')}`);
        line(1, `objet ${q(a.objet)}`);
        line(0, '}');
    }
    return out.join('\n') + '\n';
}

/**
 * The contract as .cpom text.
 * @param {{establishments: number, seed?: number, objectives?: number}} options
 */
export function generateContract(options) {
    return renderContract(generateContractJson(options));
}

export function countLines(text) {
    let lines = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    return text.length > 0 && text[text.length - 1] !== '\n' ? lines + 1 : lines;
}

/**
 * The contract whose text is closest to `lines` lines (lines grow with the number of establishments,
 * ≈19 per establishment). Returns the size chosen, the text and the JSON model.
 */
export function contractOfAboutLines(lines, seed = 1) {
    let lo = 1;
    let hi = 2;
    while (countLines(generateContract({ establishments: hi, seed })) < lines) hi *= 2;
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (countLines(generateContract({ establishments: mid, seed })) < lines) lo = mid; else hi = mid;
    }
    const candidates = [lo, hi].map(n => ({ n, text: generateContract({ establishments: n, seed }) }));
    candidates.sort((a, b) => Math.abs(countLines(a.text) - lines) - Math.abs(countLines(b.text) - lines));
    const best = candidates[0];
    return { establishments: best.n, text: best.text, lines: countLines(best.text), json: generateContractJson({ establishments: best.n, seed }) };
}

// ---------------------------------------------------------------------------------------------
// JSON Schema of the model (draft-07), for the floor measurement: it checks about what a schema can
// (shape, formats, enumerations), not the cross-references nor sums that the .cpom validator checks.

const ID = { type: 'string', pattern: '^[_a-zA-Z][\\w]*$' };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const FINESS = { type: 'string', pattern: '^(\\d{2}|2A|2B)\\d{7}$' };
const YEAR = { type: 'integer', minimum: 1990, maximum: 2100 };
const CENTS = { type: 'integer', minimum: 0 };
const TEXT = { type: 'string', minLength: 1 };
const ids = { type: 'array', items: ID, minItems: 1 };
const obj = (properties, required = Object.keys(properties)) => ({ type: 'object', additionalProperties: false, required, properties });

export const CONTRACT_SCHEMA = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cpom.example/bench/contract.schema.json',
    title: 'Synthetic CPOM contract (benchmark floor)',
    ...obj({
        id: ID,
        title: TEXT,
        cadre: { type: 'array', minItems: 1, items: { enum: ['L313-11', 'L313-11-1', 'L313-11-2', 'L313-12-IVter', 'L313-12-2'] } },
        effet: DATE,
        fin: DATE,
        signature: DATE,
        departements: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(\\d{2,3}|2A|2B)$' } },
        gestionnaire: obj({ id: ID, title: TEXT, finess: FINESS, statut: { enum: ['association', 'fondation', 'mutuelle', 'etablissement_public', 'collectivite', 'societe_commerciale', 'congregation', 'gcsms', 'autre'] } }),
        autorites: { type: 'array', minItems: 1, items: obj({ id: ID, kind: { enum: ['ars', 'departement', 'metropole', 'prefet', 'organisme'] }, title: TEXT }) },
        signataires: ids,
        etablissements: {
            type: 'array', minItems: 1,
            items: obj({
                id: ID, title: TEXT, finess: FINESS, categorie: ID, codeCategorie: { type: 'integer', minimum: 100, maximum: 999 },
                departement: { type: 'string', pattern: '^(\\d{2,3}|2A|2B)$' }, capacite: { type: 'integer', minimum: 0 }, tarification: ids,
            }),
        },
        diagnostic: obj({ activite: TEXT, organisation: TEXT, ressources: TEXT, qualite: TEXT }),
        axes: {
            type: 'array', minItems: 1,
            items: obj({
                id: ID, title: TEXT,
                objectifs: {
                    type: 'array',
                    items: obj({
                        id: ID, title: TEXT, etablissements: ids,
                        actions: { type: 'array', items: obj({ title: TEXT, echeance: DATE, pilote: TEXT, pour: { type: 'array', items: ID } }) },
                        indicateurs: {
                            type: 'array', minItems: 1,
                            items: obj({
                                id: ID, title: TEXT, unite: TEXT, source: TEXT, sens: { enum: ['hausse', 'baisse', 'maintien'] },
                                pourcentage: { type: 'boolean' },
                                reference: obj({ annee: YEAR, valeur: { type: 'number' } }),
                                cibles: { type: 'array', minItems: 1, items: obj({ annee: YEAR, valeur: { type: 'number' } }) },
                            }),
                        },
                    }),
                },
            }),
        },
        moyens: obj({
            dotations: {
                type: 'array',
                items: obj({
                    id: ID, title: TEXT,
                    nature: { enum: ['dotation_globale', 'dotation_globalisee_commune', 'forfait_global_soins', 'forfait_global_dependance', 'tarif_hebergement', 'prix_de_journee', 'forfait_soins', 'forfait_autonomie', 'autre'] },
                    financeur: ID,
                    financement: { enum: ['assurance_maladie', 'etat', 'departement', 'autre'] },
                    etablissements: ids,
                    montants: { type: 'array', minItems: 1, items: obj({ annee: YEAR, centimes: CENTS }) },
                    actualisation: { enum: ['taux_regional', 'taux_departemental', 'formule', 'avenant_annuel', 'equation_tarifaire'] },
                    repartitions: { type: 'array', items: obj({ annee: YEAR, parts: { type: 'array', items: obj({ etablissement: ID, centimes: CENTS }) } }) },
                }),
            },
            cnr: { type: 'array', items: obj({ title: TEXT, annee: YEAR, centimes: CENTS, pour: ID, financeur: ID }) },
        }),
        suivi: obj({
            comite: ids,
            dialogue_de_gestion: { enum: ['annuel', 'semestriel', 'trimestriel'] },
            revues: { type: 'array', items: obj({ type: { enum: ['annuelle', 'mi_parcours', 'finale'] }, annee: YEAR }) },
            transmissions: { type: 'array', items: obj({ document: { enum: ['eprd', 'errd', 'rapport_activite', 'rapport_d_activite'] }, jour: { type: 'integer', minimum: 1, maximum: 31 }, mois: TEXT }) },
        }),
        avenants: { type: 'array', items: obj({ numero: { type: 'integer', minimum: 1 }, effet: DATE, signature: DATE, signataires: ids, objet: TEXT }) },
    }),
};
