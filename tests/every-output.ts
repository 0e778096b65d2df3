/**
 * Test helpers: contracts parsed in memory (a folder's files in one workspace, so that imports resolve), and every
 * output the toolchain makes of a contract — the contract document in HTML, Markdown and DOCX, the JSON export, the
 * diff against another version both ways (text, Markdown, JSON) and the avenant drafted each way, in HTML, Markdown
 * and DOCX — as texts to check.
 */
import JSZip from 'jszip';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { ast, createCpomServices } from '@cpom/language';
import {
    type Block, buildContractDocument, type Cell, type ContractDocument, type CpomJson, exportContract, type Inline, renderDocx, renderHtml,
    renderMarkdown, serialiseJson,
} from '@cpom/generator';
import { diffContracts, draftAvenant, formatDiffMarkdown, formatDiffText, NoSubstantiveChangeError } from '@cpom/diff';

const services = createCpomServices(EmptyFileSystem);
let counter = 0;

export interface ParsedContract {
    readonly contract: ast.Contrat;
    readonly avenants: ast.Avenant[];
}

/**
 * Parses texts by file name in one fresh in-memory folder (without validation, as `cpom diff` loads a version) and
 * calls `use` with the contracts that `main` declares or amends (for a catalogue, those of the folder), each with its
 * avenants; the folder is then removed.
 */
export async function withContracts<T>(files: ReadonlyMap<string, string>, main: string, use: (contracts: ParsedContract[], document: LangiumDocument) => Promise<T>): Promise<T> {
    const { shared } = services;
    const folder = `file:///every-output-${counter++}/`;
    const documents = [...files].map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(folder + name)));
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build(documents, { validation: false });
        const document = documents[[...files.keys()].indexOf(main)];
        const index = services.Cpom.cpom.WorkspaceIndex;
        const contracts = new Set<ast.Contrat>();
        const collect = (file: LangiumDocument) => {
            const top = file.parseResult.value;
            for (const element of ast.isCpomFile(top) ? top.elements : []) {
                if (ast.isContrat(element)) contracts.add(element);
                if (ast.isAvenant(element) && element.contract?.ref) contracts.add(element.contract.ref);
            }
        };
        collect(document);
        // A catalogue: the contracts of the folder, which import it.
        if (contracts.size === 0) documents.forEach(collect);
        return await use([...contracts].map(contract => ({ contract, avenants: [...index.avenantsOf(contract)] })), document);
    } finally {
        await shared.workspace.DocumentBuilder.update([], documents.map(d => d.uri));
    }
}

export interface Output {
    /** What made it: `HTML`, `diff (old → new) Markdown`, `avenant (new → old) DOCX`… */
    readonly name: string;
    readonly text: string;
}

/** The text of a DOCX: its main part, read back. */
async function docxText(bytes: Uint8Array): Promise<string> {
    const zip = await JSZip.loadAsync(bytes);
    return zip.file('word/document.xml')!.async('string');
}

/**
 * The texts of a document model that are not strings: the renderers draw a missing text as nothing, so the model
 * itself is checked for what should have been a placeholder.
 */
export function missingTexts(document: ContractDocument): string[] {
    const missing: string[] = [];
    const check = (value: unknown, where: string) => { if (typeof value !== 'string') missing.push(where); };
    const inlines = (content: readonly Inline[], where: string) => content.forEach((inline, i) => {
        if (inline.kind === 'text') check(inline.text, `${where}[${i}]`);
        else check(inline.target, `${where}[${i}] (reference)`);
    });
    const cells = (rows: readonly Cell[][], where: string) => rows.forEach((row, r) => row.forEach((cell, c) => check(typeof cell === 'object' && cell !== null ? cell.text : cell, `${where} row ${r} cell ${c}`)));
    const blocks = (list: readonly Block[], where: string): void => list.forEach((block, i) => {
        const at = `${where} › ${i}`;
        switch (block.kind) {
            case 'paragraph': return inlines(block.content, `${at} paragraph`);
            case 'list': return block.items.forEach((item, j) => inlines(item, `${at} list item ${j}`));
            case 'table':
                check(block.caption, `${at} table caption`);
                block.columns.forEach((column, c) => check(column.label, `${at} column ${c}`));
                cells(block.rows, `${at} table`);
                return cells(block.footer ?? [], `${at} table footer`);
            case 'signatures': return block.signatories.forEach((s, j) => check(s.party, `${at} signatory ${j}`));
            case 'section':
                check(block.id, `${at} section id`);
                check(block.title, `${at} section title`);
                return blocks(block.blocks, `${at} ${block.id}`);
        }
    });
    const page = document.titlePage;
    [page.heading, page.title, page.period, ...page.between, ...page.frames].forEach((value, i) => check(value, `title page ${i}`));
    blocks([...document.visas, ...document.preamble, ...document.body, document.signatures, ...document.annexes], 'document');
    return missing;
}

async function rendered(prefix: string, document: ContractDocument): Promise<Output[]> {
    const missing = missingTexts(document);
    if (missing.length > 0) throw new Error(`${prefix}document: texts missing at ${missing.join('; ')}`);
    return [
        { name: `${prefix}HTML`, text: renderHtml(document) },
        { name: `${prefix}Markdown`, text: renderMarkdown(document) },
        { name: `${prefix}DOCX`, text: await docxText(await renderDocx(document)) },
    ];
}

/**
 * Every output of a contract. With `other` (another version's export), the diff both ways and the avenant each way
 * when the versions differ in substance.
 */
export async function everyOutput({ contract, avenants }: ParsedContract, other?: CpomJson): Promise<Output[]> {
    const document = buildContractDocument(contract, avenants);
    const json = exportContract(contract, avenants);
    const outputs: Output[] = [...await rendered('', document), { name: 'JSON', text: serialiseJson(json) }];
    if (!other) return outputs;
    const ways: Array<[string, CpomJson, CpomJson, ContractDocument | undefined]> = [
        ['other → this', other, json, document],
        ['this → other', json, other, undefined],
    ];
    for (const [way, before, after, contractDocument] of ways) {
        const diff = diffContracts(before, after, { oldLabel: 'avant', newLabel: 'après' });
        outputs.push(
            { name: `diff (${way}) text`, text: formatDiffText(diff) },
            { name: `diff (${way}) Markdown`, text: formatDiffMarkdown(diff) },
            { name: `diff (${way}) JSON`, text: JSON.stringify(diff) },
        );
        try {
            const draft = draftAvenant(diff, before, after, { number: 9, contractDocument });
            outputs.push(...await rendered(`avenant (${way}) `, draft.document), { name: `avenant (${way}) metadata`, text: JSON.stringify(draft.metadata) });
        } catch (error) {
            if (!(error instanceof NoSubstantiveChangeError)) throw error;
        }
    }
    return outputs;
}
