/**
 * What an avenant modifies, in French sentences for the avenants annex of the contract document: the new end date,
 * each `modifie X { … }` (what X becomes), the follow-up it replaces, the visas and clauses it adds, words anew or
 * withdraws. Labels and numbers only, never an identifier.
 */
import {
    ast, capacityCount, clauseKindKey, de, joinFr, keywordLabel, modificationPropApplies, modificationTargetKind, parseNumber, plain, propsOf, quote,
    VISA_ACTS, type VisaKindKey,
} from '@cpom/language';
import type { AstNode } from 'langium';
import {
    amount, directionLabel, frenchDate, frequencyLabel, indexationLabel, modalityLabel, natureLabel, plainNumber,
    reviewLabel, sourceLabel, value,
} from './french.js';
import { MISSING, orMissing } from './missing.js';
import { visaSentence, withoutSemicolon } from './contract-visas.js';

/** One sentence per change an avenant makes beyond additions and withdrawals (in the order of its text). */
export function amendmentSentences(avenant: ast.Avenant): string[] {
    const sentences: string[] = [];
    for (const clause of avenant.clauses) {
        if (ast.isFin(clause)) {
            sentences.push(`La date de fin du contrat est portée au ${frenchDate(clause.date)}.`);
        } else if (ast.isModification(clause)) {
            sentences.push(...modificationSentences(clause));
        } else if (ast.isSuivi(clause)) {
            const items = clause.items.map(followUpText).filter((t): t is string => t !== undefined);
            if (items.length > 0) sentences.push(`Le suivi du contrat est modifié : ${joinFr(items)}.`);
        } else if (ast.isVisas(clause)) {
            const visas = clause.items.map(addedVisa).filter((t): t is string => t !== undefined);
            if (visas.length > 0) sentences.push(`${visas.length > 1 ? 'Les visas suivants sont ajoutés' : 'Le visa suivant est ajouté'} : ${joinFr(visas)}.`);
        } else if (ast.isRetraitVisa(clause)) {
            sentences.push(`${withdrawnVisa(clause)}.`);
        } else if (ast.isClausesRedigees(clause)) {
            for (const item of clause.items) {
                const wording = item.text?.trim().replace(/[.;]$/, '');
                sentences.push(`La clause ${quote(clauseLabel(item.kind))} est rédigée comme suit : ${quote(orMissing(wording, MISSING.text))}.`);
            }
        } else if (ast.isRetraitClause(clause)) {
            sentences.push(`La clause ${quote(clauseLabel(clause.kind))} reprend la rédaction par défaut du contrat.`);
        }
    }
    return sentences;
}

function addedVisa(visa: ast.Visa): string | undefined {
    const sentence = visaSentence({
        kind: visa.kind ? plain(visa.kind) : undefined, text: visa.text, date: visa.date,
        establishments: visa.establishments.map(e => orMissing(e.ref?.title, MISSING.name)),
    });
    return sentence === undefined ? undefined : quote(withoutSemicolon(sentence));
}

/** "Le visa du schéma départemental « … » est retiré des visas du contrat" (each visa in force it names). */
function withdrawnVisa(withdrawal: ast.RetraitVisa): string {
    const kind = withdrawal.kind ? plain(withdrawal.kind) : undefined;
    const label = kind !== undefined && kind !== 'autre' && kind in VISA_ACTS ? ` ${de(VISA_ACTS[kind as VisaKindKey])}` : '';
    const text = withdrawal.text?.trim() ? ` ${quote(withdrawal.text.trim())}` : '';
    const date = withdrawal.date ? ` du ${frenchDate(withdrawal.date)}` : '';
    return `Le visa${label}${text}${date} est retiré des visas du contrat`;
}

function clauseLabel(kind: string | undefined): string {
    const key = clauseKindKey(kind);
    return (key && keywordLabel('ClauseKind', key)) ?? MISSING.name;
}

const TARGET_LABELS = { establishment: 'l\'établissement', indicator: 'l\'indicateur', funding: 'le financement', objective: 'l\'objectif' } as const;

/**
 * What a `modifie` does, one item each: a capacity in two sentences of its own ("La capacité autorisée de
 * l'établissement « … » en hébergement temporaire est portée à 6 lits. Sa capacité financée en hébergement temporaire
 * est portée à 6 lits."), then the other clauses in one sentence ("Pour l'indicateur « … » : cibles : 2024 : 97,5 %.").
 */
function modificationSentences(m: ast.Modification): string[] {
    const target = m.target?.ref;
    const kind = modificationTargetKind(target);
    if (!target || !kind) return [];
    const props = m.props.filter(p => modificationPropApplies(kind, p));
    const name = quote((target as { title?: string }).title ?? MISSING.name);
    // The two sentences of one capacity stay together: "Sa capacité financée" reads after its authorised capacity.
    const sentences = props.filter(ast.isCapacite).map(c => capacitySentences(`${TARGET_LABELS[kind]} ${name}`, c).join(' '));
    const parts = props.filter(p => !ast.isCapacite(p)).map(propText).filter((t): t is string => t !== undefined);
    if (parts.length > 0) sentences.push(`Pour ${TARGET_LABELS[kind]} ${name} : ${parts.join(' ; ')}.`);
    return sentences;
}

