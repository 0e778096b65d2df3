/**
 * Builds the contract document from a validated contract and its avenants, following the structure of a
 * signed CPOM (socle of the arrêté du 3 mars 2017): title page, visas, préambule; Titre 1 Objet
 * (identification and perimeter, diagnostic, objectives, means); Titre 2 Mise en œuvre (follow-up, disputes,
 * revision and avenants, entry into force and duration); signatures; annexes (fiche signalétique, fiches
 * actions, dashboard of indicators, financial annex, avenants). Pure: no I/O.
 *
 * The contract may be broken (`cpom generate --force` on a text with syntax errors): any name, title, date, amount
 * or list may be missing from the AST, and the document then shows a French placeholder (missing.ts) instead.
 */
import {
    type AmendedTerm, ast, authorityDepartments, clausesOf, contractFundings, contractPeriod, contractYears, countOf, firstClause, firstProp, gestionnaireOf, joinFr, legalFrames, type LineTotal,
    modulationClauseView, parseNumber, perimeterOf, periodText, plural, regulatoryArticle, signatoriesOf, suiviItems,
} from '@cpom/language';
import {
    actionSheets, avenantsAnnex, dashboard, type DocumentContext, factSheet, financialAnnex, perimeterTable, section,
} from './contract-annexes.js';
import {
    amount, authorityKindLabel, budgetDocumentLabel, diagnosticAxisLabel, euros, frameLabel,
    frenchDate, frequencyLabel, indexationLabel, key, natureBesideTitle, plainNumber, reviewLabel, statusLabel, value,
} from './french.js';
import { type Block, type Cell, type ContractDocument, type Paragraph, paragraph, ref, type Section, type SignatureBlock, text } from './model.js';
import { MISSING, orMissing } from './missing.js';
import { ContractNumbering, finessText, partyName, payerName, titleOf } from './names.js';
import { numberDocument } from './numbering.js';
import { commitmentsSection, disputesSection, resultsSection, revisionParagraph, tripartiteSection } from './contract-clauses.js';
import { ownVisas } from './contract-visas.js';
import { modulationClause } from './modulation-clause.js';

function optional<T>(value: T | undefined): T[] {
    return value === undefined ? [] : [value];
}

export interface ContractDocumentOptions {
    /**
     * The day of a consolidation (`cpom generate --au`): `contract` is the contract as amended that day
     * (model/consolidation.ts) and `avenants` the avenants applied; the title page says so.
     */
    readonly consolidatedAt?: string;
    /**
     * What the avenants applied did to the term (`consolidate`'s `term`): the title page and the duration article
     * say which avenant prorogued the contract or set its end date.
     */
    readonly term?: AmendedTerm;
}

export function buildContractDocument(contract: ast.Contrat, avenants: readonly ast.Avenant[] = [], options: ContractDocumentOptions = {}): ContractDocument {
    const builder = new DocumentBuilder(contract, avenants, options);
    return numberDocument(builder.build());
}

/** ", département 33" or ", départements 69, 38 et 42" after an authority's kind. */
function departmentsText(authority: ast.Autorite): string {
    const codes = authorityDepartments(authority);
    return codes.length === 0 ? '' : `, ${codes.length > 1 ? 'départements' : 'département'} ${joinFr(codes)}`;
}

/** "en trois exemplaires originaux" (one per party); the usual formula when the parties are not known. */
function originalsText(parties: number): string {
    const words = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
    if (parties < 2 || parties >= words.length) return 'en autant d\'exemplaires originaux que de parties';
    return `en ${words[parties]} exemplaires originaux, un pour chaque partie`;
}

class DocumentBuilder {
    private readonly period;
    private readonly years: number[];
    private readonly frames: string[];

    private readonly ctx: DocumentContext;

