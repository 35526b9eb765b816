import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { bundleReport } from "./scripts/bundle-report.ts";
import { contentSecurityPolicy } from "./scripts/csp.ts";
import { e2ePages } from "./scripts/e2e-pages.ts";

/** The fixed port of `vite preview`, which the browser tests run against. */
export const PREVIEW_PORT = 4319;

const monacoEsmVs = fileURLToPath(new URL("./node_modules/monaco-editor/esm/vs/", import.meta.url));

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), bundleReport({ budgetGzipKb: 250 }), e2ePages()],
  // Relative asset URLs: the build works from any static host and base path.
  base: "./",
  resolve: {
    alias: [
      // monaco-yaml's worker imports `monaco-editor/esm/vs/editor/editor.worker.js`, which Monaco
      // 0.57's `exports` map does not allow; point the deep path at the package folder.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsmVs}$1` },
    ],
  },
  worker: {
    // Monaco's and our workers are ES modules.
    format: "es",
  },
  optimizeDeps: {
    // Pre-bundle the heavy dependencies up front, or a cold dev server reloads the page twice.
    include: [
      "react",
      "react-dom/client",
      "d3",
      "yaml",
      "fflate",
      "monaco-editor/editor",
      "monaco-editor/editor/editor.worker",
      "monaco-yaml",
      "monaco-yaml/yaml.worker.js",
    ],
  },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // Timing warnings name plugins, not problems: they only vary with the machine's load.
      checks: { bundlerTimings: false },
      output: {
        // Name every chunk holding Monaco code `monaco-…`, so it is easy to spot (and to prove
        // that the embed view never requests one).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]monaco-/.test(id))
            ? "assets/monaco-[name]-[hash].js"
            : "assets/[name]-[hash].js",
      },
    },
  },
  preview: {
    // A sandboxed iframe (no allow-same-origin) has an opaque origin: its module scripts and
    // worker are CORS requests, answered here as a static host should (see README).
    cors: true,
    port: PREVIEW_PORT,
    strictPort: true,
    host: "127.0.0.1",
  },
  server: {
    host: "127.0.0.1",
  },
});
