// Generation time of each output format for one contract (the ~5,000-line synthetic one in run.js).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const now = () => performance.now();

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** Builds the contract in its own workspace, then times the document model and each renderer. */
export async function measureGeneration(root, text, { runs = 5 } = {}) {
    const language = await import(pathToFileURL(path.join(root, 'packages/language/dist/index.js')).href);
    const generator = await import(pathToFileURL(path.join(root, 'packages/generator/dist/index.js')).href);
    const { withPdfPrinter, findChromium } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/pdf.js')).href);
    const { pdfWithPageNumbers } = await import(pathToFileURL(path.join(root, 'packages/cli/dist/document-output.js')).href);
    const { EmptyFileSystem, URI } = await import('langium');
    const services = language.createCpomServices(EmptyFileSystem);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///generation.cpom'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const contract = document.parseResult.value.elements.find(language.ast.isContrat);
    const avenants = services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract);

    const time = async (fn, count = runs) => {
        await fn(); // warm-up
        const samples = [];
        let output;
        for (let i = 0; i < count; i++) {
            const t = now();
            output = await fn();
            samples.push(now() - t);
        }
        return { ms: median(samples), bytes: typeof output === 'string' ? Buffer.byteLength(output) : output?.byteLength };
    };

    const model = generator.buildContractDocument(contract, avenants);
    const results = {
        document: await time(() => generator.buildContractDocument(contract, avenants)),
        html: await time(() => generator.renderHtml(model)),
        md: await time(() => generator.renderMarkdown(model)),
        docx: await time(() => generator.renderDocx(model)),
        json: await time(() => generator.serialiseJson(generator.exportContract(contract, avenants))),
    };
    if (findChromium()) {
        // As `cpom generate` writes one contract: Chromium started, the table of contents' pages measured in the page
        // loaded for print, the numbers filled in, the PDF printed; then the same in a batch, where Chromium is running.
        const pdfRuns = Math.min(runs, 3);
        results.pdf = await time(() => withPdfPrinter(printer => pdfWithPageNumbers(model, printer)), pdfRuns);
        results.pdfInBatch = await withPdfPrinter(printer => time(() => pdfWithPageNumbers(model, printer), pdfRuns));
    }
    return results;
}
