/**
 * The code editor: CodeMirror 6 with the cpom colouring and the LSP client's features (completion, hover,
 * formatting Shift-Alt-F, rename F2, go to definition F12, references Shift-F12), its words in French.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import {
    findReferencesKeymap, formatKeymap, hoverTooltips, jumpToDefinitionKeymap, type LSPClient, renameKeymap, serverCompletion,
} from '@codemirror/lsp-client';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
    crosshairCursor, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
    rectangularSelection, ViewPlugin, type ViewUpdate,
} from '@codemirror/view';
import { cpomLanguage } from './cpom-language.js';
import { lang } from './i18n.js';

const FRENCH_PHRASES = {
    'Completions': 'Complétions',
    'Diagnostics': 'Diagnostics',
    'No diagnostics': 'Aucun diagnostic',
    'close': 'fermer',
    'New name': 'Nouveau nom',
    'rename': 'renommer',
    'Reference list': 'Liste des références',
    'Go to line': 'Aller à la ligne',
    'go': 'aller',
    'Find': 'Rechercher',
    'Replace': 'Remplacer',
    'next': 'suivant',
    'previous': 'précédent',
    'all': 'tout',
    'match case': 'respecter la casse',
    'by word': 'mot entier',
    'regexp': 'expression régulière',
    'replace': 'remplacer',
    'replace all': 'tout remplacer',
    'current match': 'occurrence courante',
    'on line': 'à la ligne',
    'Folded lines': 'Lignes repliées',
    'Unfolded lines': 'Lignes dépliées',
    'Fold line': 'Replier',
    'Unfold line': 'Déplier',
};

/** Sends the changes to the server shortly after typing stops (the server coalesces bursts too). */
function autoSync(client: LSPClient, onChange: () => void): Extension {
    return ViewPlugin.fromClass(class {
        private timer = -1;
        update(update: ViewUpdate): void {
            if (!update.docChanged) return;
            onChange();
            clearTimeout(this.timer);
            this.timer = window.setTimeout(() => client.sync(), 250);
        }
        destroy(): void { clearTimeout(this.timer); }
    });
}

/** The extensions every file's editor state carries, the LSP plugin for its URI included. */
export function editorExtensions(client: LSPClient, uri: string, onChange: () => void): Extension {
    return [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), foldGutter(), drawSelection(),
        EditorState.allowMultipleSelections.of(true), indentOnInput(), bracketMatching(), closeBrackets(), autocompletion(),
        rectangularSelection(), crosshairCursor(), highlightActiveLine(), highlightSelectionMatches(), lintGutter(),
        keymap.of([
            ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap,
            ...formatKeymap, ...renameKeymap, ...jumpToDefinitionKeymap, ...findReferencesKeymap, indentWithTab,
        ]),
        lang === 'fr' ? EditorState.phrases.of(FRENCH_PHRASES) : [],
        EditorView.contentAttributes.of({ 'aria-label': lang === 'fr' ? 'Texte du contrat' : 'Contract text' }),
        EditorState.tabSize.of(4),
        EditorView.lineWrapping,
        cpomLanguage,
        serverCompletion(),
        hoverTooltips(),
        client.plugin(uri, 'cpom'),
        autoSync(client, onChange),
    ];
}