    constructor(private readonly contract: ast.Contrat, private readonly avenants: readonly ast.Avenant[], private readonly options: ContractDocumentOptions = {}) {
        this.period = contractPeriod(contract);
        // The budget years up to the end of a prorogation (the contract's own, or one an avenant decided).
        this.years = this.period ? contractYears({ ...this.period, lastYear: Math.max(this.period.lastYear, this.period.prorogation?.year ?? 0) }) : [];
        this.frames = [...legalFrames(contract)];
        this.ctx = { contract, avenants, years: this.years, numbering: new ContractNumbering(contract) };
    }

    build(): ContractDocument {
        return {
            lang: 'fr',
            id: this.contract.name ?? '',
            titlePage: {
                heading: 'Contrat pluriannuel d\'objectifs et de moyens',
                title: orMissing(this.contract.title, MISSING.title),
                between: this.parties().map(p => partyName(p)),
                period: this.periodText(),
                frames: this.frames.map(f => `${frameLabel(f)} du code de l'action sociale et des familles`),
            },
            visas: this.visas(),
            preamble: this.preamble(),
            body: [
                section('titre-objet', 'title', 'Objet du contrat', [
                    this.identification(),
                    this.diagnostic(),
                    this.objectives(),
                    this.means(),
                ]),
                section('titre-mise-en-oeuvre', 'title', 'Mise en œuvre du contrat', [
                    // The socle's articles 1 to 4 keep their numbers (suivi, litiges, révision, fin des conventions
                    // tripartites); the usual clauses follow, before the entry into force and duration.
                    this.followUp(),
                    disputesSection(this.contract),
                    this.revision(),
                    ...optional(tripartiteSection(this.contract)),
                    resultsSection(this.contract),
                    commitmentsSection(this.contract),
                    this.duration(),
                ]),
            ],
            signatures: this.signatures(),
            annexes: [
                factSheet(this.ctx),
                actionSheets(this.ctx),
                dashboard(this.ctx),
                financialAnnex(this.ctx),
                ...(this.avenants.length > 0 ? [avenantsAnnex(this.ctx)] : []),
            ],
        };
    }

    // --- parties and header -------------------------------------------------------------------------

    /** The parties that signed the contract (the gestionnaire too where it signs nothing). */
    private signingParties(): ast.Partie[] {
        const result: ast.Partie[] = [];
        const add = (p: ast.Partie | undefined) => { if (p && !result.includes(p)) result.push(p); };
        for (const signatory of signatoriesOf(this.contract)) add(signatory.party?.ref);
        add(gestionnaireOf(this.contract));
        return result;
    }

    private parties(): ast.Partie[] {
        // An authority declared in the contract itself is a party even where it signs nothing: in a consolidated
        // contract, one that joined through an avenant (it signed the avenant). Before the gestionnaire, named last.
        const gestionnaire = gestionnaireOf(this.contract);
        const authorities = this.signingParties().filter(p => p !== gestionnaire);
        for (const authority of clausesOf(this.contract, ast.isAutorite)) if (!authorities.includes(authority)) authorities.push(authority);
        return gestionnaire ? [...authorities, gestionnaire] : authorities;
    }

    private periodText(): string {
        if (!this.period) return '';
        const effect = firstClause(this.contract, ast.isEffet)?.date;
        // The end of the contract as amended: a prorogation's, else the end date (an avenant's `fin` applied).
        const end = firstClause(this.contract, ast.isProrogation)?.date ?? firstClause(this.contract, ast.isFin)?.date;
        const period = periodText(frenchDate(effect), frenchDate(end));
        const day = this.options.consolidatedAt;
        if (day === undefined) return period;
        const numbers = this.avenants.map(a => `n° ${orMissing(a.number, MISSING.number)}`);
        const applied = numbers.length === 0 ? 'aucun avenant en vigueur'
            : `${numbers.length > 1 ? 'avenants' : 'avenant'} ${joinFr(numbers)} inclus`;
        const term = this.options.term;
        const amended = term?.prorogation ? ` (contrat prorogé par ${avenantLabel(term.prorogation.avenant)})`
            : term?.end ? ` (date de fin fixée par ${avenantLabel(term.end.avenant)})` : '';
        return `${period}${amended} — version consolidée au ${frenchDate(day)} (${applied})`;
    }

