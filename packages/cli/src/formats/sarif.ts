/**
 * SARIF 2.1.0 for code-scanning tools: every rule in tool.driver.rules, results with stable ruleIds. Artifact URIs
 * are relative references to %SRCROOT% with each path segment percent-encoded (a `#`, `%`, `?` or space in a folder
 * name is part of the name, not of the URI's syntax). A rule's `helpUri` is given only when its page exists on this
 * machine; `informationUri` is the project's home page.
 */
import { pathToFileURL } from 'node:url';
import { RULES, ruleMarkdown } from '@cpom/language';
import type { CheckReport } from '../report.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
    readonly toolVersion: string;
    /** The page of a rule (a URI), when there is one to open. */
    readonly helpUri: (code: string) => string | undefined;
    /** The tool's home page. */
    readonly informationUri: string;
    /** Working directory: artifact URIs are relative to it (%SRCROOT%). */
    readonly cwd: string;
}

/** A path relative to the working directory (forward slashes) as a relative URI reference. */
export function relativeUri(path: string): string {
    return path.split('/').map(segment => encodeURIComponent(segment)).join('/');
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
                    informationUri: options.informationUri,
                    rules: RULES.map(r => ({
                        id: r.code,
                        name: r.name,
                        shortDescription: { text: r.title[report.locale] },
                        fullDescription: { text: r.rationale.en },
                        helpUri: options.helpUri(r.code),
                        help: { text: `${r.rationale.en}\nSource: ${r.source.en}`, markdown: ruleMarkdown(r) },
                        defaultConfiguration: { level: LEVELS[r.severity] },
                        properties: { category: r.category, confidence: r.confidence, source: r.source.en, tags: [r.category] },
                    })),
                },
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : options.cwd + '/').href } },
            artifacts: report.files.map(f => ({ location: { uri: relativeUri(f.path), uriBaseId: '%SRCROOT%' } })),
            results: report.files.flatMap((f, artifactIndex) => f.diagnostics.map(d => ({
                ruleId: d.code,
                ruleIndex: ruleIndex.get(d.code),
                level: LEVELS[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: relativeUri(f.path), uriBaseId: '%SRCROOT%', index: artifactIndex },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                    },
                }],
            }))),
            columnKind: 'utf16CodeUnits',
        }],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}
