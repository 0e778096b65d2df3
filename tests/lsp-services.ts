/** The language server's services (formatter, code actions), in memory, for the LSP tests. */
import { EmptyFileSystem } from 'langium';
import { createCpomLspServices } from '../packages/language/src/lsp/index.js';

export function lspServices() {
    return createCpomLspServices(EmptyFileSystem).Cpom;
}
