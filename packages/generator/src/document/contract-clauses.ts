/**
 * The articles of Titre 2 the parties may word themselves (`clauses { … }`): affectation des résultats, non-respect
 * des engagements and résiliation, règlement des litiges (and the juridiction), révision, fin des conventions
 * tripartites. A clause not written keeps its default wording: the document always has these articles, as the socle
 * of the arrêté du 3 mars 2017 and the usual practice have them. Pure: no I/O.
 */
import { ast, type ClauseKindKey, legalFrames, writtenClause } from '@cpom/language';
import { section } from './contract-annexes.js';
import { type Block, paragraph, ref, type Section } from './model.js';

const DEFAULTS = {
    affectationIvTer: 'Le gestionnaire affecte les résultats des établissements et services du périmètre dans le respect des objectifs du présent contrat et du cahier des charges fixé par l\'arrêté du 3 mars 2017.',
    affectation: 'Les résultats des établissements et services du périmètre sont affectés dans le respect des objectifs du présent contrat et des dispositions du code de l\'action sociale et des familles applicables à leur budget.',
    nonRespect: 'Les écarts constatés dans la réalisation des objectifs sont examinés par le comité de suivi, qui propose aux parties les mesures correctrices. Le non-respect durable par l\'une des parties de ses engagements peut conduire à la révision du contrat par avenant.',
    resiliation: 'Le contrat peut être résilié d\'un commun accord entre les parties. En cas de manquement grave de l\'une d\'elles à ses engagements, non corrigé après mise en demeure, les autres parties peuvent le résilier par lettre recommandée avec accusé de réception.',
    litiges: 'Les parties s\'efforcent de régler à l\'amiable tout différend relatif à l\'interprétation ou à l\'exécution du présent contrat, au sein du comité de suivi.',
    juridiction: 'le tribunal administratif territorialement compétent',
    tripartites: 'Le présent contrat remplace, à sa date d\'effet, les conventions pluriannuelles tripartites conclues antérieurement pour les établissements de son périmètre, qui prennent fin à cette date (IV ter de l\'article L. 313-12 du code de l\'action sociale et des familles).',
} as const;

/** The wording of a clause: as the parties wrote it, else the default. */
function clauseText(contract: ast.Contrat, kind: ClauseKindKey, fallback: string): string {
    return writtenClause(contract, kind)?.trim() || fallback;
}

function isIvTer(contract: ast.Contrat): boolean {
    return legalFrames(contract).has('L313-12-IVter');
}

export function resultsSection(contract: ast.Contrat): Section {
    const fallback = isIvTer(contract) ? DEFAULTS.affectationIvTer : DEFAULTS.affectation;
    return section('affectation-resultats', 'article', 'Affectation des résultats', [paragraph(clauseText(contract, 'affectation_des_resultats', fallback))]);
}

export function commitmentsSection(contract: ast.Contrat): Section {
    return section('non-respect-resiliation', 'article', 'Non-respect des engagements et résiliation', [
        paragraph(clauseText(contract, 'non_respect', DEFAULTS.nonRespect)),
        paragraph(clauseText(contract, 'resiliation', DEFAULTS.resiliation)),
    ]);
}

/** "À défaut d'accord, le litige est porté devant le tribunal administratif de Bordeaux." */
export function disputesSection(contract: ast.Contrat): Section {
    const written = writtenClause(contract, 'litiges')?.trim();
    const court = writtenClause(contract, 'juridiction')?.trim();
    const blocks: Block[] = [];
    if (written) {
        blocks.push(paragraph(written));
        if (court) blocks.push(paragraph(`La juridiction compétente est ${withArticle(court)}.`));
    } else {
        blocks.push(paragraph(`${DEFAULTS.litiges} À défaut d'accord, le litige est porté devant ${court ? withArticle(court) : DEFAULTS.juridiction}.`));
    }
    return section('litiges', 'article', 'Règlement des litiges', blocks);
}

/** "tribunal administratif de Lyon" → "le tribunal administratif de Lyon"; kept as written when it has its article. */
function withArticle(court: string): string {
    const bare = court.replace(/[.;]\s*$/, '');
    return /^(le|la|les)\s|^l['’]/i.test(bare) ? bare : `le ${bare}`;
}

/** The first paragraph of the article on revision: as written, else the default (which refers to the means). */
export function revisionParagraph(contract: ast.Contrat): Block {
    const written = writtenClause(contract, 'revision')?.trim();
    return written ? paragraph(written) : paragraph(
        'Le contrat peut être révisé par voie d\'avenant, à la demande de l\'une des parties, notamment pour intégrer un nouvel établissement ou service au périmètre ou pour modifier les moyens fixés à l\'',
        ref('moyens'), '. Tout avenant est signé par l\'ensemble des parties.',
    );
}

/** Titre 2, article 4 of the socle (EHPAD, IV ter): the end of the tripartite agreements; also when the parties word it. */
export function tripartiteSection(contract: ast.Contrat): Section | undefined {
    const written = writtenClause(contract, 'conventions_tripartites')?.trim();
    if (!written && !isIvTer(contract)) return undefined;
    return section('conventions-tripartites', 'article', 'Fin des conventions tripartites', [paragraph(written || DEFAULTS.tripartites)]);
}
