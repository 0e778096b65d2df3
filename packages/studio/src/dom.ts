/** Small DOM helpers: elements built with text content only (user strings never go through innerHTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === undefined) continue;
        if (key === 'text') node.textContent = value;
        else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
    const node = document.getElementById(id);
    if (!node) throw new Error(`#${id} is missing from index.html`);
    return node as T;
}

/** Announces a short status to screen readers and shows it in the status bar. */
export function announce(text: string): void {
    byId('status').textContent = text;
}
