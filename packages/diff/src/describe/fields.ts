/** What a field of the contract is called in a change record, with its owner by name, and how its values read. */
import type { ChangeRecord } from '../change.js';
import type { ElementNames } from './names.js';
import { date, formatValue, label, NBSP, numberText, quantity, quote, shown, type JsonObject } from './values.js';

export const KIND_WORDS = {
    add: ['ajouté', 'ajoutée'], remove: ['retiré', 'retirée'], change: ['modifié', 'modifiée'],
    rename: ['renommé', 'renommée'], move: ['déplacé', 'déplacée'],
} as const;

export function done(kind: ChangeRecord['kind'], feminine: boolean, plural = false): string {
    return KIND_WORDS[kind][feminine ? 1 : 0] + (plural ? 's' : '');
}

export interface Field {
    /** The field's name with its owner: "capacité autorisée de « ESAT Lyon »". */
    readonly name: string;
    readonly feminine: boolean;
    /** How its values read; long texts have none (the description says "modifié"). */
    readonly format?: (value: unknown) => string;
}

export const text = undefined;
export const asQuoted = (v: unknown) => quote(v);
export const asCode = (v: unknown) => shown(v);
export const asDate = (v: unknown) => date(v);

/** The funding line around a record: `dotation « Dotation globale commune »`, with its gender. */
export function lineName(line: JsonObject | undefined, names: ElementNames): { name: string; feminine: boolean; of: string; to: string } {
    const kind = shown(line?.kind ?? 'financement');
    const feminine = kind === 'dotation';
    const name = `${kind} ${names.quotedElement(line)}`;
    return { name, feminine, of: `${feminine ? 'de la' : 'du'} ${name}`, to: `${feminine ? 'à la' : 'au'} ${name}` };
}


