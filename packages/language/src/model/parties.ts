/**
 * The parties of a contract or an avenant: the gestionnaire, the signatories with the party each one signs for, and
 * the parties and authorities that sign. One view per owner and document version (model-cache.ts).
 */
import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { clausesOf, firstClause, firstProp } from './clauses.js';
import { normaliseFiness } from './finess.js';
import { plain } from './french.js';
import { cachedView } from './model-cache.js';

export interface GestionnaireView {
    readonly node: ast.Gestionnaire;
    readonly name: string | undefined;
    readonly title: string | undefined;
    /** The FINESS as normalised (spaces removed), when written. */
    readonly finess: string | undefined;
    /** The legal status without accents (`association`). */
    readonly legalStatus: string | undefined;
    readonly address: string | undefined;
}

export interface SignatoryView {
    readonly node: ast.Signataire;
    /** The party it signs for; undefined when the name does not resolve or the parser recovered the line without it. */
    readonly party: ast.Partie | undefined;
    readonly role: string | undefined;
    readonly person: string | undefined;
}

export interface PartiesView {
    readonly gestionnaire: GestionnaireView | undefined;
    readonly signatories: readonly SignatoryView[];
    /** The parties that sign, once each. */
    readonly signingParties: ReadonlySet<ast.Partie>;
    /** The authorities that sign, in the order of the signatures, once each. */
    readonly signingAuthorities: readonly ast.Autorite[];
}

type ClauseOwner = { clauses: readonly AstNode[] };

/** The parties of a contract or an avenant. */
export function partiesOf(owner: ast.Contrat | ast.Avenant): PartiesView {
    return cachedView('parties', owner, computeParties);
}

export function gestionnaireOf(contract: ast.Contrat): ast.Gestionnaire | undefined {
    return partiesOf(contract).gestionnaire?.node;
}

export function signatoriesOf(container: ClauseOwner): ast.Signataire[] {
    return clausesOf(container, ast.isSignataires).flatMap(s => s.signatories ?? []);
}

export function signingParties(container: ast.Contrat | ast.Avenant): Set<ast.Partie> {
    return new Set(partiesOf(container).signingParties);
}

function computeParties(owner: ast.Contrat | ast.Avenant): PartiesView {
    const gestionnaire = ast.isContrat(owner) ? firstClause(owner, ast.isGestionnaire) : undefined;
    const signatories = signatoriesOf(owner).map((s): SignatoryView => ({
        // A signatory line the parser recovered without its party has no reference at all.
        node: s, party: s.party?.ref, role: s.role, person: s.person,
    }));
    const signing = new Set<ast.Partie>();
    for (const s of signatories) {
        if (s.party) signing.add(s.party);
    }
    return {
        gestionnaire: gestionnaire && gestionnaireView(gestionnaire),
        signatories,
        signingParties: signing,
        signingAuthorities: [...signing].filter(ast.isAutorite),
    };
}

function gestionnaireView(g: ast.Gestionnaire): GestionnaireView {
    const finess = firstProp(g, ast.isFiness)?.value;
    const status = firstProp(g, ast.isStatut)?.value;
    return {
        node: g,
        name: g.name,
        title: g.title,
        finess: finess !== undefined ? normaliseFiness(finess).value : undefined,
        legalStatus: status !== undefined ? plain(status) : undefined,
        address: firstProp(g, ast.isAdresse)?.value,
    };
}
