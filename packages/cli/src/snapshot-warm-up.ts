/**
 * Checks made while the startup snapshot is built (snapshot-entry.ts), before the heap is frozen: V8 keeps in the
 * snapshot the bytecode of the functions that ran, so the first check from it no longer compiles the parser's,
 * linker's, validation's and report's functions (≈ 50 ms CPU of a cold ~300-line check, issue 15). They run the
 * CLI's own `main` on contracts held here, read from a captured standard input, their output dropped: nothing of
 * the user's machine enters the snapshot but what the build reads anyway (cpom.config.json above its folder, used
 * for that check and dropped with it).
 */
import { main } from './main.js';

/** A small complete contract: every block a check walks (parties, perimeter, objectives, means, follow-up, avenant). */
const CONTRACT = `contrat CPOM_WARM_UP_2024 "CPOM d'échauffement 2024-2028" {
    cadre L313-11
    effet 2024-01-01
    fin 2028-12-31
    signature 2023-12-15
    departements 38

    gestionnaire ASSO_ALPES "Association des Alpes" {
        finess 380799999
        statut association
    }

    autorite ARS_ARA ars "Agence régionale de santé Auvergne-Rhône-Alpes"
    signataires ARS_ARA, ASSO_ALPES

    perimetre {
        etablissement IME_GRENOBLE "IME de Grenoble" {
            finess 380999011
            categorie IME
            departement 38
            capacite 60 places
            tarification ARS_ARA
        }
        etablissement SESSAD_VOIRON "SESSAD de Voiron" {
            finess 380999029
            categorie SESSAD
            departement 38
            capacite 25 places
            tarification ARS_ARA
        }
    }

    diagnostic {
        activite     "Taux d'occupation de 97 % en 2023."
        organisation "Un siège commun aux deux structures."
        ressources   "Dotations de l'assurance maladie."
        qualite      "Évaluations réalisées en 2022."
    }

    axe A1 "Fluidifier les parcours" {
        objectif O1 "Réduire les ruptures de parcours" {
            etablissements IME_GRENOBLE, SESSAD_VOIRON
            action "Convention avec la pédopsychiatrie" echeance 2025-06-30 pilote "Direction"
            indicateur RUPTURES "Ruptures de parcours" {
                unite "jeunes/an"
                source "Rapport d'activité"
                sens baisse
                reference 2023: 6
                cibles 2024: 5, 2025: 4, 2026: 3, 2027: 3, 2028: 2
            }
        }
    }

    moyens {
        dotation DG "Dotation globale" {
            nature dotation_globalisee_commune
            financeur ARS_ARA
            financement assurance_maladie
            etablissements IME_GRENOBLE, SESSAD_VOIRON
            montants 2024: 3 000 000 €, 2025: 3 030 000 €, 2026: 3 060 300 €, 2027: 3 090 903 €, 2028: 3 121 812 €
            actualisation taux_regional
            repartition 2024 {
                IME_GRENOBLE: 2 200 000 €
                SESSAD_VOIRON: 800 000 €
            }
        }
    }

    suivi {
        comite ARS_ARA, ASSO_ALPES
        dialogue_de_gestion annuel
        revue mi_parcours 2026
        revue finale 2028
    }
}

avenant 1 au CPOM_WARM_UP_2024 {
    effet 2026-01-01
    signature 2025-12-10
    signataires ARS_ARA, ASSO_ALPES
    objet "Extension du SESSAD"
}
`;

/** The same contract with errors a check reports (an unknown establishment, a FINESS key, a distribution that does not add up), and cut short. */
const WARM_UP_TEXTS = [
    CONTRACT,
    CONTRACT.replace('SESSAD_VOIRON: 800 000 €', 'SESSAD_GAP: 700 000 €').replace('finess 380999029', 'finess 380999021'),
    CONTRACT.slice(0, CONTRACT.indexOf('axe A1')),
];

export async function warmUp(): Promise<void> {
    for (const text of WARM_UP_TEXTS) {
        const bytes = new TextEncoder().encode(text);
        await main(['check', '-', '--stdin-filename', 'warm-up.cpom'], { cwd: process.cwd(), stdout: () => {}, stderr: () => {}, version: '0', env: {}, stdin: async () => bytes });
    }
}
