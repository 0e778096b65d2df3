/** The bundled contracts, compiled in by esbuild.mjs (plugin `cpom-bundled-contracts`). */
declare module 'cpom-bundled-contracts' {
    const examples: ReadonlyArray<{ id: string; title: string; description: string; files: ReadonlyArray<{ path: string; text: string }> }>;
    export default examples;
}
