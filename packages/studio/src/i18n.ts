/**
 * The studio's words, French first, English on request (`?lang=en` or the toggle, remembered in localStorage).
 * The diagnostics, hovers and documents come from the language server in the same language.
 */
export type Lang = 'fr' | 'en';

const WORDS = {
    appTitle: { fr: 'Studio CPOM', en: 'CPOM studio' },
    skipToEditor: { fr: "Aller à l'éditeur", en: 'Skip to the editor' },
    toolbar: { fr: 'Actions', en: 'Actions' },
    home: { fr: 'Accueil', en: 'Home' },
    open: { fr: 'Ouvrir un fichier…', en: 'Open a file…' },
    openFolder: { fr: 'Ouvrir un dossier…', en: 'Open a folder…' },
    save: { fr: 'Enregistrer', en: 'Save' },
    format: { fr: 'Mettre en forme', en: 'Format' },
    generate: { fr: 'Générer', en: 'Generate' },
    compare: { fr: 'Comparer', en: 'Compare' },
    print: { fr: 'Imprimer / PDF', en: 'Print / PDF' },
    language: { fr: 'English', en: 'Français' },
    languageLabel: { fr: 'Switch the studio to English', en: "Passer le studio en français" },
    files: { fr: 'Fichiers', en: 'Files' },
    outline: { fr: 'Plan', en: 'Outline' },
    problems: { fr: 'Problèmes', en: 'Problems' },
    noProblem: { fr: 'Aucun problème.', en: 'No problem.' },
    preview: { fr: 'Aperçu du contrat', en: 'Contract preview' },
    previewFollowUp: { fr: 'Aperçu du rapport de suivi annuel', en: 'Yearly follow-up report preview' },
    previewFrame: { fr: 'Aperçu du contrat généré', en: 'Generated contract preview' },
    previewWaiting: { fr: "L'aperçu s'affiche dès que le contrat est analysé.", en: 'The preview shows once the contract is analysed.' },
    editor: { fr: 'Texte du contrat', en: 'Contract text' },
    startTitle: { fr: 'Bienvenue dans le studio CPOM', en: 'Welcome to the CPOM studio' },
    startIntro: {
        fr: 'Écrivez, vérifiez, générez et comparez vos contrats pluriannuels d’objectifs et de moyens, sans rien installer : tout se passe dans ce navigateur, rien n’est envoyé.',
        en: 'Write, check, generate and compare your CPOM contracts without installing anything: everything happens in this browser, nothing is sent.',
    },
    newContract: { fr: 'Nouveau contrat', en: 'New contract' },
    openExisting: { fr: 'Ouvrir vos fichiers', en: 'Open your files' },
    examples: { fr: 'Exemples à découvrir', en: 'Examples to learn from' },
    openExample: { fr: 'Ouvrir', en: 'Open' },
    fName: { fr: 'Nom du contrat (identifiant)', en: 'Contract name (identifier)' },
    fFrame: { fr: 'Cadre juridique', en: 'Legal frame' },
    fEffet: { fr: "Date d'effet", en: 'Date of effect' },
    fFin: { fr: 'Date de fin', en: 'End date' },
    fGestionnaire: { fr: 'Organisme gestionnaire', en: 'Managing body' },
    fGestionnaireFiness: { fr: 'FINESS juridique du gestionnaire', en: "Managing body's legal FINESS" },
    fEtabFiness: { fr: "FINESS géographique de l'établissement", en: "Establishment's FINESS" },
    fCategory: { fr: 'Catégorie', en: 'Category' },
    fCapacity: { fr: 'Capacité (places)', en: 'Capacity (places)' },
    fDepartment: { fr: 'Département', en: 'Département' },
    create: { fr: 'Créer le contrat', en: 'Create the contract' },
    formError: { fr: 'Vérifiez le champ', en: 'Check the field' },
    restoreTitle: { fr: 'Travail non enregistré retrouvé', en: 'Unsaved work found' },
    restoreText: { fr: 'Des modifications non enregistrées de ces fichiers ont été conservées dans ce navigateur :', en: 'Unsaved changes to these files were kept in this browser:' },
    restore: { fr: 'Reprendre', en: 'Restore' },
    discard: { fr: 'Abandonner', en: 'Discard' },
    unsaved: { fr: 'modifié, non enregistré', en: 'modified, not saved' },
    overwriteConfirm: { fr: 'Ce fichier a changé sur le disque depuis son ouverture. Le remplacer quand même ?', en: 'This file changed on disk since it was opened. Replace it anyway?' },
    replaceOpenConfirm: { fr: 'Des fichiers ouverts ont des modifications non enregistrées. Les fermer quand même ? (elles restent récupérables au prochain chargement)', en: 'Open files have unsaved changes. Close them anyway? (they can be restored on the next load)' },
    saved: { fr: 'Enregistré', en: 'Saved' },
    downloaded: { fr: 'Téléchargé (votre navigateur ne permet pas d’écrire le fichier sur place)', en: 'Downloaded (your browser cannot write the file in place)' },
    generateTitle: { fr: 'Générer les documents', en: 'Generate the documents' },
    generateFormats: { fr: 'Formats', en: 'Formats' },
    force: { fr: 'Générer malgré les erreurs (brouillon)', en: 'Generate despite errors (draft)' },
    download: { fr: 'Télécharger', en: 'Download' },
    close: { fr: 'Fermer', en: 'Close' },
    compareTitle: { fr: 'Comparer deux versions', en: 'Compare two versions' },
    compareWith: { fr: 'Version précédente', en: 'Previous version' },
    compareOpened: { fr: 'Le texte à l’ouverture du fichier', en: 'The text when the file was opened' },
    compareFile: { fr: 'Un autre fichier…', en: 'Another file…' },
    compareRun: { fr: 'Comparer', en: 'Compare' },
    avenantNumber: { fr: "Numéro de l'avenant", en: 'Avenant number' },
    changes: { fr: 'Changements', en: 'Changes' },
    avenant: { fr: 'Avenant rédigé', en: 'Drafted avenant' },
    downloadAvenant: { fr: "Télécharger l'avenant (HTML)", en: 'Download the avenant (HTML)' },
    noContract: { fr: 'Aucun fichier ouvert.', en: 'No file open.' },
    serverStarting: { fr: 'Démarrage du serveur de langage…', en: 'Starting the language server…' },
    serverReady: { fr: 'Prêt', en: 'Ready' },
    working: { fr: 'Analyse…', en: 'Analysing…' },
    quickFix: { fr: 'Corriger', en: 'Fix' },
    line: { fr: 'ligne', en: 'line' },
    error: { fr: 'erreur', en: 'error' },
    warning: { fr: 'avertissement', en: 'warning' },
    info: { fr: 'information', en: 'information' },
    rename: { fr: 'Renommer (F2)', en: 'Rename (F2)' },
    status: { fr: 'État', en: 'Status' },
} as const;

