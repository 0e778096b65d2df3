/**
 * Unsaved work kept in the browser (localStorage): the open files with their text and the text last saved, written
 * shortly after each change. After a reload, a session with unsaved changes is offered back; nothing is restored
 * without the user's word.
 */
export interface DraftFile {
    readonly path: string;
    readonly text: string;
    readonly savedText: string;
}
export interface DraftSession {
    readonly files: readonly DraftFile[];
    readonly current?: string;
}

const KEY = 'cpom-studio-session';

export function loadDraft(): DraftSession | undefined {
    try {
        const raw = localStorage.getItem(KEY);
        if (!raw) return undefined;
        const session = JSON.parse(raw) as DraftSession;
        return Array.isArray(session.files) && session.files.some(f => f.text !== f.savedText) ? session : undefined;
    } catch {
        return undefined;
    }
}

export function storeDraft(session: DraftSession): void {
    try {
        localStorage.setItem(KEY, JSON.stringify(session));
    } catch {
        // Storage full or refused (private mode): the work is still in the page.
    }
}

export function clearDraft(): void {
    try { localStorage.removeItem(KEY); } catch { /* nothing kept */ }
}
