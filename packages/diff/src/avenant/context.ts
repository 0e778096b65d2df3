/**
 * What the drafting of an avenant needs besides the change records: the two versions of the contract to look
 * names up in (an establishment's title, an authority's name), the numbers of the contract's articles and annexes,
 * and the French of amounts, dates, capacities and lists. Pure: no I/O, no clock.
 */
import {
    type AuthorityJson, type AxisJson, type CapacityJson, type ContractDocument, type ContractJson, type EstablishmentJson,
    type FundingLineJson, type IndicatorJson, MISSING, modalityLabel, type ObjectiveJson,
} from '@cpom/generator';
import { de, documentDateOf, formatEuros, formatNumber, joinFr, monthName, quote as frenchQuote, to } from '@cpom/language';

const NNBSP = '\u202F';

/** « … » (the language's quotes: no-break spaces, inner quotes as “…”); a title missing from a broken version as « [titre manquant] ». */
export function quote(value: string | undefined): string {
    return frenchQuote(value ?? MISSING.title);
}

/** A value of a version as text; the export of a broken version may lack it: the placeholder then. */
export function shown(value: unknown, placeholder: string): string {
    return value === undefined || value === null ? placeholder : String(value);
}

export function capitalise(value: string): string {
    return value.charAt(0).toUpperCase() + value.slice(1);
}

export function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}

/** `1er janvier 2013` (no break after the day); the text as is when it is not an ISO date; a missing date as « [date manquante] ». */
export function frenchDate(iso: string | undefined): string {
    return documentDateOf(iso) ?? iso ?? MISSING.date;
}

/** A number of a version: a broken one may lack it (the export leaves it out). */
function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

export function eurosText(euros: number | undefined): string {
    return isNumber(euros) ? formatEuros(Math.round(euros * 100)) : MISSING.amount;
}

export function amountText(amount: { amount: number; perDay?: true } | undefined): string {
    if (!amount) return '—';
    return `${eurosText(amount.amount)}${amount.perDay ? ' par jour' : ''}`;
}

/** A target or a baseline: `95 %`, `12`, `1 200 €`. */
export function quantityText(value: { value: number; unit?: 'percent' | 'EUR' } | undefined): string {
    if (!value) return '—';
    if (!isNumber(value.value)) return MISSING.value;
    const unit = value.unit === 'percent' ? `${NNBSP}%` : value.unit === 'EUR' ? `${NNBSP}€` : '';
    return `${formatNumber(value.value)}${unit}`;
}

export function numberText(value: number | undefined): string {
    return isNumber(value) ? formatNumber(value) : MISSING.number;
}

/** `30 juin`, `1er mai`. */
export function dayOfMonth(day: number, month: number): string {
    return `${day === 1 ? '1er' : numberText(day)} ${monthName(month) ?? MISSING.month}`;
}

/** `20 places en internat`; `15 places` for places de service; `84 lits autorisés, dont 80 financés`. */
export function capacityText(capacity: CapacityJson): string {
    const unit = capacity.unit ?? 'places';
    const feminine = unit === 'places';
    const modality = capacity.modality && capacity.modality !== 'places_de_service' ? ` en ${modalityLabel(capacity.modality)}` : '';
    let funded = '';
    if (capacity.funded !== undefined) {
        funded = capacity.funded === capacity.authorised
            ? ` autorisé${feminine ? 'e' : ''}s et financé${feminine ? 'e' : ''}s`
            : ` autorisé${feminine ? 'e' : ''}s, dont ${numberText(capacity.funded)} financé${feminine ? 'e' : ''}s`;
    }
    return `${numberText(capacity.authorised)} ${unit}${modality}${funded}`;
}

