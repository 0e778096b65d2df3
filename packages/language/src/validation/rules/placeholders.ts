/**
 * CPOM182: the places `cpom init` and templates leave « À COMPLÉTER » — a quoted text that starts with the marker, a
 * comment that starts with it (`référence 2026: 0 // À COMPLÉTER : valeur de référence`). Read from the document's
 * text, as the comments are not in the AST; one pass of a regular expression per document, each match checked
 * against the token it falls in.
 */
import { AstUtils, CstUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../../generated/ast.js';
import { firstClause } from '../../model/clauses.js';
import type { RuleContext } from '../rule-context.js';

/** The marker at the start of a string (`"` or `“`) or of a `//` comment, and what follows it on its line. */
const PLACEHOLDER = /(?:"|“|\/\/[ \t]*)(?:À|A) COMPL(?:É|E)TER\b([^"”\r\n]*)/g;

/** What the marker says is missing: « À COMPLÉTER : adresse du siège » → « adresse du siège ». */
function whatOf(rest: string): string | undefined {
    const what = rest.replace(/^[ \t\u00A0\u202F]*[:：-]?[ \t\u00A0\u202F]*/, '').trim();
    return what.length > 0 && what.length <= 200 ? what : undefined;
}

export function checkPlaceholders(file: ast.CpomFile, ctx: RuleContext): void {
    const document = file.$document;
    const root = file.$cstNode;
    if (!document || !root) return;
    const text = document.textDocument.getText();
    // On every keystroke: a text without the word is passed over by a native search.
    if (!text.includes(' COMPL')) return;
    for (const match of text.matchAll(PLACEHOLDER)) {
        const offset = match.index;
        // The quote or the `//` must open its token: a “ or a // inside another text is not one.
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (leaf?.offset !== offset) continue;
        const owner = AstUtils.getContainerOfType(leaf.astNode, node => ast.isContrat(node) || ast.isAvenant(node)) as ast.Contrat | ast.Avenant | undefined;
        const signed = owner !== undefined && firstClause(owner, ast.isDateSignature) !== undefined;
        const what = whatOf(match[1]);
        // From the marker itself, as `cpom init` lists the places, to the end of what it says is missing.
        const marker = offset + match[0].search(/[ÀA] COMPL/);
        const range: Range = { start: document.textDocument.positionAt(marker), end: document.textDocument.positionAt(offset + match[0].length) };
        // A draft is being written: its places are an info; a signed text should have none left.
        ctx.reporter.report('CPOM182', {
            detail: what ? { variant: 'what', what } : { variant: 'bare' },
            state: signed ? 'signed' : 'draft',
        }, { node: file, range }, signed ? undefined : 'info');
    }
}
