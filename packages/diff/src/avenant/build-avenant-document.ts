/**
 * Drafts the avenant implied by the substantive changes between two versions of a contract, as a contract
 * document (the generator's model), so that the HTML, Markdown and DOCX renderers draw it: title page, visas,
 * préambule, Titre 1 "Modifications du contrat" with one article per group of changes (groups.ts), Titre 2
 * "Dispositions finales", the signature block of every party, and the annexes the articles refer to (the new
 * financial annex, the fiche signalétique of the establishments that enter the perimeter).
 *
 * Pure: no I/O, no clock. The articles of the contract are named by their numbers in the contract document when
 * it is given (`options.contractDocument`), by their titles otherwise. The text is plain: renderers escape it.
 */
import {
    type AvenantJson, type Block, type ContractDocument, type ContractJson, type CpomJson, frameLabel, numberDocument, paragraph, type Section, type Signatory, text,
} from '@cpom/generator';
import type { SemanticDiff } from '../change.js';
import { capitalise, ContractReferences, frenchDate, quote, unique, Versions } from './context.js';
import { factSheetAnnex, financialAnnex } from './annexes.js';
import { draftArticle } from './drafters/draft-article.js';
import { type DraftContext, frameNoun, section } from './drafters/draft-context.js';
import { type ChangeGroup, groupChanges, type Placed } from './groups.js';

export const NO_SUBSTANTIVE_CHANGE = 'aucun changement de fond : pas d\'avenant à rédiger';

/** The two versions differ only in wording (or not at all): there is no avenant to draft. */
export class NoSubstantiveChangeError extends Error {
    constructor() {
        super(NO_SUBSTANTIVE_CHANGE);
        this.name = 'NoSubstantiveChangeError';
    }
}

export interface AvenantOptions {
    /** The number of the avenant. */
    readonly number: number;
    /** ISO date of effect; without it, the avenant takes effect on the first day of the month after its signature. */
    readonly effectDate?: string;
    /** The contract's document (buildContractDocument), to refer to its articles and annexes by number. */
    readonly contractDocument?: ContractDocument;
}

export interface AvenantArticle {
    /** `Article 1`. */
    readonly label: string;
    readonly title: string;
    /** The group of changes it words: `establishment:ESAT_ROMANS`, `funding`… */
    readonly group: string;
    /** Indexes of its change records in the diff's `changes`. */
    readonly changes: number[];
}

export interface AvenantParty {
    readonly id: string;
    readonly name: string;
    readonly role?: string;
    readonly person?: string;
}

/** What the avenant is, for machines: `cpom avenant --format json` writes it with the change records. */
export interface AvenantMetadata {
    readonly number: number;
    readonly contract: { readonly id: string; readonly title: string };
    /** One line, as the `objet` of an avenant: "Intégration de l'établissement « … » au périmètre du contrat ; …". */
    readonly object: string;
    readonly effectDate?: string;
    /** The sentence of entry into force. */
    readonly effect: string;
    /** Who signs: the parties of the new version, those that leave and those that join. */
    readonly parties: AvenantParty[];
    readonly articles: AvenantArticle[];
    /** Editorial changes between the versions, not part of the avenant. */
    readonly editorialChanges: number;
}

export interface AvenantDraft {
    readonly document: ContractDocument;
    readonly metadata: AvenantMetadata;
}

/** The avenant as a contract document, numbered and ready for the renderers. */
export function buildAvenantDocument(diff: SemanticDiff, oldJson: CpomJson, newJson: CpomJson, options: AvenantOptions): ContractDocument {
    return draftAvenant(diff, oldJson, newJson, options).document;
}

/** The avenant as a document and its metadata. Throws NoSubstantiveChangeError when there is nothing to amend. */
export function draftAvenant(diff: SemanticDiff, oldJson: CpomJson, newJson: CpomJson, options: AvenantOptions): AvenantDraft {
    if (!Number.isInteger(options.number) || options.number < 1) {
        throw new RangeError(`the number of an avenant is a positive integer, not ${options.number}`);
    }
    const groups = groupChanges(diff);
    if (groups.length === 0) throw new NoSubstantiveChangeError();
    return new AvenantDrafter(diff, oldJson.contract, newJson.contract, options).draft(groups);
}

class AvenantDrafter {
    private readonly versions: Versions;
    private readonly refs: ContractReferences;
    private readonly ctx: DraftContext;

    constructor(
        private readonly diff: SemanticDiff,
        private readonly before: ContractJson,
        private readonly after: ContractJson,
        private readonly options: AvenantOptions,
    ) {
        this.versions = new Versions(before, after);
        this.refs = new ContractReferences(options.contractDocument);
        this.ctx = { diff, before, after, options, versions: this.versions, refs: this.refs, addedEstablishments: [], fundingChanged: false };
    }

