/**
 * `cpom avenant OLD NEW --number N`: drafts the avenant implied by the substantive changes between two versions of
 * a contract (see @cpom/diff, avenant/), through the document generator: HTML, Markdown, DOCX, PDF, and JSON (the
 * change records and the avenant's metadata), written atomically as `<out>/AVENANT_<N>_<CONTRACT>.<ext>`.
 *
 * Exit codes, as `generate`: 0 drafted; 1 no substantive change, or the new version has errors (unless --force);
 * 2 usage or I/O error.
 */
import * as path from 'node:path';
import { compareDates, contractsOfFile, parseIsoDate } from '@cpom/language';
import { buildContractDocument, type ContractDocument, type CpomJson } from '@cpom/generator';
import { diffContracts, draftAvenant, NoSubstantiveChangeError } from '@cpom/diff';
import type { CommandIO } from './check.js';
import { exportVersion } from './diff-command.js';
import { consolidationDay } from './consolidation-day.js';
import type { DocumentFormat } from './document-formats.js';
import { goesOnDespiteErrors, writeDocument } from './document-output.js';
import { reportFailure, UsageError } from './errors.js';
import { prepareOutputFolder } from './output.js';
import { avenantFilesBeside } from './avenants-beside.js';
import { createServices, diskSource, loadWorkspace } from './workspace.js';

export interface AvenantCommandOptions {
    /** The avenant's number, as typed. */
    readonly number: string;
    readonly formats: DocumentFormat[];
    readonly out: string;
    /** ISO date of effect; without it, the avenant takes effect on the first day of the month after its signature. */
    readonly effet?: string;
    readonly force?: boolean;
    /** The contract to amend, when a file declares several. */
    readonly contract?: string;
    /** `--au DATE`: both versions as amended on that day by their avenants in force (the avenant drafted is what separates them). */
    readonly au?: string;
}


export async function runAvenant(oldFile: string, newFile: string, options: AvenantCommandOptions, io: CommandIO): Promise<number> {
    try {
        return await avenant(oldFile, newFile, options, io);
    } catch (error) {
        if (error instanceof NoSubstantiveChangeError) {
            io.stderr(io.locale === 'en'
                ? 'cpom: no substantive change: no avenant to draft (cpom diff lists the editorial changes)\n'
                : `cpom: ${error.message}\n`);
            return 1;
        }
        return reportFailure(error, io, io.locale ?? 'fr');
    }
}

function parseNumber(value: string): number {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
        throw new UsageError({ fr: `numéro d'avenant impossible : « ${value} » (un entier positif est attendu)`, en: `invalid avenant number '${value}' (expected a positive integer)` });
    }
    return n;
}

function parseEffect(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (!parseIsoDate(value)) {
        throw new UsageError({ fr: `date d'effet impossible : « ${value} » (une date ISO est attendue : 2016-01-01)`, en: `invalid date of effect '${value}' (expected an ISO date: 2016-01-01)` });
    }
    return value;
}

/** The one contract of a version, or the one named by --contract. */
function single(versions: CpomJson[], file: string, name: string | undefined): CpomJson {
    if (versions.length === 0) {
        throw new UsageError(name
            ? { fr: `aucun contrat ${name} dans « ${file} »`, en: `no contract '${name}' in '${file}'` }
            : { fr: `aucun contrat dans « ${file} » (un avenant se rédige à partir de deux versions d'un contrat)`, en: `no contract in '${file}' (avenants are drafted from two versions of a contract)` });
    }
    if (versions.length > 1) {
        const names = versions.map(v => v.contract.id).join(', ');
        throw new UsageError({
            fr: `« ${file} » déclare ${versions.length} contrats (${names}) : choisissez-en un avec --contract`,
            en: `'${file}' declares ${versions.length} contracts (${names}): choose one with --contract`,
        });
    }
    return versions[0];
}

