/** Questions asked on the terminal (`cpom init` when values are missing and the standard input is a terminal). */
import { createInterface } from 'node:readline/promises';
import { UsageError } from './errors.js';

export interface Prompter {
    /** The answer typed after `question` (without its line break); throws a UsageError when the input ends. */
    ask(question: string): Promise<string>;
    close(): void;
}

export const INPUT_ENDED = { fr: 'saisie interrompue : rien n\'a été écrit', en: 'input interrupted: nothing was written' };

/** Questions on the process's terminal. Ctrl-D or Ctrl-C ends the questions: nothing is written. */
export function terminalPrompter(): Prompter {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    let closed = false;
    const ended = new Promise<never>((_, reject) => {
        rl.on('close', () => {
            closed = true;
            reject(new UsageError(INPUT_ENDED));
        });
    });
    ended.catch(() => undefined); // observed by the question pending when the input ends
    rl.on('SIGINT', () => rl.close());
    return {
        async ask(question: string): Promise<string> {
            if (closed) throw new UsageError(INPUT_ENDED);
            return await Promise.race([rl.question(question), ended]);
        },
        close: () => rl.close(),
    };
}
