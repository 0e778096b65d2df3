/**
 * The contract skeleton `cpom init` and the studio's new-contract form write: every clause a contract needs under its frame (parties, signatories,
 * perimeter, diagnostic, one axe / objective / indicator, one funding line per authority and source of funding,
 * follow-up), so that `cpom check` reports no error on it. What only the parties know — names, qualities of the
 * signatories, the diagnostic, objectives, baselines, targets, amounts — is marked `À COMPLÉTER`: in the text of a
 * string, or in a comment after a number (the language has no "unknown" number; 0 stands in).
 *
 * The text is a fixed point of the formatter (`cpom fmt` leaves it as it is).
 */
import {
    type AuthorityRole, type CalendarDate, DEPARTMENTS, type EsmsCategory, type FundingSourceKey, type LegalFrameKey,
    toIsoDate,
} from '@cpom/language';

/** The marker of every place the user must fill. */
export const TO_COMPLETE = 'À COMPLÉTER';

export interface SkeletonEstablishment {
    readonly finess: string;
    readonly category: EsmsCategory;
    readonly capacity?: number;
    readonly department: string;
}

export interface SkeletonSpec {
    readonly name: string;
    readonly frame: LegalFrameKey;
    readonly effet: CalendarDate;
    readonly fin: CalendarDate;
    readonly gestionnaire: string;
    readonly gestionnaireFiness: string;
    readonly establishments: readonly SkeletonEstablishment[];
}

interface Authority {
    readonly name: string;
    readonly role: AuthorityRole;
    /** Région (ARS, préfet) or département code. */
    readonly territory: string;
    readonly declaration: string;
}

/** A place to complete: 1-based line and column of the marker, and what is expected there. */
export interface PlaceToComplete {
    readonly line: number;
    readonly column: number;
    readonly what: string;
}

/** Categories that are services (`service` rather than `établissement`). */
const SERVICES = new Set(['SSIAD', 'SPASAD', 'SAAD', 'SESSAD', 'SAVS', 'SAMSAH']);

