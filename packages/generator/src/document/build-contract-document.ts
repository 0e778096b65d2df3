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
    ast, clausesOf, contractFundings, contractPeriod, contractYears, establishmentFacts, firstClause, firstProp, fundedEstablishments, indicatorChain, inheritedIndicatorProp,
    fundingLine, fundingsOf, gestionnaireOf, indicatorsOf, joinFr, legalFrames, objectivesOf, parseCents, parseNumber, perimeterOf, propsOf,
    signatoriesOf, suiviItems,
} from '@cpom/language';
import {
    amount, authorityKindLabel, budgetDocumentLabel, criterionLabel, diagnosticAxisLabel, directionLabel, euros, frameLabel,
    frenchDate, frequencyLabel, indexationLabel, key, modalityLabel, natureLabel, plainNumber, reviewLabel, sourceLabel,
    statusLabel, value,
} from './french.js';
import {
    type Block, type Cell, type ContractDocument, type Paragraph, paragraph, ref, type Section,
    type SectionKind, type SignatureBlock, type Table, text,
} from './model.js';
import { MISSING, orMissing } from './missing.js';
import { numberDocument } from './numbering.js';
import { amendmentSentences } from './amendment-clauses.js';
import { ficheHeadings } from './fiche-headings.js';

export interface ContractDocumentOptions {
    /**
     * The day of a consolidation (`cpom generate --au`): `contract` is the contract as amended that day
     * (model/consolidation.ts) and `avenants` the avenants applied; the title page says so.
     */
    readonly consolidatedAt?: string;
}

export function buildContractDocument(contract: ast.Contrat, avenants: readonly ast.Avenant[] = [], options: ContractDocumentOptions = {}): ContractDocument {
    const builder = new DocumentBuilder(contract, avenants, options);
    return numberDocument(builder.build());
}

/** "en trois exemplaires originaux" (one per party); the usual formula when the parties are not known. */
function originalsText(parties: number): string {
    const words = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
    if (parties < 2 || parties >= words.length) return 'en autant d\'exemplaires originaux que de parties';
    return `en ${words[parties]} exemplaires originaux, un pour chaque partie`;
}

function section(id: string, sectionKind: SectionKind, title: string, blocks: Block[]): Section {
    return { kind: 'section', id, sectionKind, title, blocks };
}

/** A party by its title, else its identifier, else the name as written (unresolved), else the placeholder. */
function partyName(party: ast.Partie | undefined, written?: string): string {
    return party?.title ?? party?.name ?? (written || MISSING.name);
}

/** What a reference names, by its title: else as written. */
function titleOf(reference: { ref?: { title?: string; name?: string }; $refText?: string } | undefined): string {
    return reference?.ref?.title ?? reference?.ref?.name ?? (reference?.$refText || MISSING.name);
}

function indicatorTitle(indicator: ast.Indicateur): string {
    return indicatorChain(indicator).find(i => i.title)?.title ?? orMissing(indicator.name, MISSING.name);
}

/** "O1 — Titre" for an axis or an objective. */
function namedTitle(element: { name?: string; title?: string }): string {
    return `${orMissing(element.name, MISSING.name)} — ${orMissing(element.title, MISSING.title)}`;
}

class DocumentBuilder {
    private readonly period;
    private readonly years: number[];
    private readonly frames: string[];