    private visas(): Paragraph[] {
        const visas = ['Vu le code de l\'action sociale et des familles, notamment ses articles L. 312-1, L. 313-1 et suivants, R. 314-1 et suivants ;'];
        for (const frame of this.frames) {
            // "Vu l'article L. 313-11", but "Vu le IV ter de l'article L. 313-12".
            const label = frameLabel(frame);
            visas.push(`Vu ${label.startsWith('article') ? 'l\'' : 'le '}${label} du code de l'action sociale et des familles ;`);
        }
        visas.push('Vu l\'article R. 314-40 du code de l\'action sociale et des familles, relatif à la fixation pluriannuelle des moyens ;');
        const natures = new Set(contractFundings(this.contract).lines.map(line => key(line.nature)));
        if (natures.has('dotation_globalisee_commune')) {
            visas.push('Vu l\'article R. 314-43-1 du code de l\'action sociale et des familles, relatif à la dotation globalisée commune ;');
        }
        // The EHPAD forfaits' modulation rests on R.314-160 and R.314-174 (cited in its clause), not on R.314-43-2.
        if (clausesOf(this.contract, ast.isMoyens).some(m => m.items.some(i => ast.isModulation(i) && !regulatoryArticle(modulationClauseView(i))))) {
            visas.push('Vu l\'article R. 314-43-2 du code de l\'action sociale et des familles, relatif à la modulation selon l\'activité ;');
        }
        if (this.frames.includes('L313-12-IVter')) {
            visas.push('Vu l\'arrêté du 3 mars 2017 fixant le contenu du cahier des charges du contrat pluriannuel d\'objectifs et de moyens prévu au IV ter de l\'article L. 313-12 du code de l\'action sociale et des familles ;');
        }
        if (this.frames.includes('L313-11-2')) {
            visas.push('Vu l\'arrêté du 25 octobre 2019 fixant le modèle du contrat pluriannuel d\'objectifs et de moyens prévu à l\'article L. 313-11-2 du code de l\'action sociale et des familles ;');
        }
        // The contract's own visas (PRS, schémas, autorisations, délibération) after the texts, as signed contracts do.
        visas.push(...ownVisas(this.contract));
        return visas.map(v => ({ ...paragraph(v), style: 'legal' as const }));
    }

    private preamble(): Block[] {
        const own = firstClause(this.contract, ast.isPreambule)?.text;
        const blocks: Block[] = [];
        if (own) blocks.push(paragraph(own));
        blocks.push(paragraph(
            'Le présent contrat fixe les obligations respectives des parties et prévoit les moyens nécessaires à la réalisation des objectifs qu\'il détermine, sur la durée fixée à l\'',
            ref('duree'), '.',
        ));
        // The formula that opens the articles of a signed contract.
        blocks.push(paragraph('Il est convenu ce qui suit.'));
        return blocks;
    }

    // --- Titre 1 ----------------------------------------------------------------------------------------