/** The capacities of an establishment: `45 places (20 places en internat et 25 places en semi-internat)`. */
export function capacitiesText(capacities: readonly CapacityJson[]): string {
    if (capacities.length === 0) return 'capacité non précisée';
    if (capacities.length === 1) return capacityText(capacities[0]);
    const units = unique(capacities.map(c => c.unit ?? 'places'));
    const parts = joinFr(capacities.map(capacityText));
    if (units.length > 1) return parts;
    const total = capacities.reduce((sum, c) => sum + (isNumber(c.authorised) ? c.authorised : 0), 0);
    return `${formatNumber(total)} ${units[0]} (${parts})`;
}

/** Prepositions and lists come from the language's wording layer. */
export { de, joinFr, to };

const SERVICES = new Set(['SSIAD', 'SPASAD', 'SAAD', 'SAD_AIDE', 'SAD_MIXTE', 'SESSAD', 'SAVS', 'SAMSAH']);

/** `l'établissement « … »` or `le service « … »`, by the FINESS category. */
export function establishmentNoun(establishment: EstablishmentJson | undefined, title: string): string {
    const key = establishment?.categorieEntiteGeographique?.key;
    return key && SERVICES.has(key) ? `le service ${quote(title)}` : `l'établissement ${quote(title)}`;
}

/** `la dotation « … »`, `le forfait « … »`, and the agreement of a past participle with it. */
export function fundingNoun(line: Pick<FundingLineJson, 'kind' | 'title'>): { noun: string; e: string } {
    const kind = line.kind === 'dotation' ? 'dotation' : line.kind ?? 'financement';
    // Not "la dotation « Dotation globalisée … »": a title that starts with its kind says it once.
    const said = (line.title ?? '').split(/\s/, 1)[0]!.toLowerCase() === kind;
    return line.kind === 'dotation'
        ? { noun: `la ${said ? '' : 'dotation '}${quote(line.title)}`, e: 'e' }
        : { noun: `le ${said ? '' : `${kind} `}${quote(line.title)}`, e: '' };
}

/** The two versions of the contract, to look up what a change record names by identifier. */
export class Versions {
    constructor(readonly before: ContractJson, readonly after: ContractJson) {}

    private both(): ContractJson[] {
        return [this.after, this.before];
    }

    establishment(id: string): EstablishmentJson | undefined {
        for (const c of this.both()) {
            const found = c.perimeter?.establishments?.find(e => e.id === id)
                ?? c.avenants?.flatMap(a => a.addedEstablishments).find(e => e.id === id);
            if (found) return found;
        }
        return undefined;
    }

    establishmentBefore(id: string): EstablishmentJson | undefined {
        return this.before.perimeter?.establishments?.find(e => e.id === id);
    }

    establishmentAfter(id: string): EstablishmentJson | undefined {
        return this.after.perimeter?.establishments?.find(e => e.id === id);
    }

    establishmentTitle(id: string): string {
        return this.establishment(id)?.nomEgeLong ?? id;
    }

    authority(id: string): AuthorityJson | undefined {
        for (const c of this.both()) {
            const found = c.parties?.authorities?.find(a => a.id === id) ?? c.avenants?.flatMap(a => a.authorities).find(a => a.id === id);
            if (found) return found;
        }
        return undefined;
    }

    /** The name of a party: an authority or the gestionnaire; the identifier when neither is known. */
    partyName(id: string): string {
        const authority = this.authority(id);
        if (authority) return authority.name ?? id;
        for (const c of this.both()) {
            if (c.parties?.gestionnaire?.id === id) return c.parties.gestionnaire.denominationPm ?? id;
        }
        return id;
    }

    axis(id: string, side: 'before' | 'after' | 'any' = 'any'): AxisJson | undefined {
        const sides = side === 'before' ? [this.before] : side === 'after' ? [this.after] : this.both();
        for (const c of sides) {
            const found = c.axes?.find(a => a.id === id);
            if (found) return found;
        }
        return undefined;
    }

    axisTitle(id: string): string {
        return this.axis(id)?.title ?? id;
    }

