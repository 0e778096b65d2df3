/**
 * Access to the language server for the commands: waits until it is ready (bounded), sends a request, and turns
 * every failure into an error with a French message. Commands decide whether to show it (explicit commands) or
 * to display it quietly (the live preview).
 */
import * as vscode from 'vscode';
import { type BaseLanguageClient, State } from 'vscode-languageclient';
import { describeError } from './util.js';

/** How long a command waits for the server to start or restart before giving up. */
const READY_TIMEOUT_MS = 30_000;

/** A failure with a message to show as is (French, no trailing period). */
export class CpomServerError extends Error {
    override readonly name = 'CpomServerError';
}

export class CpomServer {
    constructor(readonly client: BaseLanguageClient, readonly ready: Promise<void>) {}

    /** Resolves when the server runs; rejects with a CpomServerError when it failed to start or stays stopped. */
    async whenRunning(): Promise<void> {
        try {
            await withTimeout(this.ready, READY_TIMEOUT_MS);
        } catch (error) {
            throw new CpomServerError(`le serveur de langage CPOM n'a pas démarré (${describeError(error)})`);
        }
        if (this.client.isRunning()) return;
        if (this.client.state === State.Starting) {
            // Restarting after a crash: wait for it.
            await withTimeout(new Promise<void>(resolve => {
                const listener = this.client.onDidChangeState(event => {
                    if (event.newState !== State.Starting) {
                        listener.dispose();
                        resolve();
                    }
                });
            }), READY_TIMEOUT_MS).catch(() => undefined);
            if (this.client.isRunning()) return;
        }
        throw new CpomServerError('le serveur de langage CPOM est arrêté ; rechargez la fenêtre (commande « Développeur : Recharger la fenêtre ») pour le relancer');
    }

    /** Sends `method` once the server runs; rejects with a CpomServerError. */
    async request<R>(method: string, params?: object, token?: vscode.CancellationToken): Promise<R> {
        await this.whenRunning();
        try {
            // Never pass an undefined token: vscode-jsonrpc would send it as a second (null) parameter.
            if (params === undefined) {
                return token ? await this.client.sendRequest<R>(method, token) : await this.client.sendRequest<R>(method);
            }
            return token ? await this.client.sendRequest<R>(method, params, token) : await this.client.sendRequest<R>(method, params);
        } catch (error) {
            throw new CpomServerError(describeError(error));
        }
    }
}

/** The message of any error, for French sentences ("… : <message>"). */
export function failureMessage(error: unknown): string {
    return error instanceof CpomServerError ? error.message : describeError(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`pas de réponse après ${Math.round(ms / 1000)} s`)), ms);
        promise.then(
            value => { clearTimeout(timer); resolve(value); },
            error => { clearTimeout(timer); reject(error); },
        );
    });
}