    private identification(): Section {
        const gestionnaire = gestionnaireOf(this.contract);
        const blocks: Block[] = [];
        if (gestionnaire) {
            const finess = firstProp(gestionnaire, ast.isFiness)?.value;
            const status = firstProp(gestionnaire, ast.isStatut)?.value;
            const details = [status ? `statut juridique : ${statusLabel(status)}` : '', finess ? `FINESS de l'entité juridique : ${finessText(finess)}` : ''].filter(Boolean);
            blocks.push(paragraph(
                'L\'organisme gestionnaire est ', text(partyName(gestionnaire), { strong: true }),
                details.length > 0 ? ` (${details.join(' ; ')})` : '', '.',
            ));
        }
        const authorities = this.parties().filter(ast.isAutorite);
        if (authorities.length > 0) {
            blocks.push(paragraph('Les autorités parties au contrat sont :'));
            blocks.push({ kind: 'list', items: authorities.map(a => [text(partyName(a), { strong: true }), text(` (${a.kind ? authorityKindLabel(a.kind) : MISSING.kind}${departmentsText(a)})`)]) });
        }
        const perimeter = perimeterOf(this.contract);
        blocks.push(paragraph(`Le contrat porte sur ${countOf(perimeter.length, 'établissement')} et ${plural(perimeter.length, 'service')}, décrit${perimeter.length > 1 ? 's' : ''} dans la fiche signalétique (`, ref('fiche-signaletique'), ') :'));
        blocks.push(perimeterTable(perimeter));
        return section('identification', 'article', 'Identification des parties et périmètre du contrat', blocks);
    }

    private diagnostic(): Section {
        const diagnostic = firstClause(this.contract, ast.isDiagnostic);
        const blocks: Block[] = [paragraph('Le diagnostic partagé entre les parties, préalable à la définition des objectifs, porte sur les points suivants.')];
        for (const part of diagnostic?.sections ?? []) {
            blocks.push(section(`diagnostic-${key(part.axis)}`, 'part', part.axis ? diagnosticAxisLabel(part.axis) : MISSING.title, [paragraph(orMissing(part.text, MISSING.text))]));
        }
        return section('diagnostic', 'article', 'Diagnostic partagé', blocks);
    }

    private objectives(): Section {
        const blocks: Block[] = [paragraph(
            'Les parties retiennent les axes stratégiques et les objectifs suivants. Chaque objectif fait l\'objet d\'une fiche action (',
            ref('fiches-actions'), ') précisant les actions, leur calendrier et les indicateurs de suivi, dont les valeurs cibles figurent au tableau de bord (',
            ref('tableau-de-bord'), ').',
        )];
        for (const axe of clausesOf(this.contract, ast.isAxe)) {
            const numbering = this.ctx.numbering;
            blocks.push(section(`axe-${numbering.axis(axe)}`, 'part', numbering.axisHeading(axe), [{
                kind: 'list',
                items: (axe.objectives ?? []).map(o => [text(`Objectif n°\u00A0${numbering.objective(o)} — `, { strong: true }), text(orMissing(o.title, MISSING.title))]),
            }]));
        }
        return section('objectifs', 'article', 'Objectifs stratégiques et opérationnels', blocks);
    }

    private means(): Section {
        const model = contractFundings(this.contract);
        const blocks: Block[] = [paragraph(
            'Pour la réalisation des objectifs, les autorités de tarification allouent les moyens suivants, détaillés par année et par établissement dans l\'annexe financière (',
            ref('annexe-financiere'), ').',
        )];
        // A nature its line's title already says is printed once, as the title; no line says more: no Nature column.
        const natures = model.lines.map(line => natureBesideTitle(line.title, firstProp(line.node, ast.isNature)?.value));
        const withNature = natures.some(n => n !== undefined);
        const rows: Cell[][] = model.lines.map((line, i) => [
            orMissing(line.title, MISSING.title),
            ...(withNature ? [natures[i] ?? ''] : []),
            payerName(line.node),
            indexationLabel(firstProp(line.node, ast.isActualisation)?.method),
            fundingTotalText(line.total),
        ]);
        blocks.push({
            kind: 'table',
            caption: 'Financements',
            columns: [
                { label: 'Financement' }, ...(withNature ? [{ label: 'Nature' }] : []), { label: 'Financeur' }, { label: 'Actualisation annuelle' },
                { label: 'Total sur la durée', align: 'right' },
            ],
            rows,
        });
        if (rows.length > 0) {
            blocks.push(paragraph('Les montants de chaque financement sont fixés chaque année selon la modalité d\'actualisation indiquée, en application de l\'article R. 314-40 du code de l\'action sociale et des familles.'));
        }
        const moyens = clausesOf(this.contract, ast.isMoyens).flatMap(m => m.items);
        const cnr = model.cnr.map(c => c.node);
        if (cnr.length > 0) {
            blocks.push(paragraph('Des crédits non reconductibles sont prévus, hors base budgétaire reconductible :'));
            blocks.push({ kind: 'list', items: cnr.map(c => [text(`${orMissing(c.title, MISSING.title)} : ${amount(c.amount)} en ${orMissing(c.year, MISSING.year)}${c.establishment ? ` pour ${titleOf(c.establishment)}` : ''}.`)]) });
        }
        for (const modulation of moyens.filter(ast.isModulation)) blocks.push(...modulationClause(modulation, this.contract));
        for (const siege of moyens.filter(ast.isFraisDeSiege)) {
            blocks.push(paragraph(
                'Les frais de siège social sont autorisés',
                siege.rate ? ` au taux de ${value(siege.rate)} des charges d'exploitation` : '',
                siege.authorisation ? ` (autorisation du ${frenchDate(siege.authorisation)})` : '', '.',
            ));
        }
        return section('moyens', 'article', 'Moyens', blocks);
    }

