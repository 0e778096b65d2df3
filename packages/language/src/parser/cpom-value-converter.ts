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

/**
 * A date as typed: ISO (`2023-12-15`) stays as it is; a French date (`15/12/2023`, `1/7/2024`) becomes ISO, so that
 * every reader of a `date` sees one form. An impossible French date (`31/02/2023`) gives an impossible ISO date,
 * which CPOM008 reports.
 */
export function convertCpomDate(input: string): string {
    const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input);
    if (!french) return input;
    return `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}`;
}

/** True when a date token was typed the French way (`15/12/2023`). */
export function isFrenchDateText(input: string): boolean {
    return input.includes('/');
}

export class CpomValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return convertCpomString(input);
        }
        if (rule.name === 'DATE') {
            return convertCpomDate(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
