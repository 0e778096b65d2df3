/**
 * What the Node and browser clients share: the documents the server handles, the settings it reads
 * (`cpom` section, synchronised), and the locale sent at initialisation.
 */
import * as vscode from 'vscode';
import { type LanguageClientOptions, RevealOutputChannelOn } from 'vscode-languageclient';
import type { CpomClientSettings } from './protocol.js';
import { LANGUAGE_ID } from './util.js';

export type Host = 'node' | 'browser';

/** Client id: VS Code reads the `cpom.trace.server` setting from it. */
export const CLIENT_ID = 'cpom';
/** Name of the client, shown as the name of its output channel. */
export const CLIENT_NAME = 'Serveur de langage CPOM';

/** The `cpom` settings the server reads, with defaults. */
export function readSettings(): CpomClientSettings {
    const config = vscode.workspace.getConfiguration('cpom');
    const language = config.get<string>('diagnostics.language') === 'en' ? 'en' : 'fr';
    const configPath = config.get<string>('configPath')?.trim();
    return { diagnostics: { language }, ...(configPath ? { configPath } : {}) };
}

/**
 * `fileEvents`: watchers whose events are forwarded to the server (Node host: `.cpom` files and
 * `cpom.config.json` changed outside the editor).
 */
export function createClientOptions(host: Host, fileEvents?: vscode.FileSystemWatcher[]): LanguageClientOptions {
    /** The settings the server last received (at initialisation or in a configuration change). */
    let sent = '';
    return {
        // The Node server reads files from disk: real files and unsaved editors. In the browser, documents come
        // from the client whatever their scheme (vscode-vfs, memfs…).
        documentSelector: host === 'node'
            ? [{ scheme: 'file', language: LANGUAGE_ID }, { scheme: 'untitled', language: LANGUAGE_ID }]
            : [{ language: LANGUAGE_ID }],
        synchronize: {
            configurationSection: 'cpom',
            ...(fileEvents && fileEvents.length > 0 ? { fileEvents } : {}),
        },
        // The settings object, and its short form `lang` for the locale of the first diagnostics. A function: a
        // restarted server gets the settings of the moment.
        initializationOptions: () => {
            const settings = readSettings();
            sent = JSON.stringify(settings);
            return { ...settings, lang: settings.diagnostics?.language ?? 'fr' };
        },
        middleware: {
            workspace: {
                // The server revalidates every document on a configuration change: send only real changes of what it
                // reads (not the copy of the initial settings sent at start-up, nor the preview or trace settings).
                didChangeConfiguration: (sections, next) => {
                    const now = JSON.stringify(readSettings());
                    if (now === sent) return Promise.resolve();
                    sent = now;
                    return next(sections);
                },
            },
        },
        diagnosticCollectionName: CLIENT_ID,
        // The server logs an invalid cpom.config.json: that is for the output channel, not a reason to pop it up.
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        markdown: { isTrusted: false, supportHtml: false },
        initializationFailedHandler: error => {
            void vscode.window.showErrorMessage(`Le serveur de langage CPOM n'a pas pu s'initialiser : ${error instanceof Error ? error.message : String(error)}`);
            return false;
        },
    };
}
