/**
 * Texts are kept as typed. In a "…" string only \" and \\ are escapes (a pasted Windows path keeps its
 * backslashes); a “…” string, pasted from Word, has no escape at all.
 */
import { type CstNode, DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type ValueType } from 'langium';

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

/** A rule's conversion of its text (none reads the CST node). */
type Conversion = (input: string) => ValueType;

export class CpomValueConverter extends DefaultValueConverter {
    /**
     * Per grammar element (a token's or a data type rule's `grammarSource`): its rule's conversion, or null when the
     * text stays as it is. Langium found the rule and its type again for every token (a tenth of the parse).
     */
    private readonly conversions = new Map<GrammarAST.AbstractElement | undefined, Conversion | null>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const feature = cstNode.grammarSource;
        let conversion = this.conversions.get(feature);
        if (conversion === undefined) {
            conversion = this.conversionOf(feature);
            this.conversions.set(feature, conversion);
        }
        return conversion === null ? input : conversion(input);
    }

    /** Langium's `convert` and `runConverter` (4.2), decided once per grammar element. */
    private conversionOf(feature: GrammarAST.AbstractElement | undefined): Conversion | null {
        const element = GrammarAST.isCrossReference(feature) ? GrammarUtils.getCrossReferenceTerminal(feature) : feature;
        if (!GrammarAST.isRuleCall(element)) return null;
        const rule = element.rule.ref;
        if (!rule) throw new Error('This cst node was not parsed by a rule.');
        if (rule.name === 'STRING') return convertCpomString;
        if (rule.name === 'DATE') return convertCpomDate;
        switch (rule.name.toUpperCase()) {
            case 'INT': return ValueConverter.convertInt;
            case 'STRING': return ValueConverter.convertString;
            case 'ID': return ValueConverter.convertID;
        }
        switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
            case 'number': return ValueConverter.convertNumber;
            case 'boolean': return ValueConverter.convertBoolean;
            case 'bigint': return ValueConverter.convertBigint;
            case 'date': return ValueConverter.convertDate;
            default: return null;
        }
    }
}