    // --- Titre 2 ----------------------------------------------------------------------------------------

    private followUp(): Section {
        const items = suiviItems(this.contract);
        const blocks: Block[] = [];
        const comite = items.filter(ast.isComite);
        if (comite.length > 0) {
            const members = comite.flatMap(c => (c.members ?? []).map(m => titleOf(m)));
            const frequency = comite.find(c => c.frequency)?.frequency;
            blocks.push(paragraph(`Un comité de suivi est composé de représentants des parties suivantes : ${joinFr(members)}${frequency ? ` ; il se réunit selon un rythme ${frequencyLabel(frequency)}` : ''}.`));
        }
        const dialogue = items.find(ast.isDialogueDeGestion);
        if (dialogue) blocks.push(paragraph(`Un dialogue de gestion ${dialogue.frequency ? frequencyLabel(dialogue.frequency) : MISSING.kind} fait le point sur l'exécution du contrat et l'atteinte des objectifs, au vu du tableau de bord (`, ref('tableau-de-bord'), ').'));
        const reviews = items.filter(ast.isRevue);
        if (reviews.length > 0) {
            blocks.push({ kind: 'list', items: reviews.map(r => [text(`${r.kind ? reviewLabel(r.kind) : MISSING.kind} : ${orMissing(r.year, MISSING.year)}`)]) });
        }
        const gmp = items.filter(ast.isEvaluationGmpPmp);
        if (gmp.length > 0) blocks.push(paragraph(`Le GIR moyen pondéré (GMP) et le PATHOS moyen pondéré (PMP) sont évalués en ${joinFr(gmp.map(g => orMissing(g.year, MISSING.year)))}.`));
        for (const t of items.filter(ast.isTransmission)) {
            const document = t.document ? budgetDocumentLabel(t.document) : MISSING.kind;
            blocks.push(paragraph(`Le gestionnaire transmet ${document} au plus tard le ${plainNumber(t.day) === '1' ? '1er' : plainNumber(t.day)} ${orMissing(t.month, MISSING.month)} de chaque année.`));
        }
        if (blocks.length === 0) blocks.push(paragraph('Les modalités de suivi sont fixées d\'un commun accord entre les parties.'));
        return section('suivi', 'article', 'Suivi et évaluation du contrat', blocks);
    }

    private revision(): Section {
        const blocks: Block[] = [revisionParagraph(this.contract)];
        if (this.avenants.length > 0) {
            blocks.push(paragraph('Avenants conclus (', ref('annexe-avenants'), ') :'));
            blocks.push({ kind: 'list', items: this.avenants.map(a => [text(`avenant n° ${orMissing(a.number, MISSING.number)}${this.avenantEffect(a)} : ${firstClause(a, ast.isObjet)?.text ?? MISSING.text}`)]) });
        }
        return section('revision', 'article', 'Révision du contrat et avenants', blocks);
    }