/** A "…" string of the language holding `text` as typed (only \" and \\ are escapes). */
export function cpomString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function identifier(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

function regionOf(department: string): string {
    return DEPARTMENTS.find(d => d.code === department)?.region ?? department;
}

function departmentName(code: string): string {
    return DEPARTMENTS.find(d => d.code === code)?.name ?? code;
}

/** The authorities of each establishment: one per tarification role of its category, in its territory. */
function authoritiesOf(spec: SkeletonSpec): { all: Authority[]; byEstablishment: Map<string, Authority[]> } {
    const all = new Map<string, Authority>();
    const regions = new Set(spec.establishments.map(e => regionOf(e.department)));
    const byEstablishment = new Map<string, Authority[]>();
    for (const e of spec.establishments) {
        const own: Authority[] = [];
        for (const role of e.category.tarification) {
            const region = regionOf(e.department);
            const authority: Authority = role === 'ars'
                ? {
                    name: regions.size > 1 ? `ARS_${identifier(region)}` : 'ARS', role, territory: region,
                    declaration: `autorité ${regions.size > 1 ? `ARS_${identifier(region)}` : 'ARS'} ars ${cpomString(`Agence régionale de santé ${region}`)} {\n        région ${cpomString(region)}\n    }`,
                }
                : role === 'departement'
                    ? {
                        name: `DEPARTEMENT_${e.department}`, role, territory: e.department,
                        declaration: `autorité DEPARTEMENT_${e.department} département ${e.department} ${cpomString(`Département : ${departmentName(e.department)}`)}`,
                    }
                    : {
                        name: regions.size > 1 ? `PREFET_${identifier(region)}` : 'PREFET', role, territory: region,
                        declaration: `autorité ${regions.size > 1 ? `PREFET_${identifier(region)}` : 'PREFET'} préfet ${cpomString(`Préfet de la région ${region}`)} {\n        région ${cpomString(region)}\n    }`,
                    };
            const known = all.get(authority.name) ?? authority;
            all.set(known.name, known);
            if (!own.includes(known)) own.push(known);
        }
        byEstablishment.set(e.finess, own);
    }
    return { all: [...all.values()], byEstablishment };
}

function establishmentName(e: SkeletonEstablishment): string {
    return `${identifier(e.category.key)}_${e.finess}`;
}

/** Who pays an authority's share for a category: the authority's source of funding among the category's. */
function fundingSource(role: AuthorityRole, category: EsmsCategory): FundingSourceKey {
    if (role === 'departement') return 'departement';
    if (role === 'prefet') return 'etat';
    return category.financements.includes('assurance_maladie') ? 'assurance_maladie' : category.financements.includes('etat') ? 'etat' : 'assurance_maladie';
}

const SOURCE_WORDS: Record<FundingSourceKey, string> = { assurance_maladie: 'assurance_maladie', etat: 'état', departement: 'département' };

interface FundingLine {
    readonly kind: 'dotation' | 'forfait';
    readonly name: string;
    readonly nature: string;
    readonly payer: Authority;
    readonly source: FundingSourceKey;
    readonly establishments: string[];
}

/** One line per (authority, source of funding); under IV ter, the forfaits globaux of the ARS and the département. */
function fundingLines(spec: SkeletonSpec, byEstablishment: Map<string, Authority[]>): FundingLine[] {
    const lines = new Map<string, FundingLine>();
    for (const e of spec.establishments) {
        for (const authority of byEstablishment.get(e.finess) ?? []) {
            const source = fundingSource(authority.role, e.category);
            const key = `${authority.name}\0${source}`;
            let line = lines.get(key);
            if (!line) {
                const ivter = spec.frame === 'L313-12-IVter';
                const nature = ivter && authority.role === 'ars' ? 'forfait_global_soins'
                    : ivter && authority.role === 'departement' ? 'forfait_global_dépendance' : 'dotation_globale';
                const prefix = nature === 'forfait_global_soins' ? 'FORFAIT_SOINS' : nature === 'forfait_global_dépendance' ? 'FORFAIT_DEPENDANCE' : 'DOTATION';
                line = { kind: nature === 'dotation_globale' ? 'dotation' : 'forfait', name: `${prefix}_${authority.name}`, nature, payer: authority, source, establishments: [] };
                const clash = [...lines.values()].find(l => l.name === line!.name);
                if (clash) line = { ...line, name: `${line.name}_${identifier(source)}` };
                lines.set(key, line);
            }
            line.establishments.push(establishmentName(e));
        }
    }
    return [...lines.values()];
}

function years(spec: SkeletonSpec): number[] {
    const list: number[] = [];
    for (let year = spec.effet.year; year <= spec.fin.year; year++) list.push(year);
    return list;
}

function todo(what: string): string {
    return cpomString(`${TO_COMPLETE} : ${what}`);
}

/** What every part of the text needs. */
interface Context {
    readonly spec: SkeletonSpec;
    readonly authorities: Authority[];
    readonly byEstablishment: Map<string, Authority[]>;
    readonly names: string[];
    readonly parties: string[];
    readonly period: number[];
}

function head({ spec, authorities, parties }: Context): string[] {
    const departments = [...new Set(spec.establishments.map(e => e.department))];
    return [
        `// Squelette de contrat écrit par « cpom init ». Chaque « ${TO_COMPLETE} » marque ce que seules les parties`,
        '// peuvent écrire : noms, qualités des signataires, diagnostic, objectifs, valeurs de référence, cibles,',
        '// montants (0 en attendant). « cpom check » ne signale aucune erreur sur ce squelette ; complétez-le, puis',
        '// ajoutez la date de signature (signature AAAA-MM-JJ).',
        `contrat ${spec.name} ${cpomString(`CPOM ${spec.gestionnaire} ${spec.effet.year}-${spec.fin.year}`)} {`,
        `    cadre ${spec.frame}`,
        `    effet ${toIsoDate(spec.effet)}`,
        `    fin ${toIsoDate(spec.fin)}`,
        `    départements ${departments.join(', ')}`,
        '',
        `    gestionnaire GESTIONNAIRE ${cpomString(spec.gestionnaire)} {`,
        `        finess ${spec.gestionnaireFiness}`,
        `        adresse ${todo('adresse du siège')}`,
        '    }',
        '',
        ...authorities.flatMap(a => [`    ${a.declaration}`, '']),
        `    signataires ${parties.map(p => `${p} par ${todo('qualité du signataire')}`).join(',\n        ')}`,
        '',
    ];
}

function perimeter({ spec, byEstablishment, names }: Context): string[] {
    const blocks = spec.establishments.map((e, i) => {
        const keyword = SERVICES.has(e.category.key) ? 'service' : 'établissement';
        const capacity = e.category.key === 'EHPAD' ? `hébergement_permanent ${e.capacity ?? 0} lits` : `${e.capacity ?? 0} places`;
        return [
            `        ${keyword} ${names[i]} ${todo(`nom (${e.category.key} ${e.finess})`)} {`,
            `            finess ${e.finess}`,
            `            catégorie ${e.category.key} ${e.category.finessCodes[0]}`,
            `            département ${e.department}`,
            `            capacité ${capacity}${e.capacity === undefined ? ` // ${TO_COMPLETE} : capacité autorisée` : ''}`,
            `            tarification ${(byEstablishment.get(e.finess) ?? []).map(a => a.name).join(', ')}`,
            '        }',
        ];
    });
    return ['    périmètre {', ...blocks.flatMap((block, i) => (i > 0 ? ['', ...block] : block)), '    }', ''];
}

function objectives({ spec, names, period }: Context): string[] {
    return [
        '    diagnostic {',
        `        activité     ${todo('activité des établissements et services, besoins du territoire')}`,
        `        organisation ${todo('organisation, coopérations, mutualisations')}`,
        `        ressources   ${todo('ressources humaines et financières')}`,
        `        qualité      ${todo('qualité de l\'accompagnement, évaluations')}`,
        '    }',
        '',
        `    axe AXE_1 ${todo('intitulé de l\'axe')} {`,
        `        objectif OBJECTIF_1 ${todo('intitulé de l\'objectif')} {`,
        `            établissements ${names.join(', ')}`,
        `            action ${todo('action')} échéance ${spec.effet.year}-12-31 pilote ${todo('pilote')}`,
        '',
        `            indicateur INDICATEUR_1 ${todo('intitulé de l\'indicateur')} {`,
        `                unité ${todo('unité')}`,
        `                source ${todo('source')}`,
        '                sens hausse',
        `                référence ${spec.effet.year - 1}: 0 // ${TO_COMPLETE} : valeur de référence`,
        `                cibles ${period.map(y => `${y}: 0`).join(', ')} // ${TO_COMPLETE} : cibles`,
        '            }',
        '        }',
        '    }',
        '',
    ];
}

function means({ spec, byEstablishment, period }: Context): string[] {
    const blocks = fundingLines(spec, byEstablishment).map(line => [
        `        ${line.kind} ${line.name} ${todo('intitulé du financement')} {`,
        `            nature ${line.nature}`,
        `            financeur ${line.payer.name}`,
        `            financement ${SOURCE_WORDS[line.source]}`,
        `            établissements ${line.establishments.join(', ')}`,
        `            montants ${period.map(y => `${y}: 0 €`).join(', ')} // ${TO_COMPLETE} : montants`,
        `            actualisation ${line.kind === 'forfait' ? 'équation_tarifaire' : line.payer.role === 'departement' ? 'taux_départemental' : 'taux_régional'}`,
        // A forfait shared by several establishments says each one's share (CPOM181).
        ...(line.kind === 'forfait' && line.establishments.length > 1 ? [
            '',
            `            répartition ${period[0]} { // ${TO_COMPLETE} : part de chaque établissement`,
            ...line.establishments.map(e => `                ${e}: 0 €`),
            '            }',
        ] : []),
        '        }',
    ]);
    return ['    moyens {', ...blocks.flatMap((block, i) => (i > 0 ? ['', ...block] : block)), '    }', ''];
}

function followUp({ spec, parties }: Context): string[] {
    return [
        '    suivi {',
        `        comité ${parties.join(', ')}`,
        '        dialogue_de_gestion annuel',
        `        revue mi_parcours ${spec.effet.year + 2}`,
        `        revue finale ${spec.fin.year}`,
        // IV ter: the GMP and PMP are reassessed in the third year (CPOM082).
        ...(spec.frame === 'L313-12-IVter' ? [`        evaluation_gmp_pmp ${spec.effet.year + 2}`] : []),
        '    }',
    ];
}

/** The contract's text. */
export function contractSkeleton(spec: SkeletonSpec): string {
    const { all: authorities, byEstablishment } = authoritiesOf(spec);
    const context: Context = {
        spec, authorities, byEstablishment,
        names: spec.establishments.map(establishmentName),
        parties: [...authorities.map(a => a.name), 'GESTIONNAIRE'],
        period: years(spec),
    };
    return [...head(context), ...perimeter(context), ...objectives(context), ...means(context), ...followUp(context), '}'].join('\n') + '\n';
}

/** The places marked À COMPLÉTER in a text, with what is expected at each (the words after the marker). */
export function placesToComplete(text: string): PlaceToComplete[] {
    const places: PlaceToComplete[] = [];
    text.split('\n').forEach((line, i) => {
        if (line.trimStart().startsWith('//')) return;
        for (let at = line.indexOf(TO_COMPLETE); at >= 0; at = line.indexOf(TO_COMPLETE, at + 1)) {
            const rest = line.slice(at + TO_COMPLETE.length).replace(/^\s*:\s*/, '');
            const what = /^[^"]*/.exec(rest)![0].trim();
            places.push({ line: i + 1, column: at + 1, what });
        }
    });
    return places;
}

/** The configuration written next to the contract. */
export function configSkeleton(): string {
    return JSON.stringify({ lang: 'fr', rules: {} }, null, 2) + '\n';
}
