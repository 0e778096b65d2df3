/**
 * Texts are kept as typed. In a "…" string only \" and \\ are escapes (a pasted Windows path keeps its
 * backslashes); a “…” string, pasted from Word, has no escape at all.
 */
import { type CstNode, DefaultValueConverter, type GrammarAST, type ValueType } from 'langium';

export function convertCpomString(input: string): string {
    const body = input.slice(1, -1);
    if (input.startsWith('“')) {
        return body;
    }
    return body.replace(/\\(["\\])/g, '$1');
}

export class CpomValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return convertCpomString(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
