/**
 * Starts a worker running a module script, also in a sandboxed iframe without
 * `allow-same-origin`. There the page's origin is opaque: every script URL counts as
 * cross-origin, so `new Worker(url)` throws a SecurityError, and Chromium will not start a module
 * worker from a `blob:` URL either. What works is a classic worker from a `blob:` URL whose small
 * script imports the real one with `import()` and holds the messages that arrive meanwhile. That
 * import is a CORS request: the host must answer it with `Access-Control-Allow-Origin`, as it
 * must for the page's own module scripts in such an iframe.
 */

/** The classic script that loads the module at `href` and replays messages sent before it ran. */
export function bootstrapSource(href: string): string {
  return `const held = [];
const hold = (e) => held.push(e.data);
self.addEventListener("message", hold);
import(${JSON.stringify(href)}).then(
  () => {
    self.removeEventListener("message", hold);
    for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
  },
  (e) => setTimeout(() => { throw e; }),
);
`;
}

/** A worker running the module script at `url` (resolved against the page's address). */
export function startWorker(url: string, name: string): Worker {
  const href = new URL(url, window.location.href).href;
  try {
    return new Worker(href, { type: "module", name });
  } catch (e) {
    if (!(e instanceof DOMException) || e.name !== "SecurityError") throw e;
    const blob = new Blob([bootstrapSource(href)], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob), { name });
  }
}
