/** Errors, warnings and infos in a list of LSP diagnostics (a missing severity is an error). */
export function countDiagnostics(diagnostics) {
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of diagnostics) {
        if ((d.severity ?? 1) === 1) counts.errors++;
        else if (d.severity === 2) counts.warnings++;
        else counts.infos++;
    }
    return counts;
}
