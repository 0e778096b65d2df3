/** `importe` clauses name existing .cpom files. */
import { AstUtils } from 'langium';
import * as ast from '../../generated/ast.js';
import { resolveImportUri } from '../../references/imports.js';
import type { RuleContext } from '../rule-context.js';

export function checkImports(file: ast.CpomFile, ctx: RuleContext): void {
    const document = AstUtils.getDocument(file);
    for (const imp of file.imports) {
        if (!imp.path) continue;
        const uri = resolveImportUri(document, imp.path);
        if (!imp.path.endsWith('.cpom') || !ctx.workspace.hasDocument(uri)) {
            ctx.reporter.report('CPOM004', { path: imp.path }, { node: imp, property: 'path' });
        }
    }
}
