/**
 * Reading and writing the user's files: the File System Access API where the browser has it (Chromium, Edge),
 * file inputs and downloads elsewhere. Never a silent overwrite: a file changed on disk since it was read is
 * replaced only after the user confirms, and a download never replaces anything (the browser names it anew).
 */

/** A file as the studio holds it: its path in the opened folder, its text, and how to write it back. */
export interface LoadedFile {
    readonly path: string;
    readonly text: string;
    readonly handle?: FileSystemFileHandle;
    /** `lastModified` of the file when read, to tell whether someone changed it since. */
    readonly lastModified?: number;
}

interface PickerWindow {
    showOpenFilePicker?: (options?: object) => Promise<FileSystemFileHandle[]>;
    showDirectoryPicker?: (options?: object) => Promise<FileSystemDirectoryHandle>;
    showSaveFilePicker?: (options?: object) => Promise<FileSystemFileHandle>;
}
const pickers = window as unknown as PickerWindow;
const CPOM_TYPES = [{ description: 'Contrat CPOM', accept: { 'text/plain': ['.cpom'] } }];

export const hasFileSystemAccess = typeof pickers.showOpenFilePicker === 'function';

/** Asks the user for .cpom files (several allowed); `undefined` when cancelled. */
export async function pickFiles(): Promise<LoadedFile[] | undefined> {
    if (pickers.showOpenFilePicker) {
        try {
            const handles = await pickers.showOpenFilePicker({ multiple: true, types: CPOM_TYPES });
            return Promise.all(handles.map(async handle => {
                const file = await handle.getFile();
                return { path: file.name, text: await file.text(), handle, lastModified: file.lastModified };
            }));
        } catch (error) {
            if ((error as DOMException).name === 'AbortError') return undefined;
            throw error;
        }
    }
    return pickWithInput(false);
}

/** Asks the user for a folder; its .cpom files (sub-folders included), paths relative to it. */
export async function pickFolder(): Promise<LoadedFile[] | undefined> {
    if (pickers.showDirectoryPicker) {
        try {
            const root = await pickers.showDirectoryPicker({ mode: 'readwrite' });
            const files: LoadedFile[] = [];
            await walk(root, '', files);
            return files.sort((a, b) => a.path.localeCompare(b.path));
        } catch (error) {
            if ((error as DOMException).name === 'AbortError') return undefined;
            throw error;
        }
    }
    return pickWithInput(true);
}

async function walk(dir: FileSystemDirectoryHandle, prefix: string, files: LoadedFile[]): Promise<void> {
    for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (entry.kind === 'directory' && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
            await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`, files);
        } else if (entry.kind === 'file' && entry.name.endsWith('.cpom')) {
            const handle = entry as FileSystemFileHandle;
            const file = await handle.getFile();
            files.push({ path: `${prefix}${entry.name}`, text: await file.text(), handle, lastModified: file.lastModified });
        }
    }
}

/** The fallback: an `<input type=file>` (with `webkitdirectory` for a folder). */
export function pickWithInput(folder: boolean): Promise<LoadedFile[] | undefined> {
    return new Promise(resolve => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = '.cpom';
        input.multiple = true;
        if (folder) input.webkitdirectory = true;
        input.addEventListener('change', () => {
            const chosen = [...(input.files ?? [])].filter(f => f.name.endsWith('.cpom'));
            void Promise.all(chosen.map(async f => {
                const relative = f.webkitRelativePath ? f.webkitRelativePath.split('/').slice(1).join('/') : f.name;
                return { path: relative || f.name, text: await f.text(), lastModified: f.lastModified };
            })).then(files => resolve(files.sort((a, b) => a.path.localeCompare(b.path))));
        });
        input.addEventListener('cancel', () => resolve(undefined));
        input.click();
    });
}

export type SaveOutcome = { kind: 'written'; handle: FileSystemFileHandle; lastModified: number } | { kind: 'downloaded' } | { kind: 'cancelled' };

/**
 * Writes `text` back where it came from (after confirming if it changed on disk meanwhile), or asks where to save
 * it, or downloads it.
 */
export async function saveText(name: string, text: string, handle: FileSystemFileHandle | undefined, lastModified: number | undefined, confirmOverwrite: () => boolean): Promise<SaveOutcome> {
    let target = handle;
    if (target && lastModified !== undefined) {
        const onDisk = await target.getFile();
        if (onDisk.lastModified !== lastModified && !confirmOverwrite()) return { kind: 'cancelled' };
    }
    if (!target && pickers.showSaveFilePicker) {
        try {
            target = await pickers.showSaveFilePicker({ suggestedName: name.split('/').pop(), types: CPOM_TYPES });
        } catch (error) {
            if ((error as DOMException).name === 'AbortError') return { kind: 'cancelled' };
            throw error;
        }
    }
    if (target) {
        const writable = await (target as unknown as { createWritable(): Promise<FileSystemWritableFileStream> }).createWritable();
        await writable.write(text);
        await writable.close();
        return { kind: 'written', handle: target, lastModified: (await target.getFile()).lastModified };
    }
    downloadBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), name.split('/').pop() ?? name);
    return { kind: 'downloaded' };
}

export function downloadBlob(blob: Blob, fileName: string): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
