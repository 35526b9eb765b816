/**
 * The YAML language service worker. Imported from our own file (not `monaco-yaml/yaml.worker.js`
 * with `?worker` directly) so that Vite's dev server pre-bundles it and its CommonJS dependencies,
 * as monaco-yaml's README advises for Vite.
 */
import "monaco-yaml/yaml.worker.js";