    private avenantEffect(a: ast.Avenant): string {
        const effect = firstClause(a, ast.isEffet)?.date;
        return effect ? ` (effet au ${frenchDate(effect)})` : '';
    }

    private duration(): Section {
        const effect = firstClause(this.contract, ast.isEffet)?.date;
        const end = firstClause(this.contract, ast.isFin)?.date;
        const signature = firstClause(this.contract, ast.isDateSignature)?.date;
        const prorogation = firstClause(this.contract, ast.isProrogation)?.date;
        const term = this.options.term;
        const prorogedBy = term?.prorogation;
        const blocks: Block[] = [paragraph(
            `Le contrat prend effet le ${frenchDate(effect)} et prend fin le ${frenchDate(prorogedBy ? prorogation : end)}`,
            signature ? `. Il est signé le ${frenchDate(signature)}` : '', '.',
        )];
        if (term?.end && !prorogedBy) {
            const before = term.end.before;
            blocks.push(paragraph(`La date de fin du contrat${before ? `, précédemment fixée au ${frenchDate(before)},` : ''} est portée au ${frenchDate(end)} par ${avenantLabel(term.end.avenant)}.`));
        }
        const prorogeable = parseNumber(firstClause(this.contract, ast.isProrogeable)?.years);
        blocks.push(paragraph(prorogedBy
            ? `Le contrat, qui devait prendre fin le ${frenchDate(prorogedBy.before ?? end)}, est prorogé jusqu'au ${frenchDate(prorogation)} par ${avenantLabel(prorogedBy.avenant)}, dans la limite d'une sixième année (${SIXTH_YEAR}).`
            : prorogation
                ? `Il est prorogé jusqu'au ${frenchDate(prorogation)}, dans la limite d'une sixième année (${SIXTH_YEAR}).`
                : prorogeable !== undefined
                    ? `Il est prorogeable par avenant pour une durée ${prorogeable === 1 ? 'd\'un an' : `de ${plainNumber(String(prorogeable))} ans`}, dans la limite d'une sixième année (${SIXTH_YEAR}). À défaut, un nouveau contrat est négocié avant son échéance.`
                    : `Il peut être prorogé dans la limite d'une sixième année (${SIXTH_YEAR}). À défaut, un nouveau contrat est négocié avant son échéance.`));
        return section('duree', 'article', 'Entrée en vigueur et durée du contrat', blocks);
    }

    private signatures(): SignatureBlock {
        const signature = firstClause(this.contract, ast.isDateSignature)?.date;
        const place = firstClause(this.contract, ast.isLieuSignature)?.place;
        const at = place ? `Fait à ${place}, le` : 'Fait le';
        // The originals of the signing (a consolidated contract keeps its own: a party that joined later signed an avenant).
        const originals = originalsText(this.signingParties().length);
        return {
            kind: 'signatures',
            date: signature ? `${at} ${frenchDate(signature)}, ${originals}.` : `${at} …………………, ${originals}.`,
            signatories: signatoriesOf(this.contract).map(s => ({ party: titleOf(s.party), role: s.role, person: s.person })),
        };
    }
}

/** The article that limits a CPOM to a sixth year, as a signed text cites it. */
const SIXTH_YEAR = 'article L. 313-11 du code de l\'action sociale et des familles';

/** "l'avenant n° 2": an avenant by its number, never its identifier. */
function avenantLabel(avenant: ast.Avenant): string {
    return `l'avenant n° ${orMissing(avenant.number, MISSING.number)}`;
}

/** A line's total over the period as the language model defines it (a tariff line has none). */
function fundingTotalText(total: LineTotal): string {
    return total.kind === 'daily' ? 'tarif journalier' : total.kind === 'yearly' ? euros(total.cents) : MISSING.amount;
}