    constructor(private readonly contract: ast.Contrat, private readonly avenants: readonly ast.Avenant[], private readonly options: ContractDocumentOptions = {}) {
        this.period = contractPeriod(contract);
        this.years = this.period ? contractYears(this.period) : [];
        this.frames = [...legalFrames(contract)];
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
                    this.followUp(),
                    section('litiges', 'article', 'Règlement des litiges', [
                        paragraph('Les parties s\'efforcent de régler à l\'amiable tout différend relatif à l\'interprétation ou à l\'exécution du présent contrat, au sein du comité de suivi. À défaut d\'accord, le litige est porté devant le tribunal administratif territorialement compétent.'),
                    ]),
                    this.revision(),
                    this.duration(),
                ]),
            ],
            signatures: this.signatures(),
            annexes: [
                this.factSheet(),
                this.actionSheets(),
                this.dashboard(),
                this.financialAnnex(),
                ...(this.avenants.length > 0 ? [this.avenantsAnnex()] : []),
            ],
        };
    }

    // --- parties and header -------------------------------------------------------------------------

    private parties(): ast.Partie[] {
        const result: ast.Partie[] = [];
        const add = (p: ast.Partie | undefined) => { if (p && !result.includes(p)) result.push(p); };
        for (const signatory of signatoriesOf(this.contract)) add(signatory.party?.ref);
        add(gestionnaireOf(this.contract));
        return result;
    }

    private periodText(): string {
        if (!this.period) return '';
        const effect = firstClause(this.contract, ast.isEffet)?.date;
        const end = firstClause(this.contract, ast.isFin)?.date;
        const period = `du ${frenchDate(effect)} au ${frenchDate(end)}`;
        const day = this.options.consolidatedAt;
        if (day === undefined) return period;
        const numbers = this.avenants.map(a => `n° ${orMissing(a.number, MISSING.number)}`);
        const applied = numbers.length === 0 ? 'aucun avenant en vigueur'
            : `${numbers.length > 1 ? 'avenants' : 'avenant'} ${joinFr(numbers)} inclus`;
        return `${period} — version consolidée au ${frenchDate(day)} (${applied})`;
    }

    private visas(): Paragraph[] {
        const visas = ['Vu le code de l\'action sociale et des familles, notamment ses articles L. 312-1, L. 313-1 et suivants, R. 314-1 et suivants ;'];
        for (const frame of this.frames) {
            visas.push(`Vu l'${frameLabel(frame)} du code de l'action sociale et des familles ;`);
        }
        visas.push('Vu l\'article R. 314-40 du code de l\'action sociale et des familles, relatif à la fixation pluriannuelle des moyens ;');
        const natures = new Set(fundingsOf(this.contract).map(f => key(firstProp(f, ast.isNature)?.value)));
        if (natures.has('dotation_globalisee_commune')) {
            visas.push('Vu l\'article R. 314-43-1 du code de l\'action sociale et des familles, relatif à la dotation globalisée commune ;');
        }
        if (clausesOf(this.contract, ast.isMoyens).some(m => m.items.some(ast.isModulation))) {
            visas.push('Vu l\'article R. 314-43-2 du code de l\'action sociale et des familles, relatif à la modulation selon l\'activité ;');
        }
        if (this.frames.includes('L313-12-IVter')) {
            visas.push('Vu l\'arrêté du 3 mars 2017 fixant le contenu du cahier des charges du contrat pluriannuel d\'objectifs et de moyens prévu au IV ter de l\'article L. 313-12 du code de l\'action sociale et des familles ;');
        }
        if (this.frames.includes('L313-11-2')) {
            visas.push('Vu l\'arrêté du 25 octobre 2019 fixant le modèle du contrat pluriannuel d\'objectifs et de moyens prévu à l\'article L. 313-11-2 du code de l\'action sociale et des familles ;');
        }
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
            const details = [status ? `statut : ${statusLabel(status)}` : '', finess ? `FINESS de l'entité juridique : ${this.finess(finess)}` : ''].filter(Boolean);
            blocks.push(paragraph(
                'L\'organisme gestionnaire est ', text(partyName(gestionnaire), { strong: true }),
                details.length > 0 ? ` (${details.join(' ; ')})` : '', '.',
            ));
        }
        const authorities = this.parties().filter(ast.isAutorite);
        if (authorities.length > 0) {
            blocks.push(paragraph('Les autorités parties au contrat sont :'));
            blocks.push({ kind: 'list', items: authorities.map(a => [text(partyName(a), { strong: true }), text(` (${a.kind ? authorityKindLabel(a.kind) : MISSING.kind}${a.department ? `, département ${a.department}` : ''})`)]) });
        }
        const perimeter = perimeterOf(this.contract);
        blocks.push(paragraph(`Le contrat porte sur ${perimeter.length} établissement${perimeter.length > 1 ? 's' : ''} et service${perimeter.length > 1 ? 's' : ''}, décrits dans la fiche signalétique (`, ref('fiche-signaletique'), ') :'));
        blocks.push(this.perimeterTable(perimeter));
        return section('identification', 'article', 'Identification des parties et périmètre du contrat', blocks);
    }

    private finess(typed: string): string {
        return typed.replace(/\s+/g, '').toUpperCase();
    }

    private perimeterTable(perimeter: ast.Etablissement[]): Table {
        let total = 0;
        const rows: Cell[][] = perimeter.map(e => {
            const facts = establishmentFacts(e);
            total += facts.authorisedPlaces;
            return [
                orMissing(e.title, MISSING.title),
                facts.finess ?? '',
                facts.category ? `${facts.category.key} (${facts.category.finessCodes.join('/')})` : '',
                facts.department ?? '',
                plainNumber(String(facts.authorisedPlaces)),
                facts.tarification.map(a => partyName(a)).join(', '),
            ];
        });
        return {
            kind: 'table',
            caption: 'Établissements et services du périmètre',
            columns: [
                { label: 'Établissement ou service' }, { label: 'FINESS' }, { label: 'Catégorie' }, { label: 'Dép.', align: 'center' },
                { label: 'Places', align: 'right' }, { label: 'Tarification' },
            ],
            rows,
            footer: [[{ text: 'Total', strong: true }, '', '', '', { text: plainNumber(String(total)), strong: true }, '']],
        };
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
            blocks.push(section(`axe-${axe.name ?? ''}`, 'part', `Axe ${namedTitle(axe)}`, [{
                kind: 'list',
                items: (axe.objectives ?? []).map(o => [text(`${orMissing(o.name, MISSING.name)} — `, { strong: true }), text(orMissing(o.title, MISSING.title))]),
            }]));
        }
        return section('objectifs', 'article', 'Objectifs stratégiques et opérationnels', blocks);
    }

    private means(): Section {
        const fundings = fundingsOf(this.contract);
        const blocks: Block[] = [paragraph(
            'Pour la réalisation des objectifs, les autorités de tarification allouent les moyens suivants, détaillés par année et par établissement dans l\'annexe financière (',
            ref('annexe-financiere'), ').',
        )];
        const rows: Cell[][] = fundings.map(f => [
            orMissing(f.title, MISSING.title),
            natureLabel(firstProp(f, ast.isNature)?.value),
            this.payerName(f),
            indexationLabel(firstProp(f, ast.isActualisation)?.method),
            this.fundingTotal(f),
        ]);
        blocks.push({
            kind: 'table',
            caption: 'Financements',
            columns: [{ label: 'Financement' }, { label: 'Nature' }, { label: 'Financeur' }, { label: 'Actualisation (R. 314-40)' }, { label: 'Total sur la durée', align: 'right' }],
            rows,
        });
        const moyens = clausesOf(this.contract, ast.isMoyens).flatMap(m => m.items);
        const cnr = moyens.filter(ast.isCnr);
        if (cnr.length > 0) {
            blocks.push(paragraph('Des crédits non reconductibles sont prévus, hors base budgétaire reconductible :'));
            blocks.push({ kind: 'list', items: cnr.map(c => [text(`${orMissing(c.title, MISSING.title)} : ${amount(c.amount)} en ${orMissing(c.year, MISSING.year)}${c.establishment ? ` pour ${titleOf(c.establishment)}` : ''}.`)]) });
        }
        for (const modulation of moyens.filter(ast.isModulation)) {
            const criterion = firstProp(modulation, ast.isCritere)?.value;
            const abattement = firstProp(modulation, ast.isAbattement)?.value;
            const justification = firstProp(modulation, ast.isJustification)?.text;
            blocks.push(paragraph(
                `Le financement « ${titleOf(modulation.funding)} » peut être modulé selon l'activité (article R. 314-43-2), sur le critère du ${criterionLabel(criterion)}`,
                abattement ? `, par un abattement au plus égal à ${value(abattement)} de l'écart entre la cible et l'activité réalisée` : '',
                '.', justification ? ` ${justification}` : '',
            ));
        }
        for (const siege of moyens.filter(ast.isFraisDeSiege)) {
            blocks.push(paragraph(
                'Les frais de siège social sont autorisés',
                siege.rate ? ` au taux de ${value(siege.rate)} des charges d'exploitation` : '',
                siege.authorisation ? ` (autorisation du ${frenchDate(siege.authorisation)})` : '', '.',
            ));
        }
        return section('moyens', 'article', 'Moyens', blocks);
    }

    /** The payer of a funding line; none when the line names none. */
    private payerName(f: ast.Financement): string {
        const payer = firstProp(f, ast.isFinanceur)?.payer;
        return payer ? partyName(payer.ref, payer.$refText) : '';
    }

    /** The line's total over the period as the language model defines it (a tariff line has none). */
    private fundingTotal(f: ast.Financement): string {
        const total = fundingLine(f).total;
        return total.kind === 'daily' ? 'tarif journalier' : total.kind === 'yearly' ? euros(total.cents) : MISSING.amount;
    }

    // --- Titre 2 ----------------------------------------------------------------------------------------

    private followUp(): Section {
        const items = suiviItems(this.contract);
        const blocks: Block[] = [];
        const comite = items.filter(ast.isComite);
        if (comite.length > 0) {
            const members = comite.flatMap(c => (c.members ?? []).map(m => partyName(m.ref, m.$refText)));
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
        const blocks: Block[] = [paragraph(
            'Le contrat peut être révisé par voie d\'avenant, à la demande de l\'une des parties, notamment pour intégrer un nouvel établissement ou service au périmètre ou pour modifier les moyens fixés à l\'',
            ref('moyens'), '. Tout avenant est signé par l\'ensemble des parties.',
        )];
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
        const blocks: Block[] = [paragraph(
            `Le contrat prend effet le ${frenchDate(effect)} et prend fin le ${frenchDate(end)}`,
            signature ? `. Il est signé le ${frenchDate(signature)}` : '', '.',
        )];
        const prorogeable = parseNumber(firstClause(this.contract, ast.isProrogeable)?.years);
        blocks.push(paragraph(prorogation
            ? `Il est prorogé jusqu'au ${frenchDate(prorogation)}, dans la limite d'une sixième année (article L. 313-11).`
            : prorogeable !== undefined
                ? `Il est prorogeable par avenant pour une durée de ${plainNumber(String(prorogeable))} an${prorogeable > 1 ? 's' : ''}, dans la limite d'une sixième année (article L. 313-11). À défaut, un nouveau contrat est négocié avant son échéance.`
                : 'Il peut être prorogé dans la limite d\'une sixième année (article L. 313-11). À défaut, un nouveau contrat est négocié avant son échéance.'));
        return section('duree', 'article', 'Entrée en vigueur et durée du contrat', blocks);
    }

    private signatures(): SignatureBlock {
        const signature = firstClause(this.contract, ast.isDateSignature)?.date;
        const place = firstClause(this.contract, ast.isLieuSignature)?.place;
        const at = place ? `Fait à ${place}, le` : 'Fait le';
        const originals = originalsText(this.parties().length);
        return {
            kind: 'signatures',
            date: signature ? `${at} ${frenchDate(signature)}, ${originals}.` : `${at} …………………, ${originals}.`,
            signatories: signatoriesOf(this.contract).map(s => ({ party: partyName(s.party?.ref, s.party?.$refText), role: s.role, person: s.person })),
        };
    }

    // --- annexes ----------------------------------------------------------------------------------------

    private factSheet(): Section {
        const gestionnaire = gestionnaireOf(this.contract);
        const blocks: Block[] = [];
        if (gestionnaire) {
            const rows: Cell[][] = [['Raison sociale', partyName(gestionnaire)]];
            const finess = firstProp(gestionnaire, ast.isFiness)?.value;
            if (finess) rows.push(['FINESS entité juridique', this.finess(finess)]);
            const status = firstProp(gestionnaire, ast.isStatut)?.value;
            if (status) rows.push(['Statut juridique', statusLabel(status)]);
            const address = firstProp(gestionnaire, ast.isAdresse)?.value;
            if (address) rows.push(['Siège', address]);
            blocks.push({ kind: 'table', caption: 'Organisme gestionnaire', columns: [{ label: 'Rubrique' }, { label: 'Valeur' }], rows });
        }
        for (const e of perimeterOf(this.contract)) {
            const facts = establishmentFacts(e);
            const rows: Cell[][] = [['FINESS établissement', facts.finess ?? '']];
            if (facts.category) rows.push(['Catégorie', `${facts.category.label} (${facts.category.finessCodes.join('/')})`]);
            if (facts.department) rows.push(['Département', facts.department]);
            for (const c of facts.capacities) {
                rows.push([`Capacité — ${modalityLabel(c.modality ?? 'places_de_service')}`, `${plainNumber(c.authorised)} ${c.unit ?? 'places'} autorisées${c.funded ? `, dont ${plainNumber(c.funded)} financées` : ''}`]);
            }
            rows.push(['Autorité(s) de tarification', facts.tarification.map(a => partyName(a)).join(', ')]);
            const habilitation = firstProp(e, ast.isHabilitationAideSociale);
            if (habilitation) rows.push(['Habilitation à l\'aide sociale', habilitation.scope ?? `${plainNumber(habilitation.places)} places`]);
            const address = firstProp(e, ast.isAdresse)?.value;
            if (address) rows.push(['Adresse', address]);
            blocks.push({ kind: 'table', caption: orMissing(e.title, MISSING.title), columns: [{ label: 'Rubrique' }, { label: 'Valeur' }], rows });
        }
        return section('fiche-signaletique', 'annex', 'Fiche signalétique du gestionnaire et des établissements', blocks);
    }

    private actionSheets(): Section {
        const blocks: Block[] = [];
        for (const objective of objectivesOf(this.contract)) {
            const parts: Block[] = [];
            const axe = objective.$container;
            parts.push(paragraph(text('Axe : ', { strong: true }), namedTitle(axe)));
            for (const d of objective.items.filter(ast.isDescription)) parts.push(paragraph(orMissing(d.text, MISSING.text)));
            const concerned = objective.items.filter(ast.isConcernes).flatMap(c => (c.establishments ?? []).map(titleOf));
            if (concerned.length > 0) parts.push(paragraph(text('Établissements concernés : ', { strong: true }), concerned.join(', ')));
            parts.push(...ficheHeadings(objective));
            const actions = objective.items.filter(ast.isAction);
            if (actions.length > 0) {
                parts.push({
                    kind: 'table', caption: 'Actions',
                    columns: [{ label: 'Action' }, { label: 'Échéance' }, { label: 'Pilote' }, { label: 'Établissements' }],
                    rows: actions.map(a => [orMissing(a.title, MISSING.title), a.deadline ? frenchDate(a.deadline) : '', a.lead ?? '', (a.establishments ?? []).map(titleOf).join(', ')]),
                });
            }
            const indicators = indicatorsOf(objective);
            if (indicators.length > 0) parts.push(this.indicatorTable(indicators, 'Indicateurs'));
            blocks.push(section(`fiche-${objective.name ?? ''}`, 'part', `Fiche action ${namedTitle(objective)}`, parts));
        }
        return section('fiches-actions', 'annex', 'Fiches actions', blocks);
    }

    private indicatorTable(indicators: ast.Indicateur[], caption: string): Table {
        return {
            kind: 'table', caption,
            columns: [
                { label: 'Indicateur' }, { label: 'Unité' }, { label: 'Source' }, { label: 'Sens' }, { label: 'Référence', align: 'right' },
                ...this.years.map(y => ({ label: `Cible ${y}`, align: 'right' as const })),
            ],
            rows: indicators.map(i => this.indicatorRow(i, true)),
        };
    }

    private indicatorRow(indicator: ast.Indicateur, details: boolean): Cell[] {
        const baseline = firstProp(indicator, ast.isReference);
        const targets = new Map((firstProp(indicator, ast.isCibles)?.targets ?? []).map(t => [Number(parseNumber(t.year)), value(t.value)]));
        const head: Cell[] = [indicatorTitle(indicator)];
        if (details) {
            head.push(
                inheritedIndicatorProp(indicator, ast.isUnite)?.value ?? '',
                inheritedIndicatorProp(indicator, ast.isSource)?.value ?? '',
                directionLabel(inheritedIndicatorProp(indicator, ast.isSens)?.value),
            );
        }
        return [
            ...head,
            baseline ? `${value(baseline.value)} (${orMissing(baseline.year, MISSING.year)})` : '',
            ...this.years.map(y => targets.get(y) ?? '—'),
        ];
    }

    private dashboard(): Section {
        const rows: Cell[][] = [];
        for (const objective of objectivesOf(this.contract)) {
            for (const indicator of indicatorsOf(objective)) {
                rows.push([orMissing(objective.name, MISSING.name), ...this.indicatorRow(indicator, false)]);
            }
        }
        return section('tableau-de-bord', 'annex', 'Tableau de bord des indicateurs', [{
            kind: 'table', caption: 'Valeurs de référence et cibles annuelles',
            columns: [{ label: 'Objectif' }, { label: 'Indicateur' }, { label: 'Référence', align: 'right' }, ...this.years.map(y => ({ label: String(y), align: 'right' as const }))],
            rows,
        }]);
    }

    private financialAnnex(): Section {
        const blocks: Block[] = [];
        const fundings = fundingsOf(this.contract);
        const totals = contractFundings(this.contract).linesByYear;
        const yearlyRows: Cell[][] = fundings.map(f => {
            const byYear = new Map(fundingLine(f).amounts.map(a => [a.year, a.amount]));
            return [orMissing(f.title, MISSING.title), ...this.years.map(y => (byYear.has(y) ? amount(byYear.get(y)) : '—'))];
        });
        blocks.push({
            kind: 'table', caption: 'Financements par année',
            columns: [{ label: 'Financement' }, ...this.years.map(y => ({ label: String(y), align: 'right' as const }))],
            rows: yearlyRows,
            footer: [[{ text: 'Total (hors tarifs journaliers)', strong: true }, ...this.years.map(y => ({ text: euros(totals.get(y) ?? 0), strong: true }))]],
        });
        for (const f of fundings) {
            const details: Block[] = [paragraph(
                `Nature : ${natureLabel(firstProp(f, ast.isNature)?.value)}. Financeur : ${this.payerName(f)}`,
                firstProp(f, ast.isSourceFinancement) ? ` (financement : ${sourceLabel(firstProp(f, ast.isSourceFinancement)?.value)})` : '',
                `. Établissements financés : ${fundedEstablishments(f).map(e => orMissing(e.title, MISSING.title)).join(', ')}.`,
            )];
            const actualisation = firstProp(f, ast.isActualisation);
            if (actualisation) details.push(paragraph(`Actualisation annuelle : ${actualisation.method ? indexationLabel(actualisation.method) : MISSING.kind}${actualisation.formula ? ` — ${actualisation.formula}` : ''}.`));
            for (const repartition of propsOf(f, ast.isRepartition)) {
                let sum = 0;
                const rows: Cell[][] = (repartition.shares ?? []).map(p => {
                    sum += parseCents(p.amount?.value) ?? 0;
                    return [titleOf(p.establishment), amount(p.amount)];
                });
                details.push({
                    kind: 'table', caption: `Répartition ${orMissing(repartition.year, MISSING.year)} par établissement`,
                    columns: [{ label: 'Établissement' }, { label: 'Montant', align: 'right' }],
                    rows, footer: [[{ text: 'Total', strong: true }, { text: euros(sum), strong: true }]],
                });
            }
            blocks.push(section(`financement-${f.name ?? ''}`, 'part', orMissing(f.title, MISSING.title), details));
        }
        const cnr = clausesOf(this.contract, ast.isMoyens).flatMap(m => m.items.filter(ast.isCnr));
        if (cnr.length > 0) {
            blocks.push({
                kind: 'table', caption: 'Crédits non reconductibles',
                columns: [{ label: 'Objet' }, { label: 'Année', align: 'center' }, { label: 'Établissement' }, { label: 'Financeur' }, { label: 'Montant', align: 'right' }],
                rows: cnr.map(c => [orMissing(c.title, MISSING.title), orMissing(c.year, MISSING.year), c.establishment ? titleOf(c.establishment) : '', c.payer ? partyName(c.payer.ref, c.payer.$refText) : '', amount(c.amount)]),
                footer: [[{ text: 'Total', strong: true }, '', '', '', { text: euros(contractFundings(this.contract).cnrTotalCents), strong: true }]],
            });
        }
        return section('annexe-financiere', 'annex', 'Annexe financière', blocks);
    }

    private avenantsAnnex(): Section {
        const blocks: Block[] = this.avenants.map(a => {
            const parts: Block[] = [];
            parts.push(paragraph(text('Objet : ', { strong: true }), firstClause(a, ast.isObjet)?.text ?? MISSING.text));
            const effect = firstClause(a, ast.isEffet)?.date;
            const signature = firstClause(a, ast.isDateSignature)?.date;
            parts.push(paragraph(`Effet : ${frenchDate(effect)}${signature ? ` ; signé le ${frenchDate(signature)}` : ''}.`));
            const added = clausesOf(a, ast.isAjout).map(x => x.establishment).filter((e): e is ast.Etablissement => e !== undefined);
            if (added.length > 0) parts.push(paragraph('Établissements ajoutés au périmètre :'), this.perimeterTable(added));
            const retired = clausesOf(a, ast.isRetrait).flatMap(r => (r.establishments ?? []).map(titleOf));
            if (retired.length > 0) parts.push(paragraph(`Établissements retirés du périmètre : ${retired.join(', ')}.`));
            const prorogation = firstClause(a, ast.isProrogation)?.date;
            if (prorogation) parts.push(paragraph(`Le contrat est prorogé jusqu'au ${frenchDate(prorogation)}.`));
            const changes = amendmentSentences(a);
            if (changes.length > 0) parts.push({ kind: 'list', items: changes.map(c => [text(c)]) });
            const fundings = fundingsOf(a);
            if (fundings.length > 0) {
                parts.push({
                    kind: 'table', caption: 'Financements de l\'avenant',
                    columns: [{ label: 'Financement' }, { label: 'Financeur' }, { label: 'Montants' }],
                    rows: fundings.map(f => [orMissing(f.title, MISSING.title), this.payerName(f), propsOf(f, ast.isMontants).flatMap(m => m.amounts ?? []).map(x => `${orMissing(x.year, MISSING.year)} : ${amount(x.amount)}`).join(' ; ')]),
                });
            }
            parts.push(paragraph(`Signataires : ${signatoriesOf(a).map(s => partyName(s.party?.ref, s.party?.$refText)).join(', ')}.`));
            return section(`avenant-${a.number ?? ''}`, 'part', `Avenant n° ${orMissing(a.number, MISSING.number)}`, parts);
        });
        return section('annexe-avenants', 'annex', 'Avenants', blocks);
    }
}
