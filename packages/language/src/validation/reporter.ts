/**
 * Reports a diagnostic by its catalogue code: message in the document's language, default severity. Rules pass
 * values (names, numbers, keys of the catalogue's labels), never words: the reporter is their only way to speak.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { RuleOptions } from '../diagnostics/config.js';
import {
    type CodeWithOptions, type DiagnosticCode, formatMessage, getRule, type Locale, type MessageParams, type RuleOptionValues, type Severity,
} from '../diagnostics/rules.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export interface ReportTarget<N extends AstNode = AstNode> {
    readonly node: N;
    readonly property?: string;
    readonly index?: number;
    readonly keyword?: string;
    /** A place the AST does not hold (a comment): reported there rather than on the node. */
    readonly range?: Range;
}

export class RuleReporter {
    /** `locale` and `options` are those of the document checked (`CpomSettings.localeFor`, `configFor(uri).options`). */
    constructor(private readonly accept: ValidationAcceptor, private readonly locale: Locale, private readonly options: ReadonlyMap<string, RuleOptions>) {}

    /**
     * `params` are exactly those the catalogue declares for the code; they travel on as `data.params`. `atMost` lowers
     * the default severity when the law at the contract's date supports less (a text not verified on that day); the
     * configuration still has the last word.
     */
    report<C extends DiagnosticCode>(code: C, params: MessageParams<C>, target: ReportTarget, atMost?: Severity): void {
        const rule = getRule(code)!;
        const severity = atMost && SEVERITY_RANK[atMost] < SEVERITY_RANK[rule.severity] ? atMost : rule.severity;
        this.accept(severity, formatMessage(code, params, this.locale), {
            node: target.node,
            property: target.property as never,
            index: target.index,
            keyword: target.keyword,
            range: target.range,
            code,
            data: { code, params },
        });
    }

    /** An option of a rule: from cpom.config.json (checked against the rule's schema there), or its default. */
    option<C extends CodeWithOptions, K extends keyof RuleOptionValues<C> & string>(code: C, key: K): RuleOptionValues<C>[K] {
        const value = this.options.get(code)?.[key];
        return (value ?? getRule(code)!.options![key].default) as RuleOptionValues<C>[K];
    }
}