    draft(groups: ChangeGroup[]): AvenantDraft {
        const articles = groups.map(g => ({ group: g, article: draftArticle(this.ctx, g) }));
        const parties = this.parties(groups);
        const effect = this.options.effectDate
            ? `Le présent avenant prend effet le ${frenchDate(this.options.effectDate)}.`
            : 'Le présent avenant prend effet le premier jour du mois suivant sa signature par l\'ensemble des parties.';
        const document: ContractDocument = {
            lang: 'fr',
            id: `AVENANT_${this.options.number}_${this.after.id}`,
            titlePage: {
                heading: 'Avenant',
                title: `Avenant n° ${this.options.number} au contrat pluriannuel d'objectifs et de moyens ${quote(this.after.title)}`,
                ...(this.after.title ? { runningHeader: `Avenant n° ${this.options.number} — ${this.after.title}` } : {}),
                between: parties.map(p => p.name),
                period: this.periodText(this.after),
                frames: (this.after.legalFrames ?? []).map(f => `${frameLabel(f)} du code de l'action sociale et des familles`),
            },
            visas: this.visas(),
            preamble: this.preamble(articles.map(a => a.article.purpose)),
            body: [
                section('avenant-modifications', 'title', 'Modifications du contrat', articles.map(({ article }, i) =>
                    section(`avenant-article-${i + 1}`, 'article', article.title, article.blocks))),
                section('avenant-dispositions-finales', 'title', 'Dispositions finales', [
                    section('avenant-entree-en-vigueur', 'article', 'Entrée en vigueur', [paragraph(effect)]),
                    section('avenant-autres-stipulations', 'article', 'Autres stipulations', [
                        paragraph('Les autres stipulations du contrat demeurent inchangées.'),
                        paragraph('Le présent avenant est annexé au contrat, dont il fait partie intégrante.'),
                    ]),
                ]),
            ],
            signatures: {
                kind: 'signatures',
                date: 'Fait le …………………, en autant d\'exemplaires originaux que de parties.',
                signatories: parties.map((p): Signatory => ({ party: p.name, role: p.role, person: p.person })),
            },
            annexes: [
                ...(this.ctx.addedEstablishments.length > 0 ? [factSheetAnnex(this.ctx)] : []),
                ...(this.ctx.fundingChanged ? [financialAnnex(this.ctx)] : []),
            ],
        };
        numberDocument(document);
        const index = new Map(this.diff.changes.map((c, i) => [c, i]));
        const sections = document.body[0].blocks as Section[];
        return {
            document,
            metadata: {
                number: this.options.number,
                contract: { id: this.after.id, title: this.after.title },
                object: capitalise(articles.map(a => a.article.purpose).join(' ; ')),
                ...(this.options.effectDate ? { effectDate: this.options.effectDate } : {}),
                effect,
                parties,
                articles: articles.map(({ group, article }, i) => ({
                    label: sections[i].label ?? `Article ${i + 1}`,
                    title: article.title,
                    group: group.key,
                    changes: group.changes.map(c => index.get(c) ?? -1),
                })),
                editorialChanges: this.diff.changes.filter(c => !c.substantive).length,
            },
        };
    }

    // --- header ---------------------------------------------------------------------------------------

    private periodText(contract: ContractJson): string {
        const effect = contract.engagement?.dateEffetEngagement;
        const end = contract.prorogationEndDate ?? contract.engagement?.dateFinEngagement;
        return effect && end ? `du ${frenchDate(effect)} au ${frenchDate(end)}` : '';
    }

    /** Every party signs: those of the new version (its authorities included), those that leave (they are parties to the contract amended), those that join. */
    private parties(groups: readonly ChangeGroup[]): AvenantParty[] {
        const result = new Map<string, AvenantParty>();
        const add = (id: string, role?: string, person?: string) => {
            if (!id || result.has(id)) return;
            result.set(id, { id, name: this.versions.partyName(id), ...(role ? { role } : {}), ...(person ? { person } : {}) });
        };
        for (const s of this.after.parties?.signatories ?? []) add(s.party, s.role, s.person);
        for (const s of this.before.parties?.signatories ?? []) add(s.party, s.role, s.person);
        // An authority that joined by an earlier avenant signs in the quality that avenant gave it (the latest one).
        for (const avenant of [...avenantsOf(this.after)].reverse()) {
            for (const s of avenant.signatories ?? []) add(s.party, s.role, s.person);
        }
        // "Tout avenant est signé par l'ensemble des parties": an authority that joined by an earlier avenant signs too.
        for (const a of this.after.parties?.authorities ?? []) add(a.id);
        const joining = groups.flatMap(g => (g.placed as Placed[]))
            .flatMap(({ change, place }) => (change.kind === 'add' && place.kind === 'authority' && place.field === undefined && place.avenant === undefined ? [place.authority] : []));
        for (const id of joining) add(id);
        const gestionnaire = this.after.parties?.gestionnaire ?? this.before.parties?.gestionnaire;
        if (gestionnaire) add(gestionnaire.id);
        // The authorities, those that join included, then the gestionnaire: "Entre … et …", as in the contract.
        return [...result.values()].sort((a, b) => Number(a.id === gestionnaire?.id) - Number(b.id === gestionnaire?.id));
    }

