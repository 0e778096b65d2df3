/** Catalogue entries of the rules in parties.ts: signing parties and legal frame. */
import { defineRule, variant } from '../../diagnostics/catalogue.js';

/** The usual tarification authorities and payers, by role (CPOM026, CPOM064). */
export const AUTHORITY_ROLES = {
    ars: { fr: "l'ARS", en: 'the ARS' },
    departement: { fr: 'le département', en: 'the département' },
    prefet: { fr: 'le préfet', en: 'the préfet' },
} as const;

/** The tarification authorities an establishment declares, by role, and those that have none of these roles (CPOM026). */
const DECLARED_ROLES = {
    ...AUTHORITY_ROLES,
    other: { fr: "une autorité qui n'est ni l'ARS, ni le département, ni le préfet", en: 'an authority that is neither the ARS, the département nor the préfet' },
} as const;

export const PARTIES_RULES = [
    defineRule({
        code: 'CPOM020', name: 'tarification-authority-signs', severity: 'error', category: 'parties', confidence: 'V',
        texts: ['CASF:L313-11', 'ARRETE:2019-10-25', 'CASF:L313-11-2'],
        title: { fr: "Autorité de tarification non signataire", en: 'Tarification authority does not sign' },
        params: { authority: 'text', label: 'text', establishments: 'list' },
        message: {
            fr: "{label}, autorité de tarification de {establishments}, ne signe pas le contrat : ajoutez {authority} aux signataires.",
            en: '{label}, tarification authority of {establishments}, does not sign the contract: add {authority} to the signatories.'
        },
        rationale: {
            fr: "Le CPOM est conclu avec « la ou les autorités chargées de la tarification » : toute autorité qui fixe le tarif d'un établissement du périmètre est partie au contrat et le signe. Erreur lorsque la version de l'article L. 313-11 en vigueur à la date du contrat a été lue dans le texte (depuis le 4 mars 2022) ; avertissement avant (les versions antérieures, non relues, visaient « la ou les autorités chargées de l'autorisation »).",
            en: 'The CPOM is concluded with "la ou les autorités chargées de la tarification": every authority that fixes the tariff of an establishment of the perimeter is a party and signs. An error when the version of L.313-11 in force on the contract\'s date was read in the text (since 4 March 2022); a warning before (the earlier versions, not re-read, named "la ou les autorités chargées de l\'autorisation").'
        },
        source: {
            fr: "Article L. 313-11 du CASF ; modèle de CPOM de l'arrêté du 25 octobre 2019 (article L. 313-11-2) : « l'autorité de tarification… est co-signataire ».",
            en: 'CASF L.313-11; model CPOM of the arrêté du 25 octobre 2019 (L.313-11-2): "l\'autorité de tarification… est co-signataire".'
        }
    }),
    defineRule({
        code: 'CPOM021', name: 'signatory-funds-nothing', severity: 'warning', category: 'parties', confidence: 'G',
        texts: ['CASF:L313-11'],
        title: { fr: 'Autorité signataire sans rôle financier', en: 'Signatory authority with no funding role' },
        params: { authority: 'text' },
        message: {
            fr: "{authority} signe le contrat mais ne tarifie ni ne finance aucun établissement du périmètre.",
            en: '{authority} signs the contract but neither tarifies nor funds any establishment of the perimeter.'
        },
        rationale: {
            fr: "D'ordinaire, une autorité signataire est une autorité de tarification du périmètre. Les organismes de protection sociale (`organisme`) peuvent être parties sans financer : ils ne sont donc pas signalés.",
            en: 'Usually a signatory authority is a tarification authority of the perimeter. Social-protection bodies (`organisme`) may be parties without funding, so they are not reported.'
        },
        source: {
            fr: 'Article L. 313-11 du CASF (parties au CPOM) ; proposition du projet cpom.',
            en: 'CASF L.313-11 (parties to the CPOM); proposal of the cpom project.'
        }
    }),
    defineRule({
        code: 'CPOM022', name: 'gestionnaire-signs', severity: 'error', category: 'parties', confidence: 'V',
        texts: ['CASF:L313-11', 'CASF:L313-12-IVter'],
        title: { fr: 'Gestionnaire non signataire', en: 'Gestionnaire does not sign' },
        params: { gestionnaire: 'text', label: 'text' },
        message: {
            fr: "Le gestionnaire {label} ne figure pas parmi les signataires : ajoutez {gestionnaire} à la clause « signataires ».",
            en: "The gestionnaire {label} is not among the signatories: add {gestionnaire} to the 'signataires' clause."
        },
        rationale: {
            fr: 'Le CPOM est conclu entre la personne morale gestionnaire et les autorités : le gestionnaire le signe.',
            en: 'The CPOM is concluded between the personne morale gestionnaire and the authorities: the gestionnaire signs.'
        },
        source: {
            fr: "Article L. 313-11 du CASF ; IV ter de l'article L. 313-12 du CASF (contrat signé par le DG ARS, le PCD et le gestionnaire).",
            en: 'CASF L.313-11; L.313-12 IV ter (signed by the DG ARS, the PCD and the gestionnaire).'
        }
    }),
    defineRule({
        code: 'CPOM023', name: 'ivter-parties', severity: 'error', category: 'parties', confidence: 'V',
        texts: ['CASF:L313-12-IVter', 'ARRETE:2017-03-03'],
        title: { fr: 'CPOM EHPAD sans ARS ou sans département', en: 'EHPAD CPOM without ARS or département' },
        params: { missing: { choices: { ars: { fr: "l'ARS", en: 'the ARS' }, departement: { fr: 'le conseil départemental', en: 'the conseil départemental' } } } },
        message: {
            fr: "Un CPOM relevant du IV ter de l'article L.313-12 est signé par le directeur général de l'ARS et le président du conseil départemental ; il manque : {missing}.",
            en: 'A CPOM under L.313-12 IV ter is signed by the director general of the ARS and the president of the conseil départemental; missing: {missing}.'
        },
        rationale: {
            fr: 'Pour les EHPAD et les PUV, le contrat est tripartite : ARS, département et gestionnaire. Erreur lorsque la date d\'effet suit l\'entrée en vigueur de l\'arrêté du 3 mars 2017 (11 mars 2017) ; avertissement avant.',
            en: 'For EHPAD and PUV, the contract is tripartite: ARS, département and gestionnaire. An error when the date d\'effet follows the entry into force of the arrêté of 3 March 2017 (11 March 2017); a warning before.'
        },
        source: {
            fr: "IV ter de l'article L. 313-12 du CASF ; arrêté du 3 mars 2017, préambule.",
            en: 'CASF L.313-12 IV ter; arrêté du 3 mars 2017, préambule.'
        }
    }),
    defineRule({
        code: 'CPOM024', name: 'ivter-department-signs', severity: 'warning', category: 'parties', confidence: 'G',
        texts: ['CASF:L313-12-IVter'],
        title: { fr: 'Département du périmètre non signataire', en: 'Département of the perimeter does not sign' },
        params: {
            establishment: 'text', department: 'text',
            hint: {
                phrase: {
                    declared: variant({ params: { authority: 'text' }, fr: ' : ajoutez {authority} aux signataires', en: ': add {authority} to the signatories' }),
                    undeclared: variant({
                        params: { code: 'text' },
                        fr: " : déclarez son autorité (`autorite NOM departement {code} \"…\"`) et ajoutez-la aux signataires",
                        en: ': declare its authority (`autorite NAME departement {code} "…"`) and add it to the signatories',
                    }),
                },
            },
        },
        message: {
            fr: "L'établissement {establishment} est situé dans le département {department}, dont le conseil départemental ne signe pas ce CPOM d'EHPAD{hint}.",
            en: 'Establishment {establishment} is in département {department}, whose conseil départemental does not sign this EHPAD CPOM{hint}.'
        },
        rationale: {
            fr: "Un CPOM EHPAD couvrant plusieurs départements d'une même région associe le président de chaque conseil départemental concerné.",
            en: 'An EHPAD CPOM covering several départements of one region involves the president of each concerned conseil départemental.'
        },
        source: {
            fr: "IV ter de l'article L. 313-12 du CASF (extension à plusieurs départements de la même région, avec leur accord) ; proposition du projet cpom.",
            en: 'CASF L.313-12 IV ter (extension to several départements of the same region with their agreement); proposal of the cpom project.'
        }
    }),
    defineRule({
        code: 'CPOM025', name: 'multi-region', severity: 'warning', category: 'parties', confidence: 'G',
        texts: ['CIRCULAIRE:2007-03-26', 'CASF:L313-12-IVter'],
        title: { fr: 'Périmètre sur plusieurs régions', en: 'Perimeter spanning several regions' },
        params: { regions: 'text' },
        message: {
            fr: 'Le périmètre couvre plusieurs régions ({regions}).',
            en: 'The perimeter spans several regions ({regions}).'
        },
        rationale: {
            fr: "Les CPOM pluri-départementaux sont permis depuis la circulaire du 26 mars 2007, et le contrat relevant du IV ter peut s'étendre à plusieurs départements de la même région. Un contrat couvrant plusieurs régions fait intervenir plusieurs ARS et est inhabituel.",
            en: 'Multi-department CPOM are allowed since the circulaire of 26 March 2007, and the IV ter contract may extend to several départements of the same region. A contract spanning regions involves several ARS and is unusual.'
        },
        source: {
            fr: "Circulaire interministérielle du 26 mars 2007 ; IV ter de l'article L. 313-12 du CASF (« plusieurs départements de la même région »).",
            en: 'Circulaire interministérielle du 26 mars 2007; CASF L.313-12 IV ter ("plusieurs départements de la même région").'
        }
    }),
    defineRule({
        code: 'CPOM026', name: 'unexpected-tarification', severity: 'warning', category: 'parties', confidence: 'S',
        texts: ['CASF:R314-159', 'CASF:R314-160', 'CASF:R314-172', 'CASF:R314-174', 'CASF:R314-105'],
        title: { fr: 'Autorité de tarification inattendue', en: 'Unexpected tarification authority' },
        params: { category: 'text', expected: { choices: AUTHORITY_ROLES }, establishment: 'text', actual: { choices: DECLARED_ROLES } },
        message: {
            fr: "L'établissement {establishment} est tarifé par {actual}, alors que la catégorie {category} l'est d'habitude par {expected} : vérifiez sa clause « tarification ».",
            en: "Establishment {establishment} is tarified by {actual}, whereas category {category} usually is by {expected}: check its 'tarification' clause."
        },
        rationale: {
            fr: "Chaque catégorie d'ESMS a ses autorités de tarification (article R. 314-105 du CASF et mode de fixation tarifaire FINESS) : l'ARS pour les IME, ESAT, MAS et SSIAD ; l'ARS et le département conjointement pour les EHPAD, FAM, SAMSAH et CAMSP ; le département seul pour les foyers de vie, SAVS et SAAD ; le préfet pour les CHRS.",
            en: 'Each category of ESMS has its tarification authorities (R.314-105 and the FINESS mode de fixation tarifaire): ARS for IME, ESAT, MAS, SSIAD; ARS and département jointly for EHPAD, FAM, SAMSAH, CAMSP; département alone for foyers de vie, SAVS, SAAD; préfet for CHRS.'
        },
        source: {
            fr: 'EHPAD depuis 2017 : articles R. 314-159 et R. 314-160 du CASF (forfait soins, ARS), R. 314-172 et R. 314-174 du CASF (forfait dépendance, département) ; autres ESMS : article R. 314-105 du CASF (version antérieure à 2016) ; nomenclature FINESS TRE_R74 (mode de fixation tarifaire).',
            en: 'EHPAD since 2017: CASF R.314-159 and R.314-160 (care forfait, ARS), R.314-172 and R.314-174 (dependency forfait, département); other ESMS: CASF R.314-105 (pre-2016 version); FINESS nomenclature TRE_R74 (mode de fixation tarifaire).'
        }
    }),
    defineRule({
        code: 'CPOM097', name: 'frame-category', severity: 'warning', category: 'perimeter', confidence: 'S',
        texts: ['CASF:L313-12-IVter', 'CASF:L313-12-2', 'CASF:L313-11-1', 'CASF:L313-11-2'],
        title: { fr: 'Cadre juridique et catégories discordants', en: 'Legal frame and categories disagree' },
        params: {
            detail: {
                phrase: {
                    ivterWithoutEhpad: variant({
                        params: {},
                        fr: "Le cadre L313-12-IVter est celui des CPOM d'EHPAD et de PUV, mais le périmètre n'en compte aucun : écrivez le cadre de ses établissements (`cadre L313-12-2`, `cadre L313-11`…).",
                        en: 'Frame L313-12-IVter is that of EHPAD and PUV CPOM, but the perimeter has none: write the frame of its establishments (`cadre L313-12-2`, `cadre L313-11`…).',
                    }),
                    ehpadWithoutIvter: variant({
                        params: { name: 'text' },
                        fr: "Le périmètre compte un EHPAD, {name} : le CPOM relève du IV ter de l'article L.313-12 ; ajoutez L313-12-IVter à sa clause « cadre ».",
                        en: "The perimeter has an EHPAD, {name}: the CPOM falls under L.313-12 IV ter; add L313-12-IVter to its 'cadre' clause.",
                    }),
                    outsideL313122: variant({
                        params: { name: 'text', category: 'text' },
                        fr: "L'établissement {name}, de la catégorie {category}, n'entre pas dans le champ de l'article L.313-12-2, qui ne vise ni les CAMSP ni les ESMS de la seule compétence du département.",
                        en: 'Establishment {name}, of category {category}, is outside the scope of L.313-12-2, which covers neither CAMSP nor ESMS under the sole competence of the département.',
                    }),
                    chrsWithoutFrame: variant({
                        params: { name: 'text' },
                        fr: "Le périmètre compte un CHRS, {name} : son CPOM relève de l'article L.313-11-2 ; ajoutez L313-11-2 à la clause « cadre ».",
                        en: "The perimeter has a CHRS, {name}: its CPOM falls under L.313-11-2; add L313-11-2 to the 'cadre' clause.",
                    }),
                },
            },
        },
        message: {
            fr: "{detail}",
            en: '{detail}'
        },
        rationale: {
            fr: "Le cadre juridique découle du périmètre : IV ter de l'article L. 313-12 pour les EHPAD et les PUV ; article L. 313-12-2 pour les ESMS relevant de la compétence exclusive ou conjointe de l'ARS (hors CAMSP et hors ESMS relevant de la compétence exclusive du département) ; article L. 313-11-2 pour les CHRS ; article L. 313-11-1 pour les SAAD.",
            en: 'The legal frame follows from the perimeter: L.313-12 IV ter for EHPAD and PUV; L.313-12-2 for ESMS under the exclusive or joint competence of the ARS (not CAMSP, not ESMS under the exclusive competence of the département); L.313-11-2 for CHRS; L.313-11-1 for SAAD.'
        },
        source: {
            fr: 'Articles L. 313-12 (IV ter), L. 313-12-2, L. 313-11-1 et L. 313-11-2 du CASF.',
            en: 'CASF L.313-12 IV ter, L.313-12-2, L.313-11-1, L.313-11-2.'
        }
    }),
] as const;