    /** An objective and its axis, wherever it is (objectives are matched across axes). */
    objective(id: string, side: 'before' | 'after' | 'any' = 'any'): { axis: AxisJson; objective: ObjectiveJson } | undefined {
        const sides = side === 'before' ? [this.before] : side === 'after' ? [this.after] : this.both();
        for (const c of sides) {
            for (const axis of c.axes ?? []) {
                const objective = axis.objectives.find(o => o.id === id);
                if (objective) return { axis, objective };
            }
        }
        return undefined;
    }

    objectiveTitle(id: string): string {
        return this.objective(id)?.objective.title ?? id;
    }

    indicator(objectiveId: string, indicatorId: string, side: 'before' | 'after' | 'any' = 'any'): IndicatorJson | undefined {
        const sides: Array<'before' | 'after'> = side === 'any' ? ['after', 'before'] : [side];
        for (const s of sides) {
            const found = this.objective(objectiveId, s)?.objective.indicators.find(i => i.id === indicatorId);
            if (found) return found;
        }
        return undefined;
    }

    fundingLine(id: string, side: 'before' | 'after' | 'any' = 'any'): FundingLineJson | undefined {
        const sides = side === 'before' ? [this.before] : side === 'after' ? [this.after] : this.both();
        for (const c of sides) {
            const found = c.funding?.lines?.find(l => l.id === id);
            if (found) return found;
        }
        return undefined;
    }
}

/** The articles and annexes of the contract document that an avenant refers to, with their default titles. */
const ARTICLES: Record<string, string> = {
    identification: 'Identification des parties et périmètre du contrat',
    diagnostic: 'Diagnostic partagé',
    objectifs: 'Objectifs stratégiques et opérationnels',
    moyens: 'Moyens',
    suivi: 'Suivi et évaluation du contrat',
    revision: 'Révision du contrat et avenants',
    litiges: 'Règlement des litiges',
    'conventions-tripartites': 'Fin des conventions tripartites',
    'affectation-resultats': 'Affectation des résultats',
    'non-respect-resiliation': 'Non-respect des engagements et résiliation',
    duree: 'Entrée en vigueur et durée du contrat',
};

const ANNEXES: Record<string, string> = {
    'fiche-signaletique': 'la fiche signalétique du gestionnaire et des établissements',
    'fiches-actions': 'les fiches actions',
    'tableau-de-bord': 'le tableau de bord des indicateurs',
    'annexe-financiere': 'l\'annexe financière',
};

/**
 * How the avenant names a part of the contract: by its number in the contract document when it is given
 * ("l'article 1 du titre 1 (identification des parties et périmètre du contrat)", "l'annexe financière (annexe 4
 * du contrat)"), by its title otherwise.
 */
export class ContractReferences {
    private readonly articles = new Map<string, { label: string; title: string }>();
    private readonly annexes = new Map<string, string>();

    constructor(document?: ContractDocument) {
        if (!document) return;
        document.body.forEach((title, t) => {
            let n = 0;
            for (const block of title.blocks) {
                if (block.kind === 'section' && block.sectionKind === 'article') {
                    n++;
                    this.articles.set(block.id, { label: `article ${n} du titre ${t + 1}`, title: block.title });
                }
            }
        });
        document.annexes.forEach((annex, a) => this.annexes.set(annex.id, `annexe ${a + 1}`));
    }

    get numbered(): boolean {
        return this.articles.size > 0;
    }

    /** `l'article 4 du titre 2 (entrée en vigueur et durée du contrat)`, or `l'article « Entrée en vigueur… » du contrat`. */
    article(id: string): string {
        const known = this.articles.get(id);
        if (known) return `l'${known.label} du contrat (${known.title.charAt(0).toLowerCase()}${known.title.slice(1)})`;
        return `l'article ${quote(ARTICLES[id] ?? id)} du contrat`;
    }

    /** `l'annexe financière (annexe 4 du contrat)`, or `l'annexe financière du contrat`. */
    annex(id: string): string {
        const phrase = ANNEXES[id] ?? `l'annexe ${quote(id)}`;
        const number = this.annexes.get(id);
        return number ? `${phrase} (${number} du contrat)` : `${phrase} du contrat`;
    }
}
