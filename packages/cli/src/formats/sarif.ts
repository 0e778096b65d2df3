/** SARIF 2.1.0 for code-scanning tools: every rule in tool.driver.rules, results with stable ruleIds. */
import { pathToFileURL } from 'node:url';
import { RULES, ruleMarkdown } from '@cpom/language';
import type { CheckReport } from '../report.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
    readonly toolVersion: string;
    /** Base of rule pages: `<base><CODE>.md`. */
    readonly rulesBaseUri: string;
    /** Working directory: artifact URIs are relative to it (%SRCROOT%). */
    readonly cwd: string;
}

export function formatSarif(report: CheckReport, options: SarifOptions): string {
    const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.code, i]));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'cpom',
                    version: options.toolVersion,
                    semanticVersion: options.toolVersion,
                    rules: RULES.map(r => ({
                        id: r.code,
                        name: r.name,
                        shortDescription: { text: r.title[report.locale] },
                        fullDescription: { text: r.rationale.en },
                        helpUri: `${options.rulesBaseUri}${r.code}.md`,
                        help: { text: `${r.rationale.en}\nSource: ${r.source.en}`, markdown: ruleMarkdown(r) },
                        defaultConfiguration: { level: LEVELS[r.severity] },
                        properties: { category: r.category, confidence: r.confidence, source: r.source.en, tags: [r.category] },
                    })),
                },
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : options.cwd + '/').href } },
            artifacts: report.files.map(f => ({ location: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' } })),
            results: report.files.flatMap((f, artifactIndex) => f.diagnostics.map(d => ({
                ruleId: d.code,
                ruleIndex: ruleIndex.get(d.code),
                level: LEVELS[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%', index: artifactIndex },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                    },
                }],
            }))),
            columnKind: 'utf16CodeUnits',
        }],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}
