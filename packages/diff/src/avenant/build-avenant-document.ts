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
    authorityKindLabel, type Block, budgetDocumentLabel, type Cell, type ContractDocument, type ContractJson, type CpomJson,
    criterionLabel, directionLabel, type EstablishmentJson, frameLabel, type HeadOfficeCostsJson, frequencyLabel, type FundingLineJson,
    indexationLabel, type IndicatorJson, MISSING, modalityLabel, orMissing, natureLabel, numberDocument, type ObjectiveJson, paragraph, ref, reviewLabel,
    type Section, type Signatory, sourceLabel, statusLabel, type Table, text,
} from '@cpom/generator';
import { lineTotal } from '@cpom/language';
import { jsonAmountFigures } from '../funding-totals.js';
import type { ChangeRecord, SemanticDiff } from '../change.js';
import {
    amountText, capacitiesText, capacityText, capitalise, ContractReferences, dayOfMonth, de, establishmentNoun, eurosText,
    frenchDate, fundingNoun, joinFr, numberText, quantityText, quote, shown, to, unique, Versions,
} from './context.js';
import { type ChangeGroup, groupChanges } from './groups.js';

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

// ---------------------------------------------------------------------------------------------

interface DraftedArticle {
    readonly title: string;
    readonly blocks: Block[];
    /** What it does, for the préambule and the object: "l'intégration de l'établissement « … » au périmètre du contrat". */
    readonly purpose: string;
}

const FINANCIAL_ANNEX = 'avenant-annexe-financiere';
const FACT_SHEET_ANNEX = 'avenant-fiche-signaletique';

function section(id: string, sectionKind: Section['sectionKind'], title: string, blocks: Block[]): Section {
    return { kind: 'section', id, sectionKind, title, blocks };
}

/** `intro item.` for one item, `intro` and a list (`item ;` … `item.`) for several. */
function clause(intro: string, items: readonly string[]): Block[] {
    const list = unique(items);
    if (list.length === 0) return [paragraph(intro)];
    if (list.length === 1) return [paragraph(`${intro} ${list[0]}.`)];
    return [paragraph(intro), { kind: 'list', items: list.map((item, i) => [text(`${item}${i === list.length - 1 ? '.' : ' ;'}`)]) }];
}

