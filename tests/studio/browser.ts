/**
 * The studio in headless Chromium (Debian's, driven by playwright-core), served by `cpom studio`'s own server
 * (serveStudio, from the sources) from the built packages/studio/dist (built here when missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStudio } from '../../packages/cli/src/studio-command.js';
import { ROOT } from '../helpers.js';

export const CHROMIUM = process.env.CPOM_CHROMIUM || '/usr/bin/chromium';
export const STUDIO_DIST = path.join(ROOT, 'packages/studio/dist');

export const CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic',
];

export interface StudioSession {
    readonly url: string;
    readonly browser: Browser;
    close(): Promise<void>;
}

export async function startStudio(): Promise<StudioSession> {
    if (!existsSync(path.join(STUDIO_DIST, 'index.html'))) {
        execFileSync(process.execPath, [path.join(ROOT, 'packages/studio/esbuild.mjs')], { stdio: 'ignore' });
    }
    const server: Server = await serveStudio(STUDIO_DIST, 0);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        browser,
        close: async () => {
            await browser.close();
            await new Promise(resolve => server.close(resolve));
        },
    };
}

/** Replaces the first occurrence of `search` in the editor by `text`, as a user would: Ctrl+F, Enter, Escape, type. */
export async function replaceInEditor(page: Page, search: string, text: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+f');
    const field = page.locator('.cm-search input[name=search]');
    await field.fill('');
    await field.pressSequentially(search);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.type(text);
}
