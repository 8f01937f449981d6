/**
 * Gives the page's CSP nonce to <style> elements that scripts create without one. Ant Design passes its nonce
 * (ConfigProvider `csp`), but some of its helpers do not: the scroll lock behind every Modal and Drawer and the
 * scrollbar measurement of Table insert a <style> with no nonce, which a nonce-based style-src blocks (seen in
 * Chromium: "Applying inline style violates … style-src-elem"), and a modal then leaves the page scrollable.
 * Only elements inserted by our own, already-trusted scripts pass through here; <style> markup injected into the
 * HTML is still refused, which 'unsafe-inline' would not do.
 */
let installed = false;

export function installStyleNonceShim() {
  if (installed || typeof window === "undefined") return;
  installed = true;
  const pageNonce = () => (document.querySelector("script[nonce]") as HTMLScriptElement | null)?.nonce || undefined;
  const withNonce = (node: Node) => {
    if (node instanceof HTMLStyleElement && !node.nonce) {
      const nonce = pageNonce();
      if (nonce) node.nonce = nonce;
    }
  };
  const append = Node.prototype.appendChild;
  const insertBefore = Node.prototype.insertBefore;
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    withNonce(node);
    return append.call(this, node) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    withNonce(node);
    return insertBefore.call(this, node, child) as T;
  };
}
