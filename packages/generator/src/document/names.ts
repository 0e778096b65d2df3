/**
 * How the contract document names what the source declares: parties, establishments and indicators by their titles,
 * axes and objectives by their number in the contract and their titles — never by the identifier the source gives
 * them. Pure: no I/O.
 */
import { ast, clausesOf, firstProp, objectivesOf } from '@cpom/language';
import { MISSING, orMissing } from './missing.js';

/** A party by its title, else the placeholder (never its identifier). */
export function partyName(party: ast.Partie | undefined): string {
    return party?.title ?? MISSING.name;
}

/** What a reference names, by its title; an unresolved or untitled one as the placeholder. */
export function titleOf(reference: { ref?: { title?: string } } | undefined): string {
    return reference?.ref?.title ?? MISSING.name;
}

/** The FINESS number without spaces, in capitals. */
export function finessText(typed: string): string {
    return typed.replace(/\s+/g, '').toUpperCase();
}

/** Numbers of the axes (1, 2…) and of the objectives (their fiches actions, numbered through the contract). */
export class ContractNumbering {
    private readonly axes = new Map<ast.Axe, number>();
    private readonly objectives = new Map<ast.Objectif, number>();
    /** The axis of each objective, by containment: a consolidated copy's `$container` is the axis as written. */
    private readonly axisOf = new Map<ast.Objectif, ast.Axe>();

    constructor(contract: ast.Contrat) {
        clausesOf(contract, ast.isAxe).forEach((axe, i) => {
            this.axes.set(axe, i + 1);
            for (const objective of axe.objectives ?? []) this.axisOf.set(objective, axe);
        });
        objectivesOf(contract).forEach((objective, i) => this.objectives.set(objective, i + 1));
    }

    axis(axe: ast.Axe): number {
        return this.axes.get(axe) ?? 0;
    }

    objective(objective: ast.Objectif): number {
        return this.objectives.get(objective) ?? 0;
    }

    /** `Axe 1 — Titre`. */
    axisHeading(axe: ast.Axe): string {
        return `Axe ${this.axis(axe)} — ${orMissing(axe.title, MISSING.title)}`;
    }

    /** `Axe 1 — Titre` of the axis an objective serves. */
    objectiveAxisHeading(objective: ast.Objectif): string {
        return this.axisHeading(this.axisOf.get(objective) ?? objective.$container);
    }

    /** `Fiche action n° 3 — Titre`. */
    sheetHeading(objective: ast.Objectif): string {
        return `Fiche action n°\u00A0${this.objective(objective)} — ${orMissing(objective.title, MISSING.title)}`;
    }
}

/** The payer of a funding line by its title; none when the line names none. */
export function payerName(f: ast.Financement): string {
    const payer = firstProp(f, ast.isFinanceur)?.payer;
    return payer ? titleOf(payer) : '';
}
