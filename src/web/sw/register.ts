/**
 * Registers the service worker (dist/web/sw.js) in a production build served by the
 * Luoshi server; the dev server has none. A failure only means no offline shell: the
 * saved calls (IndexedDB) are sent by the pages either way.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Plain HTTP on a non-local address, or blocked by policy: the app works without it.
    });
  };
  // After the page's own downloads, so the worker's copying does not slow the first view.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
