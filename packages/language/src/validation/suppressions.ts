/**
 * `// cpom-ignore CODE[, CODE…] : reason` comments: the diagnostics of those rules that start on the next line are
 * not reported. Codes or rule names, in any case, accents ignored. A comment without a reason, naming an unknown
 * rule or syntax errors (CPOM001), or that ignores nothing, is itself reported (CPOM110–112). Applied by the
 * document validator, so the CLI and the language server ignore the same diagnostics.
 */
import { CstUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { getRule } from '../diagnostics/rules.js';

const DIRECTIVE = 'cpom-ignore';

export interface SuppressedCode {
    /** As written. */
    readonly text: string;
    /** The rule's code; undefined when the text names no rule. */
    readonly code: string | undefined;
    readonly range: Range;
}

export interface Suppression {
    /** The line (0-based) whose diagnostics are ignored: the one after the comment. */
    readonly line: number;
    readonly codes: readonly SuppressedCode[];
    readonly hasReason: boolean;
    readonly range: Range;
}

/** The `cpom-ignore` comments of a document, from its CST (so a `//` inside a quoted text is not one). */
export function readSuppressions(document: LangiumDocument): Suppression[] {
    const root = document.parseResult.value.$cstNode;
    // Most files have none: a native scan of the text spares walking a large CST on every validation.
    if (!root || !/cpom-ignor/i.test(document.textDocument.getText())) return [];
    const result: Suppression[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (isLeafCstNode(node) && node.hidden && node.tokenType.name === 'SL_COMMENT') {
            const suppression = parseDirective(node.text, node.range);
            if (suppression) result.push(suppression);
        }
    }
    return result;
}

/** Folds case and accents: `CPOM041`, `cpom041` and `clé` compare as written without them. */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function parseDirective(comment: string, range: Range): Suppression | undefined {
    const body = comment.slice(2);
    const start = body.length - body.trimStart().length;
    if (fold(body.slice(start, start + DIRECTIVE.length)) !== DIRECTIVE) return undefined;
    const after = start + DIRECTIVE.length;
    if (after < body.length && !/\s/.test(body[after])) return undefined;
    // A further ` //` ends the directive (a comment on the comment).
    const nested = body.slice(after).search(/\s\/\//);
    const end = nested < 0 ? body.length : after + nested;
    const colon = body.indexOf(':', after);
    const codesEnd = colon >= 0 && colon < end ? colon : end;
    const hasReason = colon >= 0 && colon < end && body.slice(colon + 1, end).trim().length > 0;
    const line = range.start.line;
    const codes: SuppressedCode[] = [];
    let offset = after;
    for (const piece of body.slice(after, codesEnd).split(',')) {
        const text = piece.trim();
        if (text.length > 0) {
            const character = range.start.character + 2 + offset + piece.indexOf(text);
            codes.push({
                text,
                code: codeOf(text),
                range: { start: { line, character }, end: { line, character: character + text.length } },
            });
        }
        offset += piece.length + 1;
    }
    return { line: line + 1, codes, hasReason, range };
}

function codeOf(text: string): string | undefined {
    const folded = fold(text);
    return (getRule(folded.toUpperCase()) ?? getRule(folded))?.code;
}