/** The authorised capacity of one modality in a sentence, the funded one in a second ("Sa capacité financée …"). */
function capacitySentences(noun: string, capacity: ast.Capacite): string[] {
    const where = capacity.modality && plain(capacity.modality) !== 'places_de_service' ? ` en ${modalityLabel(capacity.modality)}` : '';
    const count = (n: string | undefined) => {
        const value = parseNumber(n);
        return value === undefined ? `${orMissing(n, MISSING.number)} ${capacity.unit ?? 'places'}` : capacityCount(value, capacity.unit);
    };
    const sentences = [`La capacité autorisée ${de(noun)}${where} est portée à ${count(capacity.authorised)}.`];
    if (capacity.funded !== undefined) sentences.push(`Sa capacité financée${where} est portée à ${count(capacity.funded)}.`);
    return sentences;
}

function propText(prop: AstNode): string | undefined {
    if (ast.isTitre(prop)) return `l'intitulé devient ${quote(orMissing(prop.text, MISSING.title))}`;
    if (ast.isCibles(prop)) return `cibles : ${prop.targets.map(t => `${orMissing(t.year, MISSING.year)} : ${value(t.value)}`).join(', ')}`;
    if (ast.isReference(prop)) return `valeur de référence : ${orMissing(prop.year, MISSING.year)} : ${value(prop.value)}`;
    if (ast.isMontants(prop)) return `montants : ${prop.amounts.map(a => `${orMissing(a.year, MISSING.year)} : ${amount(a.amount)}`).join(', ')}`;
    if (ast.isRepartition(prop)) return `répartition ${orMissing(prop.year, MISSING.year)} : ${prop.shares.map(s => `${quote(s.establishment?.ref?.title ?? MISSING.name)} : ${amount(s.amount)}`).join(', ')}`;
    if (ast.isNature(prop)) return `nature : ${natureLabel(prop.value)}`;
    if (ast.isSourceFinancement(prop)) return `financement : ${sourceLabel(prop.value)}`;
    if (ast.isFinanceur(prop)) return `financeur : ${quote(prop.payer?.ref?.title ?? MISSING.name)}`;
    if (ast.isActualisation(prop)) return `actualisation : ${indexationLabel(prop.method)}${prop.formula ? ` (${prop.formula})` : ''}`;
    if (ast.isConcernes(prop)) return `établissements concernés : ${joinFr(prop.establishments.map(e => quote(e.ref?.title ?? MISSING.name)))}`;
    if (ast.isTarification(prop)) return `autorités de tarification : ${joinFr(prop.authorities.map(a => quote(a.ref?.title ?? MISSING.name)))}`;
    if (ast.isHabilitationAideSociale(prop)) {
        return prop.scope ? `habilitation à l'aide sociale : ${prop.scope}` : `habilitation à l'aide sociale : ${plainNumber(prop.places)} places`;
    }
    if (ast.isUnite(prop)) return `unité : ${prop.value}`;
    if (ast.isSource(prop)) return `source : ${prop.value}`;
    if (ast.isFormule(prop)) return `formule : ${prop.value}`;
    if (ast.isSens(prop)) return `évolution attendue : ${directionLabel(prop.value)}`;
    if (ast.isDescription(prop)) return `description : ${prop.text}`;
    if (ast.isAction(prop)) return `action ajoutée : ${quote(orMissing(prop.title, MISSING.title))}${prop.deadline ? ` (échéance : ${frenchDate(prop.deadline)})` : ''}`;
    if (ast.isIndicateur(prop)) return `indicateur ajouté : ${quote(prop.title ?? MISSING.title)}${propsOf(prop, ast.isCibles).length > 0 ? ` (cibles : ${propsOf(prop, ast.isCibles).flatMap(c => c.targets).map(t => `${orMissing(t.year, MISSING.year)} : ${value(t.value)}`).join(', ')})` : ''}`;
    if (ast.isAdresse(prop)) return `adresse : ${prop.value}`;
    if (ast.isDepartementEtab(prop)) return `département : ${prop.code}`;
    if (ast.isCategorie(prop)) return 'catégorie modifiée';
    if (ast.isFiness(prop)) return `numéro FINESS : ${prop.value}`;
    return undefined;
}

function followUpText(item: ast.SuiviItem): string | undefined {
    if (ast.isComite(item)) {
        const members = joinFr(item.members.map(m => quote(m.ref?.title ?? MISSING.name)));
        return `comité de suivi : ${members}${item.frequency ? ` (rythme ${frequencyLabel(item.frequency)})` : ''}`;
    }
    if (ast.isDialogueDeGestion(item)) return `dialogue de gestion ${frequencyLabel(item.frequency)}`;
    if (ast.isRevue(item)) return `${reviewLabel(item.kind)} en ${orMissing(item.year, MISSING.year)}`;
    if (ast.isEvaluationGmpPmp(item)) return `évaluation du GMP et du PMP en ${orMissing(item.year, MISSING.year)}`;
    return undefined;
}
