/**
 * jsdom (26) has <dialog> but not showModal()/close(): a minimal stand-in for tests only, loaded
 * by vitest.config.ts for every unit test (a no-op where there is no DOM). The app never
 * polyfills: Electron's Chromium has the real thing.
 *
 * It follows the HTML spec's effect of a modal dialog on the rest of the page: everything outside
 * the topmost modal dialog is inert. jsdom and Testing Library ignore `inert`, so the stand-in
 * also sets aria-hidden there, which is what inert means for the accessibility tree; that lets a
 * test ask "can a user reach the table behind?" with getByRole. The real browser's behaviour is
 * checked by the e2e (tests/e2e/wizard-a11y.spec.ts).
 */
export {};

if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  const modals: HTMLDialogElement[] = [];
  const marked = new Set<Element>();

  const blockOutside = () => {
    for (const el of marked) {
      el.removeAttribute('inert');
      el.removeAttribute('aria-hidden');
    }
    marked.clear();
    // A dialog removed from the page while open leaves the top layer (as in the spec).
    for (let i = modals.length - 1; i >= 0; i--) if (!modals[i]!.isConnected) modals.splice(i, 1);
    const top = modals.at(-1);
    if (!top) return;
    // Every sibling of the top dialog and of each of its ancestors, up to <body>.
    for (let node: Element = top; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || sibling.hasAttribute('inert') || sibling.tagName === 'SCRIPT') continue;
        sibling.setAttribute('inert', '');
        sibling.setAttribute('aria-hidden', 'true');
        marked.add(sibling);
      }
    }
  };

  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    if (!this.isConnected) throw new DOMException('The dialog is not in a document.', 'InvalidStateError');
    this.setAttribute('open', '');
    modals.push(this);
    blockOutside();
  };
  HTMLDialogElement.prototype.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.removeAttribute('open');
    if (returnValue !== undefined) this.returnValue = returnValue;
    const at = modals.indexOf(this);
    if (at >= 0) modals.splice(at, 1);
    blockOutside();
    this.dispatchEvent(new Event('close'));
  };
}
