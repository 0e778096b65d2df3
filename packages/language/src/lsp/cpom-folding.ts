/**
 * Folding ranges (LSP `textDocument/foldingRange`): Langium's, which fold every block of three lines or more
 * and block comments, plus runs of `//` comment lines (the notes at the top of a contract, before a section).
 */
import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver-types';

export class CpomFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        try {
            super.collectFolding(document, acceptor);
            this.collectLineCommentRuns(document, acceptor);
        } catch {
            // folding is a comfort: a broken tree folds nothing more
        }
    }

    private collectLineCommentRuns(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return;
        let first: number | undefined;
        let last: number | undefined;
        const flush = () => {
            if (first !== undefined && last !== undefined && last > first) {
                acceptor({ startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
            }
            first = last = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            if (leaf.hidden && leaf.tokenType.name === 'WS') continue;
            const line = leaf.range.start.line;
            const isLineComment = leaf.hidden && leaf.tokenType.name === 'SL_COMMENT';
            // A run is made of comments alone on consecutive lines.
            if (isLineComment && last !== undefined && line === last + 1 && leaf.range.start.character === this.indent(document, line)) {
                last = line;
            } else {
                flush();
                if (isLineComment && leaf.range.start.character === this.indent(document, line)) first = last = line;
            }
        }
        flush();
    }

    /** Column of the first non-blank character of a line. */
    private indent(document: LangiumDocument, line: number): number {
        const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        return text.length - text.trimStart().length;
    }
}