/** `l'article L. 313-12-2`, `le IV ter de l'article L. 313-12`. */
function frameNoun(frame: string): string {
    const label = frameLabel(frame);
    return label.startsWith('article') ? `l'${label}` : `le ${label}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class AvenantDrafter {
    private readonly versions: Versions;
    private readonly refs: ContractReferences;
    private readonly addedEstablishments: EstablishmentJson[] = [];
    private fundingChanged = false;

    constructor(
        private readonly diff: SemanticDiff,
        private readonly before: ContractJson,
        private readonly after: ContractJson,
        private readonly options: AvenantOptions,
    ) {
        this.versions = new Versions(before, after);
        this.refs = new ContractReferences(options.contractDocument);
    }

    draft(groups: ChangeGroup[]): AvenantDraft {
        const articles = groups.map(g => ({ group: g, article: this.article(g) }));
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
                between: parties.map(p => p.name),
                period: this.periodText(this.after),
                frames: (this.after.legalFrames ?? []).map(f => `${frameLabel(f)} du code de l'action sociale et des familles`),
            },
            visas: this.visas(),
            preamble: this.preamble(articles.map(a => a.article.purpose)),
            body: [
                section('avenant-modifications', 'title', 'Modifications du contrat', articles.map(({ group, article }, i) =>
                    section(`avenant-article-${i + 1}-${group.key.replace(/[^A-Za-z0-9_-]+/g, '-')}`, 'article', article.title, article.blocks))),
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
                ...(this.addedEstablishments.length > 0 ? [this.factSheetAnnex()] : []),
                ...(this.fundingChanged ? [this.financialAnnex()] : []),
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

    /** Every party signs: those of the new version, those that leave (they are parties to the contract amended), those that join. */
    private parties(groups: readonly ChangeGroup[]): AvenantParty[] {
        const result = new Map<string, AvenantParty>();
        const add = (id: string, role?: string, person?: string) => {
            if (!id || result.has(id)) return;
            result.set(id, { id, name: this.versions.partyName(id), ...(role ? { role } : {}), ...(person ? { person } : {}) });
        };
        for (const s of this.after.parties?.signatories ?? []) add(s.party, s.role, s.person);
        for (const s of this.before.parties?.signatories ?? []) add(s.party, s.role, s.person);
        const joining = groups.flatMap(g => g.changes)
            .filter(c => c.kind === 'add' && c.path[0] === 'parties' && c.path[1] === 'authorities' && c.path.length === 3)
            .map(c => c.path[2]);
        for (const id of joining) add(id);
        const gestionnaire = this.after.parties?.gestionnaire ?? this.before.parties?.gestionnaire;
        if (gestionnaire) add(gestionnaire.id);
        return [...result.values()];
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
        const period = this.periodText(this.before);
        blocks.push(paragraph(
            `Le contrat pluriannuel d'objectifs et de moyens ${quote(this.before.title || this.after.title)} a été conclu entre les parties`,
            signed ? ` le ${frenchDate(signed)}` : '', period ? ` pour la période ${period}` : '', '.',
        ));
        blocks.push(paragraph(`Conformément à ${this.refs.article('revision')}, les parties sont convenues de le modifier par le présent avenant, afin de tenir compte des évolutions suivantes :`));
        blocks.push({ kind: 'list', items: purposes.map((p, i) => [text(`${p}${i === purposes.length - 1 ? '.' : ' ;'}`)]) });
        blocks.push(paragraph('Il est convenu ce qui suit.'));
        return blocks;
    }

    // --- articles -------------------------------------------------------------------------------------

    private article(group: ChangeGroup): DraftedArticle {
        switch (group.kind) {
            case 'frames': return this.frames(group);
            case 'parties': return this.partiesArticle(group);
            case 'establishment': return this.establishment(group);
            case 'departments': return this.departments();
            case 'axis': return this.axis(group);
            case 'objective': return this.objective(group);
            case 'indicator': return this.indicator(group);
            case 'funding': return this.funding(group);
            case 'follow-up': return this.followUp(group);
            case 'duration': return this.duration(group);
            case 'other': return this.other(group);
        }
    }

    private frames(group: ChangeGroup): DraftedArticle {
        const items = group.changes.map(c => {
            const frame = String(c.new ?? c.old);
            return c.kind === 'add'
                ? `le contrat est également conclu en application ${de(frameNoun(frame))} du code de l'action sociale et des familles`
                : `le contrat n'est plus conclu en application ${de(frameNoun(frame))} du code de l'action sociale et des familles`;
        });
        return {
            title: 'Cadre juridique du contrat',
            blocks: clause('Les visas et la page de titre du contrat sont modifiés comme suit :', items),
            purpose: 'la modification du cadre juridique du contrat',
        };
    }

    private partiesArticle(group: ChangeGroup): DraftedArticle {
        const items: string[] = [];
        const joining: string[] = [];
        const leaving: string[] = [];
        const signatoriesTouched = new Set<string>();
        // An authority that joins and signs is said in one sentence.
        const joiningIds = new Set(group.changes.filter(c => c.kind === 'add' && c.path[1] === 'authorities' && c.path.length === 3).map(c => c.path[2]));
        const signing = new Map<string, string>();
        for (const c of group.changes) {
            const [, second, id] = c.path;
            if (c.path[0] === 'parties' && second === 'signatories' && id !== undefined && c.kind === 'add' && joiningIds.has(id)) {
                signatoriesTouched.add(id);
                signing.set(id, isObject(c.new) && typeof c.new.role === 'string' ? ` (qualité du signataire : ${c.new.role})` : '');
                continue;
            }
            if (c.path[0] === 'parties' && second === 'signatories' && id !== undefined) {
                const name = quote(this.versions.partyName(id));
                signatoriesTouched.add(id);
                if (c.kind === 'add') {
                    const role = isObject(c.new) && typeof c.new.role === 'string' ? ` (qualité du signataire : ${c.new.role})` : '';
                    items.push(`${name} est signataire du contrat${role}`);
                } else if (c.kind === 'remove') {
                    items.push(`${name} n'est plus signataire du contrat`);
                } else {
                    items.push(c.description);
                }
            }
        }
        for (const c of group.changes) {
            const [head, second, id, field] = c.path;
            if (head === 'parties' && second === 'authorities' && id !== undefined) {
                const authority = this.versions.authority(id);
                const name = quote(authority?.name ?? id);
                if (c.kind === 'add' && field === undefined) {
                    joining.push(authority?.name ?? id);
                    const details = authority ? ` (${authorityKindLabel(authority.kind)}${authority.department ? `, département ${authority.department}` : ''})` : '';
                    items.unshift(`${name}${details} devient partie au contrat${signing.has(id) ? ` et en est signataire${signing.get(id)}` : ''}`);
                } else if (c.kind === 'remove' && field === undefined) {
                    leaving.push(authority?.name ?? id);
                    items.push(`${name} cesse d'être partie au contrat`);
                } else if (field === 'kind') {
                    items.push(c.new !== undefined ? `${name} est désormais désignée comme ${authorityKindLabel(String(c.new))}` : c.description);
                } else if (field === 'department') {
                    items.push(`${name} est désormais rattachée au département ${String(c.new ?? '—')}`);
                } else {
                    items.push(c.description);
                }
            } else if (head === 'parties' && second === 'gestionnaire') {
                const gestionnaire = this.after.parties?.gestionnaire ?? this.before.parties?.gestionnaire;
                const name = quote(gestionnaire?.denominationPm ?? id ?? '');
                if (id === 'numFinessPm') items.push(`le numéro FINESS de l'entité juridique de l'organisme gestionnaire ${name} est ${String(c.new ?? '—')}${c.old ? ` (au lieu de ${String(c.old)})` : ''}`);
                else if (id === 'legalStatus') items.push(`le statut juridique de l'organisme gestionnaire ${name} est désormais : ${statusLabel(String(c.new ?? ''))}`);
                else if (id === undefined || id === 'id') items.push(`l'organisme gestionnaire partie au contrat est ${name}`);
                else items.push(c.description);
            } else if (head === 'engagement' && second === 'autoriteRegulationEngagement') {
                const value = (c.new ?? c.old) as { authorityId?: string } | undefined;
                const authorityId = value?.authorityId ?? '';
                if (signatoriesTouched.has(authorityId)) continue;
                items.push(`${quote(this.versions.partyName(authorityId))} ${c.kind === 'add' ? 'est désormais' : 'n\'est plus'} autorité signataire du contrat`);
            }
        }
        const partiesChanged = group.changes.some(c => c.path[1] !== 'signatories' && c.path[1] !== 'autoriteRegulationEngagement');
        const signatoriesChanged = group.changes.some(c => c.path[1] === 'signatories' || c.path[1] === 'autoriteRegulationEngagement');
        const intro = partiesChanged && signatoriesChanged
            ? `${capitalise(this.refs.article('identification'))} et le bloc des signatures du contrat sont modifiés comme suit :`
            : partiesChanged
                ? `${capitalise(this.refs.article('identification'))} est modifié comme suit :`
                : 'Le bloc des signatures du contrat est modifié comme suit :';
        const purpose = joining.length > 0
            ? `l'entrée de ${joinFr(joining.map(quote))} parmi les parties au contrat`
            : leaving.length > 0
                ? `le retrait de ${joinFr(leaving.map(quote))} des parties au contrat`
                : signatoriesChanged && !partiesChanged ? 'la modification des signataires du contrat' : 'la modification des parties au contrat';
        return {
            title: partiesChanged && signatoriesChanged ? 'Parties et signataires du contrat' : partiesChanged ? 'Parties au contrat' : 'Signataires du contrat',
            blocks: clause(intro, items),
            purpose,
        };
    }

    private establishment(group: ChangeGroup): DraftedArticle {
        const id = group.id!;
        const whole = group.changes.find(c => c.path.length === 3 && c.path[0] === 'perimeter');
        const current = this.versions.establishmentAfter(id);
        const previous = whole?.kind === 'rename' ? this.versions.establishmentBefore(whole.from ?? '') : this.versions.establishmentBefore(id);
        const establishment = current ?? previous;
        const title = establishment?.nomEgeLong ?? id;
        const noun = establishmentNoun(establishment, title);
        const items: string[] = [];
        const after: Block[] = [];
        let articleTitle = `Modification ${de(noun)}`;
        let purpose = `la modification des caractéristiques ${de(noun)}`;
        if (whole?.kind === 'add' && current) {
            this.addedEstablishments.push(current);
            items.push(`${noun} (${this.establishmentDetails(current)}) est ajouté au périmètre du contrat`);
            articleTitle = `Intégration ${de(noun)} au périmètre du contrat`;
            purpose = `l'intégration ${de(noun)} au périmètre du contrat`;
        } else if (whole?.kind === 'remove') {
            const old = previous ?? (whole.old as EstablishmentJson | undefined);
            const details = [old?.numFinessEge ? `FINESS ${old.numFinessEge}` : '', old ? capacitiesText(old.capacities ?? []) : ''].filter(Boolean).join(', ');
            items.push(`${noun}${details ? ` (${details})` : ''} est retiré du périmètre du contrat`);
            articleTitle = `Retrait ${de(noun)} du périmètre du contrat`;
            purpose = `le retrait ${de(noun)} du périmètre du contrat`;
        } else if (whole?.kind === 'rename') {
            const oldTitle = previous?.nomEgeLong ?? whole.from ?? id;
            const finess = current?.numFinessEge ? ` (FINESS ${current.numFinessEge})` : '';
            items.push(oldTitle !== title
                ? `${establishmentNoun(previous, oldTitle)}${finess} est désormais dénommé ${quote(title)}`
                : `${noun}${finess} est désormais désigné sous l'identifiant ${whole.to ?? id}`);
        }
        const consequences: ChangeRecord[] = [];
        let capacities = false;
        for (const c of group.changes) {
            if (c === whole) continue;
            if (c.path[0] === 'departments') {
                const codes = this.after.departments ?? [];
                items.push(codes.length > 1 ? `le contrat couvre désormais les départements ${joinFr(codes)}` : `le contrat couvre désormais le département ${codes.join('')}`);
            } else if (c.path[0] !== 'perimeter') {
                consequences.push(c);
            } else if (c.path[3] === 'capacities') {
                // Said once, from the two versions' capacities (whatever the records' shape).
                if (!capacities) items.push(...this.capacityChanges(noun, previous, current));
                capacities = true;
            } else {
                items.push(this.establishmentChange(c, noun));
            }
        }
        const blocks = clause(`${capitalise(this.refs.article('identification'))} est modifié comme suit :`, items);
        const follows = this.consequences(consequences, whole?.kind === 'remove' ? 'remove' : 'add');
        if (follows.length === 1) blocks.push(paragraph(`En conséquence, ${follows[0]}.`));
        else if (follows.length > 1) blocks.push(...clause('En conséquence :', follows));
        if (whole?.kind === 'add') {
            after.push(paragraph('Sa fiche signalétique, jointe au présent avenant (', ref(FACT_SHEET_ANNEX), `), complète ${this.refs.annex('fiche-signaletique')}.`));
        } else {
            after.push(paragraph(`${capitalise(this.refs.annex('fiche-signaletique'))} est modifiée en conséquence.`));
        }
        return { title: articleTitle, blocks: [...blocks, ...after], purpose };
    }

    /** What an establishment entering or leaving the perimeter changes elsewhere: objectives, actions, funding lines. */
    private consequences(changes: readonly ChangeRecord[], kind: 'add' | 'remove'): string[] {
        const verb = kind === 'add' ? 'est ajouté aux' : 'est retiré des';
        const objectives: string[] = [];
        const actions: string[] = [];
        const lines: string[] = [];
        for (const c of changes) {
            if (c.path[0] === 'axes' && c.path[4] === 'establishments') objectives.push(quote(this.versions.objectiveTitle(c.path[3])));
            else if (c.path[0] === 'axes' && c.path[4] === 'actions') actions.push(quote(this.actionTitle(c.path[3], c.path[5])));
            else if (c.path[0] === 'funding' && c.path[1] === 'lines') {
                const line = this.versions.fundingLine(c.path[2]);
                lines.push(line ? fundingNoun(line).noun : quote(c.path[2]));
            }
        }
        const result: string[] = [];
        if (objectives.length > 0) result.push(`il ${verb} établissements concernés par ${objectives.length > 1 ? 'les objectifs' : 'l\'objectif'} ${joinFr(unique(objectives))}`);
        if (actions.length > 0) result.push(`il ${verb} établissements concernés par ${actions.length > 1 ? 'les actions' : 'l\'action'} ${joinFr(unique(actions))}`);
        if (lines.length > 0) result.push(`il ${verb} établissements financés par ${joinFr(unique(lines))}`);
        return result;
    }

    /** The title of an action, from its key in a change record (its name or its title). */
    private actionTitle(objectiveId: string, key: string): string {
        for (const side of ['after', 'before'] as const) {
            const action = this.versions.objective(objectiveId, side)?.objective.actions.find(a => a.id === key || a.title === key);
            if (action) return action.title;
        }
        return key;
    }

    /** `FINESS 260999024, catégorie ESAT (246), département 26, 70 places, tarifé par « … »`. */
    private establishmentDetails(e: EstablishmentJson): string {
        const parts: string[] = [];
        if (e.numFinessEge) parts.push(`FINESS ${e.numFinessEge}`);
        const category = e.categorieEntiteGeographique;
        if (category) parts.push(category.key ? `catégorie ${category.key} (${category.code})` : `catégorie ${category.code}`);
        if (e.department) parts.push(`département ${e.department}`);
        parts.push(capacitiesText(e.capacities ?? []));
        const authorities = (e.tarificationAuthorities ?? []).map(a => this.versions.partyName(a));
        if (authorities.length > 0) parts.push(`tarifé par ${joinFr(authorities.map(quote))}`);
        return parts.join(', ');
    }

    /** The capacities of an establishment before and after, compared by modality. */
    private capacityChanges(noun: string, before: EstablishmentJson | undefined, after: EstablishmentJson | undefined): string[] {
        const byModality = (e: EstablishmentJson | undefined) => new Map((e?.capacities ?? []).map(c => [c.modality ?? '', c]));
        const old = byModality(before);
        const current = byModality(after);
        const items: string[] = [];
        for (const [modality, c] of current) {
            const previous = old.get(modality);
            const where = modality && modality !== 'places_de_service' ? ` en ${modalityLabel(modality)}` : '';
            const unit = c.unit ?? 'places';
            if (!previous) {
                items.push(`une capacité de ${capacityText(c)} est ajoutée ${to(noun)}`);
                continue;
            }
            if (previous.authorised !== c.authorised) {
                items.push(`la capacité autorisée ${de(noun)}${where} est portée de ${numberText(previous.authorised)} à ${numberText(c.authorised)} ${unit}`);
            }
            if (previous.funded !== c.funded) {
                items.push(c.funded === undefined
                    ? `la capacité financée ${de(noun)}${where} n'est plus précisée`
                    : previous.funded === undefined
                        ? `la capacité financée ${de(noun)}${where} est fixée à ${numberText(c.funded)} ${unit}`
                        : `la capacité financée ${de(noun)}${where} est portée de ${numberText(previous.funded)} à ${numberText(c.funded)} ${unit}`);
            }
            if ((previous.unit ?? 'places') !== unit) items.push(`la capacité ${de(noun)}${where} est exprimée en ${unit}`);
        }
        for (const [modality, c] of old) {
            if (!current.has(modality)) items.push(`la capacité de ${capacityText(c)} ${de(noun)} est supprimée`);
        }
        return items;
    }

    private establishmentChange(c: ChangeRecord, noun: string): string {
        const id = c.path[2];
        const field = c.path[3];
        const current = this.versions.establishmentAfter(id);
        switch (field) {
            case 'numFinessEge':
                return `le numéro FINESS ${de(noun)} est ${String(c.new ?? '—')}${c.old ? ` (au lieu de ${String(c.old)})` : ''}`;
            case 'categorieEntiteGeographique': {
                const category = current?.categorieEntiteGeographique;
                return category ? `${noun} relève désormais de la catégorie ${category.key ?? category.label ?? ''} (${category.code})` : c.description;
            }
            case 'department':
                return `${noun} est désormais rattaché au département ${String(c.new ?? '—')}`;
            case 'tarificationAuthorities': {
                const name = quote(this.versions.partyName(String(c.new ?? c.old ?? c.path[4])));
                return c.kind === 'add' ? `${name} devient autorité de tarification ${de(noun)}` : `${name} n'est plus autorité de tarification ${de(noun)}`;
            }
            case 'habilitationAideSociale': {
                const h = current?.habilitationAideSociale;
                if (!h) return `${noun} n'est plus habilité à l'aide sociale`;
                return 'scope' in h
                    ? `l'habilitation ${de(noun)} à l'aide sociale est désormais ${h.scope === 'totale' ? 'totale' : 'nulle'}`
                    : `${noun} est habilité à l'aide sociale pour ${numberText(h.places)} places`;
            }
        }
        return c.description;
    }

    private departments(): DraftedArticle {
        const codes = this.after.departments ?? [];
        const item = codes.length > 1 ? `le contrat couvre les départements ${joinFr(codes)}` : `le contrat couvre le département ${codes.join('') || '—'}`;
        return {
            title: 'Départements couverts par le contrat',
            blocks: clause(`${capitalise(this.refs.article('identification'))} est modifié comme suit :`, [item]),
            purpose: 'la modification des départements couverts par le contrat',
        };
    }

    // --- objectives and indicators --------------------------------------------------------------------

    private objectivesIntro(): string {
        return `${capitalise(this.refs.article('objectifs'))} et ${this.refs.annex('fiches-actions')} sont modifiés comme suit :`;
    }

    private axis(group: ChangeGroup): DraftedArticle {
        const id = group.id!;
        const whole = group.changes.find(c => c.path.length === 2);
        const axis = this.versions.axis(id, whole?.kind === 'remove' ? 'before' : 'after') ?? this.versions.axis(id);
        const name = quote(axis?.title ?? id);
        const items: string[] = [];
        const tables: Block[] = [];
        if (whole?.kind === 'add') {
            const objectives = axis?.objectives ?? [];
            items.push(`l'axe stratégique ${name} est ajouté${objectives.length > 0 ? `, avec ${objectives.length > 1 ? 'les objectifs' : 'l\'objectif'} ${joinFr(objectives.map(o => quote(o.title)))}` : ''}`);
            for (const objective of objectives) tables.push(...this.actionSheet(objective));
        } else if (whole?.kind === 'remove') {
            items.push(`l'axe stratégique ${name} est supprimé, ainsi que ses objectifs et leurs fiches actions`);
        }
        for (const c of group.changes) {
            if (c === whole) continue;
            if (c.path[2] === 'objectives' && c.path.length === 4 && (c.kind === 'add' || c.kind === 'remove')) continue; // said with the axis
            items.push(...this.objectiveItems(c));
        }
        return {
            title: whole?.kind === 'remove' ? `Suppression de l'axe stratégique ${name}` : whole?.kind === 'add' ? `Ajout de l'axe stratégique ${name}` : `Modification de l'axe stratégique ${name}`,
            blocks: [...clause(this.objectivesIntro(), items), ...tables],
            purpose: whole?.kind === 'remove' ? `la suppression de l'axe stratégique ${name}` : whole?.kind === 'add' ? `l'ajout de l'axe stratégique ${name}` : `la modification de l'axe stratégique ${name}`,
        };
    }

    private objective(group: ChangeGroup): DraftedArticle {
        const id = group.id!;
        const whole = group.changes.find(c => c.path.length === 4 && c.kind !== 'change');
        const found = this.versions.objective(id, whole?.kind === 'remove' ? 'before' : 'after') ?? this.versions.objective(id);
        const name = quote(found?.objective.title ?? id);
        const items: string[] = [];
        const tables: Block[] = [];
        for (const c of group.changes) {
            items.push(...this.objectiveItems(c));
            if (c.kind === 'add' && c.path.length === 4 && found) tables.push(...this.actionSheet(found.objective));
        }
        const [title, purpose] = whole?.kind === 'add'
            ? [`Ajout de l'objectif ${name}`, `l'ajout de l'objectif ${name}`]
            : whole?.kind === 'remove'
                ? [`Suppression de l'objectif ${name}`, `la suppression de l'objectif ${name}`]
                : whole?.kind === 'move'
                    ? [`Rattachement de l'objectif ${name} à l'axe ${quote(this.versions.axisTitle(whole.to ?? ''))}`, `le rattachement de l'objectif ${name} à un autre axe stratégique`]
                    : [`Modification de l'objectif ${name}`, `la modification de l'objectif ${name}`];
        return { title, blocks: [...clause(this.objectivesIntro(), items), ...tables], purpose };
    }

    /** The sentences for a change inside an axis: objectives, their establishments and actions. */
    private objectiveItems(c: ChangeRecord): string[] {
        const [, axisId, , objectiveId, field, key, sub] = c.path;
        if (objectiveId === undefined) return [c.description];
        const found = this.versions.objective(objectiveId, c.kind === 'remove' && field === undefined ? 'before' : 'after') ?? this.versions.objective(objectiveId);
        const name = quote(found?.objective.title ?? objectiveId);
        if (field === undefined) {
            switch (c.kind) {
                case 'add': return [`l'objectif ${name} est ajouté à l'axe stratégique ${quote(this.versions.axisTitle(axisId ?? ''))}, avec la fiche action ci-après`];
                case 'remove': return [`l'objectif ${name} de l'axe stratégique ${quote(this.versions.axisTitle(axisId ?? ''))} est supprimé, ainsi que sa fiche action`];
                case 'move': return [`l'objectif ${name} est rattaché à l'axe stratégique ${quote(this.versions.axisTitle(c.to ?? ''))}, au lieu de l'axe ${quote(this.versions.axisTitle(c.from ?? ''))}`];
                default: return [c.description];
            }
        }
        if (field === 'establishments' && key !== undefined) {
            const establishment = quote(this.versions.establishmentTitle(String(c.new ?? c.old ?? key)));
            return [c.kind === 'add'
                ? `l'établissement ${establishment} est ajouté aux établissements concernés par l'objectif ${name}`
                : `l'établissement ${establishment} est retiré des établissements concernés par l'objectif ${name}`];
        }
        if (field === 'actions' && key !== undefined) {
            const action = quote(this.actionTitle(objectiveId, key));
            if (sub === undefined && c.kind === 'add' && isObject(c.new)) {
                const details = [c.new.deadline ? `échéance : ${frenchDate(String(c.new.deadline))}` : '', c.new.lead ? `pilote : ${String(c.new.lead)}` : ''].filter(Boolean).join(', ');
                return [`l'action ${action}${details ? ` (${details})` : ''} est ajoutée à la fiche action de l'objectif ${name}`];
            }
            if (sub === undefined && c.kind === 'remove') return [`l'action ${action} est retirée de la fiche action de l'objectif ${name}`];
            if (sub === 'deadline') {
                return [c.new ? `l'échéance de l'action ${action} de l'objectif ${name} est fixée au ${frenchDate(String(c.new))}${c.old ? `, au lieu du ${frenchDate(String(c.old))}` : ''}` : `l'action ${action} de l'objectif ${name} n'a plus d'échéance`];
            }
            if (sub === 'establishments') {
                const establishment = quote(this.versions.establishmentTitle(String(c.new ?? c.old ?? '')));
                return [c.kind === 'add'
                    ? `l'action ${action} de l'objectif ${name} concerne également l'établissement ${establishment}`
                    : `l'action ${action} de l'objectif ${name} ne concerne plus l'établissement ${establishment}`];
            }
        }
        if (field === 'indicators' && key !== undefined) return this.indicatorItems(c, objectiveId, key);
        return [c.description];
    }

    /** The fiche action of a new objective: its actions and its indicators with their targets. */
    private actionSheet(objective: ObjectiveJson): Block[] {
        const blocks: Block[] = [];
        if (objective.actions.length > 0) {
            blocks.push({
                kind: 'table', caption: `Fiche action ${orMissing(objective.id, MISSING.name)} — actions`,
                columns: [{ label: 'Action' }, { label: 'Échéance' }, { label: 'Pilote' }],
                rows: objective.actions.map(a => [orMissing(a.title, MISSING.title), a.deadline ? frenchDate(a.deadline) : '', a.lead ?? '']),
            });
        }
        if (objective.indicators.length > 0) blocks.push(this.indicatorsTable(objective.indicators, `Fiche action ${orMissing(objective.id, MISSING.name)} — indicateurs`));
        return blocks;
    }

    private indicatorsTable(indicators: readonly IndicatorJson[], caption: string): Table {
        const years = unique(indicators.flatMap(i => i.targets.map(t => t.year))).sort((a, b) => a - b);
        return {
            kind: 'table', caption,
            columns: [{ label: 'Indicateur' }, { label: 'Unité' }, { label: 'Référence', align: 'right' }, ...years.map(y => ({ label: `Cible ${y}`, align: 'right' as const }))],
            rows: indicators.map(i => [
                i.title ?? orMissing(i.id, MISSING.name),
                i.unit ?? '',
                i.baseline ? `${quantityText(i.baseline)} (${i.baseline.year})` : '',
                ...years.map(y => quantityText(i.targets.find(t => t.year === y))),
            ]),
        };
    }

    /** An indicator's change inside an objective's article (an objective that changes axis, an axis added). */
    private indicatorItems(c: ChangeRecord, objectiveId: string, indicatorId: string): string[] {
        const before = this.versions.indicator(objectiveId, indicatorId, 'before');
        const after = this.versions.indicator(objectiveId, indicatorId, 'after');
        const name = quote((c.kind === 'remove' ? before ?? after : after ?? before)?.title ?? indicatorId);
        const field = c.path[6];
        if (field === undefined) {
            return [c.kind === 'add' ? `l'indicateur ${name} est ajouté` : c.kind === 'remove' ? `l'indicateur ${name} est supprimé` : c.description];
        }
        if (field === 'targets' && Number.isInteger(Number(c.path[7]))) {
            const year = Number(c.path[7]);
            const old = before?.targets.find(t => t.year === year);
            const current = after?.targets.find(t => t.year === year);
            if (old && current) return [`la valeur cible ${year} de l'indicateur ${name} est portée de ${quantityText(old)} à ${quantityText(current)}`];
            if (current) return [`la valeur cible ${year} de l'indicateur ${name} est fixée à ${quantityText(current)}`];
            return [`la valeur cible ${year} de l'indicateur ${name} est supprimée`];
        }
        if (field === 'baseline') {
            return [after?.baseline
                ? `la valeur de référence de l'indicateur ${name} est de ${quantityText(after.baseline)} en ${after.baseline.year}${before?.baseline ? `, au lieu de ${quantityText(before.baseline)} en ${before.baseline.year}` : ''}`
                : `la valeur de référence de l'indicateur ${name} est supprimée`];
        }
        return [c.description];
    }

    private indicator(group: ChangeGroup): DraftedArticle {
        const objectiveId = group.objective!;
        const id = group.id!;
        const whole = group.changes.find(c => c.path.length === 6);
        const before = this.versions.indicator(objectiveId, id, 'before');
        const after = this.versions.indicator(objectiveId, id, 'after');
        const name = quote((after ?? before)?.title ?? id);
        const objective = quote(this.versions.objectiveTitle(objectiveId));
        const dashboard = this.refs.annex('tableau-de-bord');
        const blocks: Block[] = [];
        if (whole?.kind === 'add' && after) {
            const details = [after.unit ? `unité : ${after.unit}` : '', after.direction ? `évolution attendue : ${directionLabel(after.direction)}` : ''].filter(Boolean).join(' ; ');
            blocks.push(paragraph(`L'indicateur ${name}${details ? ` (${details})` : ''} est ajouté à la fiche action de l'objectif ${objective}${after.baseline ? `, avec une valeur de référence de ${quantityText(after.baseline)} en ${after.baseline.year}` : ''}. Ses valeurs cibles sont les suivantes :`));
            blocks.push({
                kind: 'table', caption: `Valeurs cibles de l'indicateur ${name}`,
                columns: [{ label: 'Année', align: 'center' }, { label: 'Valeur cible', align: 'right' }],
                rows: after.targets.map(t => [String(t.year), quantityText(t)]),
            });
            blocks.push(paragraph(`${capitalise(dashboard)} est complété en conséquence.`));
            return { title: `Ajout de l'indicateur ${name}`, blocks, purpose: `l'ajout de l'indicateur ${name}` };
        }
        if (whole?.kind === 'remove') {
            blocks.push(paragraph(`L'indicateur ${name} de l'objectif ${objective} est supprimé. La fiche action de l'objectif et ${dashboard} sont modifiés en conséquence.`));
            return { title: `Suppression de l'indicateur ${name}`, blocks, purpose: `la suppression de l'indicateur ${name}` };
        }
        const items: string[] = [];
        const years = new Set<number>();
        for (const c of group.changes) {
            const field = c.path[6];
            if (field === 'targets' && Number.isInteger(Number(c.path[7]))) {
                years.add(Number(c.path[7]));
            } else if (field === 'baseline') {
                items.push(after?.baseline
                    ? `la valeur de référence de l'indicateur ${name} est de ${quantityText(after.baseline)} en ${after.baseline.year}${before?.baseline ? `, au lieu de ${quantityText(before.baseline)} en ${before.baseline.year}` : ''}`
                    : `la valeur de référence de l'indicateur ${name} est supprimée`);
            } else if (field === 'direction') {
                items.push(`l'évolution attendue de l'indicateur ${name} est désormais : ${directionLabel(String(c.new ?? ''))}`);
            } else if (field === 'unit') {
                items.push(`l'unité de mesure de l'indicateur ${name} est désormais : ${String(c.new ?? '—')}`);
            } else if (field === 'basedOn') {
                items.push(c.new ? `l'indicateur ${name} est désormais défini selon l'indicateur ${String(c.new)} du catalogue` : `l'indicateur ${name} n'est plus défini selon un indicateur de catalogue`);
            } else {
                items.push(c.description);
            }
        }
        if (years.size > 0) {
            const rows = [...years].sort((a, b) => a - b).map((year): Cell[] => [
                String(year),
                quantityText(before?.targets.find(t => t.year === year)),
                after?.targets.some(t => t.year === year) ? quantityText(after.targets.find(t => t.year === year)) : 'supprimée',
            ]);
            blocks.push(paragraph(`Les valeurs cibles de l'indicateur ${name} (objectif ${objective}) sont modifiées comme suit :`));
            blocks.push({
                kind: 'table', caption: `Valeurs cibles de l'indicateur ${name}`,
                columns: [{ label: 'Année', align: 'center' }, { label: 'Ancienne cible', align: 'right' }, { label: 'Nouvelle cible', align: 'right' }],
                rows,
            });
        }
        if (items.length > 0) blocks.push(...clause(`L'indicateur ${name} de l'objectif ${objective} est modifié comme suit :`, items));
        blocks.push(paragraph(`${capitalise(dashboard)} et la fiche action de l'objectif ${objective} sont modifiés en conséquence.`));
        const targetsOnly = items.length === 0;
        return {
            title: targetsOnly ? `Valeurs cibles de l'indicateur ${name}` : `Modification de l'indicateur ${name}`,
            blocks,
            purpose: targetsOnly ? `la révision des valeurs cibles de l'indicateur ${name}` : `la modification de l'indicateur ${name}`,
        };
    }

    // --- means ----------------------------------------------------------------------------------------

    private funding(group: ChangeGroup): DraftedArticle {
        this.fundingChanged = true;
        const items: string[] = [];
        const amountRows = new Map<string, { line: string; year: number }>();
        let headOffice = false;
        for (const c of group.changes) {
            const [, list, key, field, sub] = c.path;
            if (list === 'lines' && key !== undefined) {
                const line = this.versions.fundingLine(key, c.kind === 'remove' && field === undefined ? 'before' : 'after') ?? this.versions.fundingLine(key);
                if (!line) {
                    items.push(c.description);
                    continue;
                }
                const { noun, e } = fundingNoun(line);
                if (field === undefined) {
                    if (c.kind === 'add') items.push(`${noun} (${this.lineDetails(line)}) est ajouté${e}${this.lineTotal(line)}`);
                    else if (c.kind === 'remove') items.push(`${noun} est supprimé${e}`);
                    else items.push(c.description);
                } else if (field === 'amounts' && Number.isInteger(Number(sub))) {
                    amountRows.set(`${key} ${c.path[4]}`, { line: key, year: Number(c.path[4]) });
                } else if (field === 'payer') {
                    items.push(`le financeur ${de(noun)} est désormais ${quote(this.versions.partyName(String(c.new ?? '')))}`);
                } else if (field === 'nature') {
                    items.push(`${noun} est désormais de nature : ${natureLabel(String(c.new ?? ''))}`);
                } else if (field === 'fundingSource') {
                    items.push(`${noun} relève désormais du financement : ${sourceLabel(String(c.new ?? ''))}`);
                } else if (field === 'establishments') {
                    const establishment = this.versions.establishment(String(c.new ?? c.old ?? sub));
                    const target = establishmentNoun(establishment, establishment?.nomEgeLong ?? String(c.new ?? c.old ?? sub));
                    items.push(c.kind === 'add' ? `${target} est ajouté aux établissements financés par ${noun}` : `${target} est retiré des établissements financés par ${noun}`);
                } else if (field === 'actualisation') {
                    const actualisation = this.versions.fundingLine(key, 'after')?.actualisation;
                    items.push(actualisation
                        ? `${noun} est actualisé${e} selon le ${indexationLabel(actualisation.method)}${actualisation.formula ? ` (${actualisation.formula})` : ''}`
                        : `les modalités d'actualisation ${de(noun)} sont supprimées`);
                } else if (field === 'distributions' && Number.isInteger(Number(sub))) {
                    const year = Number(sub);
                    const exists = this.versions.fundingLine(key, 'after')?.distributions.some(d => d.year === year);
                    items.push(exists
                        ? `la répartition ${year} ${de(noun)} entre les établissements est fixée par l'annexe financière jointe au présent avenant`
                        : `la répartition ${year} ${de(noun)} entre les établissements est supprimée`);
                } else {
                    items.push(c.description);
                }
            } else if (list === 'cnr') {
                items.push(this.cnrItem(c));
            } else if (list === 'modulations') {
                const m = (c.new ?? c.old) as { fundingLine?: string; criterion?: string; abattement?: { value: number; unit?: 'percent' } } | undefined;
                const line = this.versions.fundingLine(m?.fundingLine ?? '');
                const target = line ? fundingNoun(line).noun : quote(m?.fundingLine ?? '');
                items.push(c.kind === 'add'
                    ? `${target} peut être modulé${line ? fundingNoun(line).e : ''} selon l'activité (article R. 314-43-2 du code de l'action sociale et des familles), sur le critère du ${criterionLabel(m?.criterion)}${m?.abattement ? `, par un abattement au plus égal à ${quantityText(m.abattement)} de l'écart entre la cible et l'activité réalisée` : ''}`
                    : `la modulation selon l'activité ${de(target)} ${m?.criterion ? `sur le critère du ${criterionLabel(m.criterion)} ` : ''}est supprimée`);
            } else if (list === 'headOfficeCosts') {
                headOffice = true;
            } else {
                items.push(c.description);
            }
        }
        if (headOffice) items.push(...this.headOfficeItems());
        const rows = [...amountRows.values()].map(({ line, year }) => {
            const oldLine = this.versions.fundingLine(line, 'before');
            const newLine = this.versions.fundingLine(line, 'after');
            return {
                line: (newLine ?? oldLine)!,
                year,
                before: oldLine?.amounts.find(a => a.year === year),
                after: newLine?.amounts.find(a => a.year === year),
            };
        }).filter(r => r.line !== undefined);
        const blocks: Block[] = [];
        const intro = `${capitalise(this.refs.article('moyens'))} est modifié comme suit :`;
        // A few amounts read best as sentences; more as a table.
        if (rows.length <= 2) {
            for (const r of rows) {
                const { noun } = fundingNoun(r.line);
                items.push(r.before && r.after
                    ? `le montant ${r.year} ${de(noun)} est porté de ${amountText(r.before)} à ${amountText(r.after)}`
                    : r.after
                        ? `un montant de ${amountText(r.after)} est alloué en ${r.year} au titre ${de(noun)}`
                        : `le montant ${r.year} ${de(noun)} (${amountText(r.before)}) est supprimé`);
            }
            blocks.push(...clause(intro, items));
        } else {
            if (items.length > 0) blocks.push(...clause(intro, items), paragraph('Les montants annuels sont modifiés comme suit :'));
            else blocks.push(paragraph(`${intro} les montants annuels sont modifiés conformément au tableau ci-après.`));
            blocks.push({
                kind: 'table', caption: 'Montants annuels modifiés',
                columns: [{ label: 'Financement' }, { label: 'Année', align: 'center' }, { label: 'Montant antérieur', align: 'right' }, { label: 'Nouveau montant', align: 'right' }],
                rows: rows.map(r => [orMissing(r.line.title, MISSING.title), String(r.year), amountText(r.before), amountText(r.after)]),
            });
        }
        blocks.push(paragraph(`${capitalise(this.refs.annex('annexe-financiere'))} est remplacée par l'annexe jointe au présent avenant (`, ref(FINANCIAL_ANNEX), ').'));
        const oldTotal = this.diff.summary.fundingOld;
        const newTotal = this.diff.summary.fundingNew;
        const purpose = oldTotal !== newTotal
            ? `la modification des moyens alloués (montant total sur la durée du contrat porté de ${eurosText(oldTotal)} à ${eurosText(newTotal)}, hors tarifs journaliers)`
            : 'la modification des moyens alloués';
        return { title: 'Moyens du contrat', blocks, purpose };
    }

    private lineDetails(line: FundingLineJson): string {
        return [
            line.nature ? natureLabel(line.nature) : '',
            line.payer ? `financeur : ${this.versions.partyName(line.payer)}` : '',
            line.establishments.length > 0 ? `établissements financés : ${joinFr(line.establishments.map(e => quote(this.versions.establishmentTitle(e))))}` : '',
        ].filter(Boolean).join(' ; ');
    }

    private lineTotal(line: FundingLineJson): string {
        const total = lineTotal(jsonAmountFigures(line));
        if (total.kind === 'none') return '';
        if (total.kind === 'daily') return ', selon les tarifs journaliers fixés par l\'annexe financière';
        return `, pour un montant total de ${eurosText(total.cents / 100)} sur la durée du contrat`;
    }

    private cnrItem(c: ChangeRecord): string {
        const value = (c.path.length === 3 ? (c.new ?? c.old) : undefined) as { title?: string; year?: number; amount?: number; perDay?: true; establishment?: string; payer?: string } | undefined;
        if (value && c.kind === 'add') {
            return `un crédit non reconductible ${quote(value.title ?? '')} de ${amountText({ amount: value.amount ?? 0, perDay: value.perDay })} est alloué en ${value.year}`
                + `${value.establishment ? ` ${to(establishmentNoun(this.versions.establishment(value.establishment), this.versions.establishmentTitle(value.establishment)))}` : ''}`
                + `${value.payer ? `, à la charge de ${quote(this.versions.partyName(value.payer))}` : ''}`;
        }
        if (value && c.kind === 'remove') {
            return `le crédit non reconductible ${quote(value.title ?? '')} prévu en ${value.year} (${amountText({ amount: value.amount ?? 0, perDay: value.perDay })}) est supprimé`;
        }
        const cnr = (this.after.funding?.cnr ?? []).find(x => `${x.title} ${x.year}` === c.path[2]);
        if (cnr && c.path[3] === 'amount' && typeof c.old === 'number') {
            return `le montant du crédit non reconductible ${quote(cnr.title)} prévu en ${cnr.year} est porté de ${eurosText(c.old)} à ${eurosText(cnr.amount)}`;
        }
        return c.description;
    }

    /** The frais de siège, compared whole between the versions (whatever the records' shape). */
    private headOfficeItems(): string[] {
        const before = this.before.funding?.headOfficeCosts ?? [];
        const after = this.after.funding?.headOfficeCosts ?? [];
        const authorised = (h: HeadOfficeCostsJson) => `les frais de siège social sont autorisés${h.rate ? ` au taux de ${quantityText(h.rate)} des charges d'exploitation` : ''}${h.authorisationDate ? ` (autorisation du ${frenchDate(h.authorisationDate)})` : ''}`;
        if (after.length === 0) return ['l\'autorisation des frais de siège social est supprimée'];
        if (before.length === 1 && after.length === 1 && before[0].rate && after[0].rate) {
            return [`${authorised(after[0])}, au lieu de ${quantityText(before[0].rate)}`];
        }
        return after.map(authorised);
    }

    // --- follow-up and duration -----------------------------------------------------------------------

    private followUp(group: ChangeGroup): DraftedArticle {
        const items: string[] = [];
        let committees = false;
        for (const c of group.changes) {
            const [, list, key, field] = c.path;
            const value = (c.new ?? c.old) as Record<string, unknown> | undefined;
            switch (list) {
                case 'reviews': {
                    if (!isObject(value) || field !== undefined) {
                        items.push(c.description);
                        break;
                    }
                    const label = value.kind !== undefined ? reviewLabel(String(value.kind)) : 'revue';
                    const final = value.kind === 'finale';
                    items.push(c.kind === 'add'
                        ? `${final ? 'un' : 'une'} ${label} est prévu${final ? '' : 'e'} en ${shown(value.year, MISSING.year)}`
                        : `${final ? 'le' : 'la'} ${label} prévu${final ? '' : 'e'} en ${shown(value.year, MISSING.year)} est supprimé${final ? '' : 'e'}`);
                    break;
                }
                case 'committees':
                    committees = true;
                    break;
                case 'managementDialogues':
                    items.push(c.kind === 'add'
                        ? `un dialogue de gestion ${frequencyLabel(String(value?.frequency ?? ''))} est organisé entre les parties`
                        : `le dialogue de gestion ${frequencyLabel(String(value?.frequency ?? ''))} est supprimé`);
                    break;
                case 'gmpPmpEvaluations':
                    items.push(c.kind === 'add'
                        ? `le GIR moyen pondéré (GMP) et le PATHOS moyen pondéré (PMP) sont évalués en ${shown(value?.year, MISSING.year)}`
                        : `l'évaluation du GMP et du PMP prévue en ${shown(value?.year, MISSING.year)} est supprimée`);
                    break;
                case 'transmissions': {
                    const document = key ?? String(value?.document ?? '');
                    const current = (this.after.followUp?.transmissions ?? []).find(t => t.document === document);
                    items.push(current
                        ? `le gestionnaire transmet ${budgetDocumentLabel(document)} au plus tard le ${dayOfMonth(current.day, current.month)} de chaque année`
                        : `la transmission ${de(budgetDocumentLabel(document))} à une date fixée par le contrat est supprimée`);
                    break;
                }
                default:
                    items.push(c.description);
            }
        }
        if (committees) {
            // Said from the two versions' committees (whatever the records' shape).
            const after = this.after.followUp?.committees ?? [];
            if (after.length === 0) items.push('le comité de suivi est supprimé');
            for (const committee of after) {
                const frequency = committee.meetingFrequency ? `, qui se réunit selon un rythme ${frequencyLabel(committee.meetingFrequency)}` : '';
                items.push(`le comité de suivi réunit ${joinFr(committee.members.map(m => quote(this.versions.partyName(m))))}${frequency}`);
            }
        }
        return {
            title: 'Suivi et évaluation du contrat',
            blocks: clause(`${capitalise(this.refs.article('suivi'))} est modifié comme suit :`, items),
            purpose: 'l\'adaptation des modalités de suivi et d\'évaluation du contrat',
        };
    }

    private duration(group: ChangeGroup): DraftedArticle {
        const items: string[] = [];
        let purpose = 'la modification de la durée du contrat';
        for (const c of group.changes) {
            const field = c.path[0] === 'engagement' ? c.path[1] : c.path[0];
            const instead = c.old ? `, au lieu du ${frenchDate(String(c.old))}` : '';
            switch (field) {
                case 'dateFinEngagement':
                    items.push(c.new ? `le contrat prend fin le ${frenchDate(String(c.new))}${instead}` : c.description);
                    break;
                case 'dateEffetEngagement':
                    items.push(c.new ? `le contrat prend effet le ${frenchDate(String(c.new))}${instead}` : c.description);
                    break;
                case 'dateSignatureEngagement':
                    items.push(c.new ? `la date de signature du contrat est le ${frenchDate(String(c.new))}${instead}` : c.description);
                    break;
                case 'prorogationEndDate':
                    if (c.kind === 'add') {
                        items.push(`le contrat est prorogé jusqu'au ${frenchDate(String(c.new))}, dans la limite d'une sixième année (article L. 313-11 du code de l'action sociale et des familles)`);
                        purpose = `la prorogation du contrat jusqu'au ${frenchDate(String(c.new))}`;
                    } else if (c.kind === 'remove') {
                        items.push(`la prorogation du contrat jusqu'au ${frenchDate(String(c.old))} est supprimée`);
                    } else {
                        items.push(`le contrat est prorogé jusqu'au ${frenchDate(String(c.new))}${instead}`);
                        purpose = `la prorogation du contrat jusqu'au ${frenchDate(String(c.new))}`;
                    }
                    break;
                default:
                    items.push(c.description);
            }
        }
        return {
            title: 'Durée du contrat',
            blocks: clause(`${capitalise(this.refs.article('duree'))} est modifié comme suit :`, items),
            purpose,
        };
    }

    private other(group: ChangeGroup): DraftedArticle {
        return {
            title: 'Autres modifications',
            blocks: clause('Le contrat est modifié comme suit :', group.changes.map(c => c.description)),
            purpose: 'd\'autres modifications du contrat',
        };
    }

    // --- annexes --------------------------------------------------------------------------------------

    private factSheetAnnex(): Section {
        const blocks: Block[] = this.addedEstablishments.map(e => {
            const rows: Cell[][] = [['FINESS établissement', e.numFinessEge ?? '']];
            const category = e.categorieEntiteGeographique;
            if (category) rows.push(['Catégorie', `${category.label ?? category.key ?? ''} (${category.code})`]);
            if (e.department) rows.push(['Département', e.department]);
            for (const c of e.capacities ?? []) rows.push([`Capacité${c.modality ? ` — ${modalityLabel(c.modality)}` : ''}`, capacityText({ ...c, modality: undefined })]);
            rows.push(['Autorité(s) de tarification', (e.tarificationAuthorities ?? []).map(a => this.versions.partyName(a)).join(', ')]);
            const h = e.habilitationAideSociale;
            if (h) rows.push(['Habilitation à l\'aide sociale', 'scope' in h ? h.scope : `${numberText(h.places)} places`]);
            if (e.address) rows.push(['Adresse', e.address]);
            return { kind: 'table', caption: orMissing(e.nomEgeLong, MISSING.title), columns: [{ label: 'Rubrique' }, { label: 'Valeur' }], rows } satisfies Table;
        });
        return section(FACT_SHEET_ANNEX, 'annex', 'Fiche signalétique des établissements et services ajoutés au périmètre', blocks);
    }

    /** The financial annex of the new version, which replaces the contract's. */
    private financialAnnex(): Section {
        const funding = this.after.funding;
        const lines = funding?.lines ?? [];
        const years = this.contractYears(lines);
        const blocks: Block[] = [];
        // Cents per year of the yearly lines (tariff lines have no total).
        const totals = new Map<number, number>();
        for (const line of lines) {
            const figures = jsonAmountFigures(line);
            if (lineTotal(figures).kind !== 'yearly') continue;
            for (const a of figures) totals.set(Number(a.year), (totals.get(Number(a.year)) ?? 0) + (a.cents ?? 0));
        }
        blocks.push({
            kind: 'table', caption: 'Financements par année',
            columns: [{ label: 'Financement' }, ...years.map(y => ({ label: String(y), align: 'right' as const }))],
            rows: lines.map(l => [orMissing(l.title, MISSING.title), ...years.map(y => amountText(l.amounts.find(a => a.year === y)))]),
            footer: [[{ text: 'Total (hors tarifs journaliers)', strong: true }, ...years.map(y => ({ text: eurosText((totals.get(y) ?? 0) / 100), strong: true }))]],
        });
        for (const line of lines) {
            const details: Block[] = [paragraph(
                `Nature : ${natureLabel(line.nature)}. Financeur : ${line.payer ? this.versions.partyName(line.payer) : '—'}`,
                line.fundingSource ? ` (financement : ${sourceLabel(line.fundingSource)})` : '',
                `. Établissements financés : ${line.establishments.map(e => this.versions.establishmentTitle(e)).join(', ') || '—'}.`,
            )];
            if (line.actualisation) {
                details.push(paragraph(`Actualisation annuelle : ${indexationLabel(line.actualisation.method)}${line.actualisation.formula ? ` — ${line.actualisation.formula}` : ''}.`));
            }
            for (const distribution of line.distributions) {
                const sum = distribution.shares.reduce((s, x) => s + x.amount, 0);
                details.push({
                    kind: 'table', caption: `Répartition ${distribution.year} par établissement`,
                    columns: [{ label: 'Établissement' }, { label: 'Montant', align: 'right' }],
                    rows: distribution.shares.map(s => [this.versions.establishmentTitle(s.establishment), amountText(s)]),
                    footer: [[{ text: 'Total', strong: true }, { text: eurosText(sum), strong: true }]],
                });
            }
            blocks.push(section(`avenant-financement-${line.id ?? ''}`, 'part', orMissing(line.title, MISSING.title), details));
        }
        const cnr = funding?.cnr ?? [];
        if (cnr.length > 0) {
            blocks.push({
                kind: 'table', caption: 'Crédits non reconductibles',
                columns: [{ label: 'Objet' }, { label: 'Année', align: 'center' }, { label: 'Établissement' }, { label: 'Financeur' }, { label: 'Montant', align: 'right' }],
                rows: cnr.map(c => [orMissing(c.title, MISSING.title), String(c.year), c.establishment ? this.versions.establishmentTitle(c.establishment) : '', c.payer ? this.versions.partyName(c.payer) : '', amountText(c)]),
                footer: [[{ text: 'Total', strong: true }, '', '', '', { text: eurosText(cnr.reduce((s, c) => s + (c.perDay ? 0 : c.amount), 0)), strong: true }]],
            });
        }
        return section(FINANCIAL_ANNEX, 'annex', 'Annexe financière', blocks);
    }

    /** The years of the contract (prorogation included) and any year with an amount. */
    private contractYears(lines: readonly FundingLineJson[]): number[] {
        const years = new Set(lines.flatMap(l => l.amounts.map(a => a.year)));
        const start = Number(this.after.engagement?.dateEffetEngagement?.slice(0, 4));
        const end = Number((this.after.prorogationEndDate ?? this.after.engagement?.dateFinEngagement)?.slice(0, 4));
        if (Number.isInteger(start) && Number.isInteger(end) && end >= start && end - start < 20) {
            for (let y = start; y <= end; y++) years.add(y);
        }
        return [...years].sort((a, b) => a - b);
    }
}