/** Field labels by pattern (the canonical JSON pattern, with `[]` for array items). */
export function fieldOf(pattern: string, items: ReadonlyMap<string, JsonObject>, names: ElementNames): Field | undefined {
    const establishment = names.quotedElement(items.get('contract.perimeter.establishments[]'));
    const authority = names.quotedElement(items.get('contract.parties.authorities[]'));
    const signatory = names.quoted(items.get('contract.parties.signatories[]')?.party);
    const objective = names.quotedElement(items.get('contract.axes[].objectives[]'));
    const action = items.get('contract.axes[].objectives[].actions[]');
    const actionName = action ? quote(action.title) : '';
    const indicator = names.quotedElement(items.get('contract.axes[].objectives[].indicators[]'));
    const line = lineName(items.get('contract.funding.lines[]'), names);
    const cnr = items.get('contract.funding.cnr[]');
    const cnrName = cnr ? `du CNR ${quote(cnr.title)} ${shown(cnr.year)}` : '';
    const modulation = `de la modulation de ${names.quoted(items.get('contract.funding.modulations[]')?.fundingLine)}`;
    const capacity = items.get('contract.perimeter.establishments[].capacities[]');
    const modality = capacity?.modality ? ` (${label('modality', capacity.modality)})` : '';
    const units = (v: unknown) => `${numberText(v)} ${shown(capacity?.unit ?? 'places')}`;
    const avenant = `de l'avenant n°${NBSP}${shown(items.get('contract.avenants[]')?.number)}`;
    const asName = (v: unknown) => names.quoted(v);
    const f = (name: string, feminine: boolean, format?: (value: unknown) => string): Field => ({ name, feminine, format });
    switch (pattern) {
        case 'contract.id': return f('nom du contrat dans le texte source', false, text);
        case 'contract.title': return f('intitulé du contrat', false, asQuoted);
        case 'contract.preambule': return f('préambule', false, text);
        case 'contract.engagement.dateEffetEngagement': return f('date d\'effet', true, asDate);
        case 'contract.engagement.dateFinEngagement': return f('fin du contrat', true, asDate);
        case 'contract.engagement.dateSignatureEngagement': return f('date de signature', true, asDate);
        case 'contract.prorogationEndDate': return f('fin de la prorogation', true, asDate);
        case 'contract.parties.gestionnaire': return f('gestionnaire', false, v => quote((v as JsonObject).denominationPm));
        case 'contract.parties.gestionnaire.id': return f('nom du gestionnaire dans le texte source', false, text);
        case 'contract.parties.gestionnaire.denominationPm': return f('dénomination du gestionnaire', true, asQuoted);
        case 'contract.parties.gestionnaire.numFinessPm': return f('FINESS du gestionnaire', false, asCode);
        case 'contract.parties.gestionnaire.legalStatus': return f('statut du gestionnaire', false, v => label('status', v));
        case 'contract.parties.gestionnaire.address': return f('adresse du gestionnaire', true, asQuoted);
        case 'contract.parties.authorities[].name': return f('nom d\'une autorité', false, asQuoted);
        case 'contract.parties.authorities[].kind': return f(`type de l'autorité ${authority}`, false, v => label('authority', v));
        case 'contract.parties.authorities[].department': return f(`département de l'autorité ${authority}`, false, asCode);
        case 'contract.parties.authorities[].region': return f(`région de l'autorité ${authority}`, true, asQuoted);
        case 'contract.parties.authorities[].address': return f(`adresse de l'autorité ${authority}`, true, asQuoted);
        case 'contract.parties.authorities[].catalogue': return f(`catalogue de l'autorité ${authority}`, false, asName);
        case 'contract.parties.signatories[].role': return f(`qualité du signataire ${signatory}`, true, asQuoted);
        case 'contract.parties.signatories[].person': return f(`personne qui signe pour ${signatory}`, true, asQuoted);
        case 'contract.perimeter.establishments[].nomEgeLong': return f('nom d\'un établissement', false, asQuoted);
        case 'contract.perimeter.establishments[].numFinessEge': return f(`FINESS de ${establishment}`, false, asCode);
        case 'contract.perimeter.establishments[].categorieEntiteGeographique': return f(`catégorie de ${establishment}`, true, v => formatValue(v, undefined, names));
        case 'contract.perimeter.establishments[].department': return f(`département de ${establishment}`, false, asCode);
        case 'contract.perimeter.establishments[].capacities[].authorised': return f(`capacité autorisée${modality} de ${establishment}`, true, units);
        case 'contract.perimeter.establishments[].capacities[].funded': return f(`capacité financée${modality} de ${establishment}`, true, units);
        case 'contract.perimeter.establishments[].capacities[].unit': return f(`unité de la capacité${modality} de ${establishment}`, true, asCode);
        case 'contract.perimeter.establishments[].habilitationAideSociale': return f(`habilitation à l'aide sociale de ${establishment}`, true, v => formatValue(v, undefined, names));
        case 'contract.perimeter.establishments[].address': return f(`adresse de ${establishment}`, true, asQuoted);
        case 'contract.perimeter.establishments[].catalogue': return f(`catalogue de ${establishment}`, false, asName);
        case 'contract.axes[].title': return f('intitulé d\'un axe', false, asQuoted);
        case 'contract.axes[].objectives[].title': return f('intitulé d\'un objectif', false, asQuoted);
        case 'contract.axes[].objectives[].description': return f(`description de l'objectif ${objective}`, true, text);
        case 'contract.axes[].objectives[].actions[].title': return f(`intitulé d'une action de l'objectif ${objective}`, false, asQuoted);
        case 'contract.axes[].objectives[].actions[].id': return f(`nom de l'action ${actionName} dans le texte source`, false, text);
        case 'contract.axes[].objectives[].actions[].deadline': return f(`échéance de l'action ${actionName}`, true, asDate);
        case 'contract.axes[].objectives[].actions[].lead': return f(`pilote de l'action ${actionName}`, false, asQuoted);
        case 'contract.axes[].objectives[].indicators[].title': return f('intitulé d\'un indicateur', false, asQuoted);
        case 'contract.axes[].objectives[].indicators[].basedOn': return f(`indicateur de catalogue de ${indicator}`, false, asName);
        case 'contract.axes[].objectives[].indicators[].unit': return f(`unité de ${indicator}`, true, asQuoted);
        case 'contract.axes[].objectives[].indicators[].source': return f(`source de ${indicator}`, true, asQuoted);
        case 'contract.axes[].objectives[].indicators[].formula': return f(`formule de ${indicator}`, true, text);
        case 'contract.axes[].objectives[].indicators[].direction': return f(`sens de ${indicator}`, false, v => label('direction', v));
        case 'contract.axes[].objectives[].indicators[].baseline': return f(`référence de ${indicator}`, true, v => `${quantity(v as JsonObject)} en ${shown((v as JsonObject).year)}`);
        case 'contract.funding.lines[].title': return f(`intitulé d'${line.feminine ? 'une dotation' : 'un financement'}`, false, asQuoted);
        case 'contract.funding.lines[].kind': return f(`type ${line.of}`, false, asCode);
        case 'contract.funding.lines[].nature': return f(`nature ${line.of}`, true, v => label('nature', v));
        case 'contract.funding.lines[].payer': return f(`financeur ${line.of}`, false, asName);
        case 'contract.funding.lines[].fundingSource': return f(`financement ${line.of}`, false, v => label('source', v));
        case 'contract.funding.lines[].actualisation': return f(`actualisation ${line.of}`, true, v => formatValue(v, undefined, names));
        case 'contract.funding.lines[].actualisation.method': return f(`actualisation ${line.of}`, true, v => label('indexation', v));
        case 'contract.funding.lines[].actualisation.formula': return f(`précision de l'actualisation ${line.of}`, true, text);
        case 'contract.funding.cnr[].title': return f(`intitulé du CNR ${shown(cnr?.year)}`, false, asQuoted);
        case 'contract.funding.cnr[].year': return f(`année du CNR ${quote(cnr?.title)}`, true, asCode);
        case 'contract.funding.cnr[].establishment': return f(`bénéficiaire ${cnrName}`, false, asName);
        case 'contract.funding.cnr[].payer': return f(`financeur ${cnrName}`, false, asName);
        case 'contract.funding.modulations[].criterion': return f(`critère ${modulation}`, false, v => label('criterion', v));
        case 'contract.funding.modulations[].indicator': return f(`indicateur ${modulation}`, false, asName);
        case 'contract.funding.modulations[].abattement': return f(`abattement maximal ${modulation}`, false, v => quantity(v as JsonObject));
        case 'contract.funding.modulations[].justification': return f(`justification ${modulation}`, true, text);
        case 'contract.funding.headOfficeCosts[].rate': return f('taux des frais de siège', false, v => quantity(v as JsonObject));
        case 'contract.funding.headOfficeCosts[].authorisationDate': return f('date d\'autorisation des frais de siège', true, asDate);
        case 'contract.followUp.committees[].meetingFrequency': return f('fréquence de réunion du comité de suivi', true, v => label('frequency', v));
        case 'contract.followUp.managementDialogues[].frequency': return f('fréquence du dialogue de gestion', true, v => label('frequency', v));
        case 'contract.avenants[].object': return f(`objet ${avenant}`, false, text);
        case 'contract.avenants[].effectDate': return f(`date d'effet ${avenant}`, true, asDate);
        case 'contract.avenants[].signatureDate': return f(`date de signature ${avenant}`, true, asDate);
        case 'contract.avenants[].prorogationEndDate': return f(`fin de la prorogation ${avenant}`, true, asDate);
    }
    if (pattern.startsWith('contract.diagnostic.')) return f(`diagnostic (${label('diagnostic', pattern.slice('contract.diagnostic.'.length))})`, false, text);
    return undefined;
}

