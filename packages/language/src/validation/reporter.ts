/** Reports a diagnostic by its catalogue code: message in the document's language, default severity. */
import { type AstNode, AstUtils, type ValidationAcceptor } from 'langium';
import type { CpomSettings } from '../cpom-settings.js';
import type { RuleOptions } from '../diagnostics/config.js';
import { type DiagnosticCode, formatMessage, getRule, type Locale, type MessageParams } from '../diagnostics/rules.js';

export interface ReportTarget<N extends AstNode = AstNode> {
    readonly node: N;
    readonly property?: string;
    readonly index?: number;
    readonly keyword?: string;
}

export class RuleReporter {
    readonly locale: Locale;
    private readonly options: ReadonlyMap<string, RuleOptions>;

    constructor(private readonly accept: ValidationAcceptor, settings: CpomSettings, node: AstNode) {
        const uri = AstUtils.getDocument(node).uri;
        this.locale = settings.localeFor(uri);
        this.options = settings.configFor(uri).options;
    }

    report(code: DiagnosticCode, params: MessageParams, target: ReportTarget): void {
        const rule = getRule(code)!;
        this.accept(rule.severity, formatMessage(code, params, this.locale), {
            node: target.node,
            property: target.property as never,
            index: target.index,
            keyword: target.keyword,
            code,
            data: { code, params },
        });
    }

    /** A numeric option of a rule from cpom.config.json, or its default. */
    numberOption(code: DiagnosticCode, key: string, fallback: number): number {
        const value = this.options.get(code)?.[key];
        return typeof value === 'number' ? value : fallback;
    }

    /** Picks the text of the document's language. */
    t(text: { fr: string; en: string }): string {
        return text[this.locale];
    }
}