    private visas(): ReturnType<typeof paragraph>[] {
        const visas = ['Vu le code de l\'action sociale et des familles, notamment ses articles L. 312-1, L. 313-1 et suivants, R. 314-1 et suivants ;'];
        for (const frame of unique([...(this.before.legalFrames ?? []), ...(this.after.legalFrames ?? [])])) {
            visas.push(`Vu ${frameNoun(frame)} du code de l'action sociale et des familles ;`);
        }
        const lines = this.after.funding?.lines ?? [];
        if (this.diff.changes.some(c => c.substantive && c.area === 'funding')) {
            visas.push('Vu l\'article R. 314-40 du code de l\'action sociale et des familles, relatif à la fixation pluriannuelle des moyens ;');
            if (lines.some(l => l.nature === 'dotation_globalisee_commune')) {
                visas.push('Vu l\'article R. 314-43-1 du code de l\'action sociale et des familles, relatif à la dotation globalisée commune ;');
            }
            if ((this.after.funding?.modulations ?? []).length > 0) {
                visas.push('Vu l\'article R. 314-43-2 du code de l\'action sociale et des familles, relatif à la modulation selon l\'activité ;');
            }
        }
        const signed = this.before.engagement?.dateSignatureEngagement;
        const period = this.periodText(this.before);
        visas.push(`Vu le contrat pluriannuel d'objectifs et de moyens ${quote(this.before.title || this.after.title)}${signed ? ` signé le ${frenchDate(signed)}` : period ? ` conclu pour la période ${period}` : ''} ;`);
        const earlier = [...(this.before.avenants ?? [])].filter(a => a.number !== this.options.number).sort((a, b) => a.number - b.number);
        for (const a of earlier) {
            visas.push(`Vu l'avenant n° ${a.number} au contrat${a.signatureDate ? `, signé le ${frenchDate(a.signatureDate)}` : ''} ;`);
        }
        return visas.map(v => ({ ...paragraph(v), style: 'legal' as const }));
    }

    private preamble(purposes: readonly string[]): Block[] {
        const blocks: Block[] = [];
        const signed = this.before.engagement?.dateSignatureEngagement;
        blocks.push(paragraph(
            `Le contrat pluriannuel d'objectifs et de moyens ${quote(this.before.title || this.after.title)} a été conclu entre les parties`,
            signed ? ` le ${frenchDate(signed)}` : '', this.concludedFor(), '.', ...this.termChanges(),
        ));
        blocks.push(paragraph(`Conformément à ${this.refs.article('revision')}, les parties sont convenues de le modifier par le présent avenant, afin de tenir compte des évolutions suivantes :`));
        blocks.push({ kind: 'list', items: purposes.map((p, i) => [text(`${p}${i === purposes.length - 1 ? '.' : ' ;'}`)]) });
        blocks.push(paragraph('Il est convenu ce qui suit.'));
        return blocks;
    }

    /**
     * The period the contract was concluded for: its term as signed, not as avenants changed it since (they are
     * recited after it). A consolidated version no longer holds the end an avenant's `fin` replaced: then the start only.
     */
    private concludedFor(): string {
        const contract = this.before;
        const effect = contract.engagement?.dateEffetEngagement;
        const endReplaced = contract.consolidatedAt !== undefined && avenantsOf(contract).some(a => a.endDate);
        const proroguedByAvenant = avenantsOf(contract).some(a => a.prorogationEndDate);
        if (!endReplaced && !proroguedByAvenant) {
            const period = this.periodText(contract);
            return period ? ` pour la période ${period}` : '';
        }
        const end = contract.engagement?.dateFinEngagement;
        if (effect && end && !endReplaced) return ` pour la période du ${frenchDate(effect)} au ${frenchDate(end)}`;
        return effect ? `, à effet du ${frenchDate(effect)}` : '';
    }

    /** What the avenants of the amended version did to its term, in their order: `. Il a été prorogé … par l'avenant n° 2`. */
    private termChanges(): string[] {
        return avenantsOf(this.before).flatMap(a => [
            ...(a.endDate ? [` Sa date de fin a été fixée au ${frenchDate(a.endDate)} par l'avenant n° ${a.number}.`] : []),
            ...(a.prorogationEndDate ? [` Il a été prorogé jusqu'au ${frenchDate(a.prorogationEndDate)} par l'avenant n° ${a.number}.`] : []),
        ]);
    }

    // --- articles -------------------------------------------------------------------------------------
}

/** The avenants of a version: a broken text's export may lack the list, or an avenant its signatories. */
function avenantsOf(contract: ContractJson): ReadonlyArray<Partial<AvenantJson>> {
    return (contract.avenants as AvenantJson[] | undefined) ?? [];
}