async function avenant(oldFile: string, newFile: string, options: AvenantCommandOptions, io: CommandIO): Promise<number> {
    const number = parseNumber(options.number);
    const effectDate = parseEffect(options.effet);
    const resolve = (file: string) => path.resolve(io.cwd, file);
    const services = createServices(); // one parser for both versions, loaded one after the other
    const day = consolidationDay(options.au);
    const before = single(await exportVersion(resolve(oldFile), options.contract, oldFile, services, day), oldFile, options.contract);
    const after = single(await exportVersion(resolve(newFile), options.contract, newFile, services, day), newFile, options.contract);
    if ((before.contract.avenants ?? []).some(a => a.number === number)) {
        throw new UsageError({ fr: `le contrat ${before.contract.id} a déjà un avenant n° ${number}`, en: `contract ${before.contract.id} already has an avenant n° ${number}` });
    }

    // The new version, validated as `generate` validates a contract; its document gives the numbers of the
    // articles and annexes the avenant amends. The services were left empty by exportVersion.
    const locale = io.locale ?? 'fr';
    services.Cpom.cpom.Settings.locale = locale;
    // With the avenants beside it, as `generate` reads it: the same document, the same numbers.
    const companions = avenantFilesBeside([resolve(newFile)], diskSource);
    const workspace = await loadWorkspace(services, [resolve(newFile)], message => io.stderr(`cpom: note: ${message[locale]}\n`), diskSource, { companions });
    const goesOn = goesOnDespiteErrors(workspace.files, io, options.force, {
        refused: { fr: 'la nouvelle version a des erreurs : aucun avenant rédigé (--force pour le rédiger quand même)', en: 'the new version has errors: no avenant drafted (use --force to draft it anyway)' },
        forced: { fr: 'avenant rédigé malgré les erreurs de la nouvelle version (--force) : relisez-le', en: 'avenant drafted despite the errors of the new version (--force): proofread it' },
    });
    if (!goesOn) return 1;
    const contract = workspace.files[0] && contractsOfFile(workspace.files[0].document).declared.find(c => c.name === after.contract.id);
    let contractDocument: ContractDocument | undefined;
    if (contract) {
        contractDocument = buildContractDocument(contract, services.Cpom.cpom.WorkspaceIndex.avenantsOf(contract));
    }

    const diff = diffContracts(before, after, { oldLabel: oldFile, newLabel: newFile });
    const { document, metadata } = draftAvenant(diff, before, after, { number, effectDate, contractDocument });
    if (effectDate) warnOutsidePeriod(effectDate, after, io);
    const editorial = metadata.editorialChanges;
    if (editorial > 0) {
        io.stderr(locale === 'fr'
            ? `cpom: note: ${editorial} changement${editorial > 1 ? 's' : ''} de forme ne ${editorial > 1 ? 'font' : 'fait'} pas partie de l'avenant (cpom diff les liste)\n`
            : `cpom: note: ${editorial} editorial change${editorial > 1 ? 's are' : ' is'} not part of the avenant (cpom diff lists them)\n`);
    }

    const sources = new Set([resolve(oldFile), resolve(newFile), ...workspace.files.map(f => f.path)]);
    prepareOutputFolder(resolve(options.out), options.out);
    await writeDocument(document, options.formats, {
        outDir: resolve(options.out),
        baseName: `AVENANT_${number}_${after.contract.id}`,
        sources,
        json: () => `${JSON.stringify({
            formatVersion: 1, avenant: metadata, old: diff.old, new: diff.new, summary: diff.summary, changes: diff.changes,
        }, null, 2)}\n`,
    }, io);
    return 0;
}

/** An avenant takes effect within the contract's period (CPOM090): a note, the draft is still written. */
function warnOutsidePeriod(effectDate: string, after: CpomJson, io: CommandIO): void {
    const effect = parseIsoDate(effectDate)!;
    const start = parseIsoDate(after.contract.engagement?.dateEffetEngagement);
    const end = parseIsoDate(after.contract.prorogationEndDate ?? after.contract.engagement?.dateFinEngagement);
    if ((start && compareDates(effect, start) < 0) || (end && compareDates(effect, end) > 0)) {
        const period = `${after.contract.engagement?.dateEffetEngagement ?? '?'} – ${after.contract.prorogationEndDate ?? after.contract.engagement?.dateFinEngagement ?? '?'}`;
        io.stderr(io.locale === 'en'
            ? `cpom: note: the date of effect ${effectDate} is outside the contract's period (${period})\n`
            : `cpom: note: la date d'effet ${effectDate} est hors de la période du contrat (${period})\n`);
    }
}