export type WordKey = keyof typeof WORDS;

function initialLang(): Lang {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'en' || asked === 'fr') return asked;
    try {
        return localStorage.getItem('cpom-studio-lang') === 'en' ? 'en' : 'fr';
    } catch {
        return 'fr';
    }
}

export let lang: Lang = initialLang();

export function setLang(next: Lang): void {
    lang = next;
    try { localStorage.setItem('cpom-studio-lang', next); } catch { /* private mode: not remembered */ }
}

export function t(key: WordKey): string {
    return WORDS[key][lang];
}

/** Counted nouns: singular and plural in each language (French takes the singular for 0 and 1, English for 1). */
const COUNTED = {
    error: { fr: ['erreur', 'erreurs'], en: ['error', 'errors'] },
    warning: { fr: ['avertissement', 'avertissements'], en: ['warning', 'warnings'] },
    info: { fr: ['information', 'informations'], en: ['information', 'information'] },
} as const;

/** A count with its noun in the studio's language: `0 erreur`, `2 avertissements`, `1 error`, `0 errors`. */
export function count(n: number, noun: keyof typeof COUNTED): string {
    const [singular, plural] = COUNTED[noun][lang];
    const one = lang === 'fr' ? Math.abs(n) < 2 : n === 1;
    return `${n} ${one ? singular : plural}`;
}
