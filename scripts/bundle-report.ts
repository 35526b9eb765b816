/**
 * A Vite plugin that reports, after a production build, the gzip size of the JavaScript the main
 * thread loads at start (entry chunks and what they import statically, i.e. without the lazily
 * loaded Monaco editor), of the lazy chunks and of the workers; writes it to
 * `dist/bundle-report.json`; and fails the build when Monaco code reaches the start-up chunks or
 * the start-up JavaScript exceeds its budget.
 */
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Sizes in bytes. */
export interface BundleReport {
  /** Start-up JavaScript of the main thread (playground and embed view alike), gzip. */
  mainThreadJsGzip: number;
  mainThreadJsFiles: string[];
  /** Lazily loaded JavaScript (the editor), gzip. */
  lazyJsGzip: number;
  /** Worker scripts (simulator, Monaco's and the YAML language service's), gzip, by file. */
  workersGzip: Record<string, number>;
  /** Start-up CSS, gzip. */
  mainCssGzip: number;
  /**
   * What the embed view downloads: the same start-up JavaScript as the playground (the editor is
   * never loaded) plus the simulator worker, gzip.
   */
  embed: { mainThreadJsGzip: number; simWorkerJsGzip: number; totalJsGzip: number };
}

const MONACO_MODULE = /[\\/]node_modules[\\/](monaco-editor|monaco-yaml|monaco-[\w-]+)[\\/]/;

/** Options: the start-up budget in gzip kB (the build fails above it). */
export function bundleReport(options: { budgetGzipKb: number }): Plugin {
  return {
    name: "podlife-bundle-report",
    apply: "build",
    generateBundle(_out, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === "chunk");
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        const c = byName.get(fileName);
        if (!c) return;
        initial.add(fileName);
        c.imports.forEach(visit);
      };
      for (const c of chunks) if (c.isEntry) visit(c.fileName);

      const gz = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;
      const report: BundleReport = {
        mainThreadJsGzip: 0,
        mainThreadJsFiles: [...initial].sort(),
        lazyJsGzip: 0,
        workersGzip: {},
        mainCssGzip: 0,
        embed: { mainThreadJsGzip: 0, simWorkerJsGzip: 0, totalJsGzip: 0 },
      };
      const initialCss = new Set<string>();
      for (const c of chunks) {
        const size = gz(c.code);
        if (initial.has(c.fileName)) {
          report.mainThreadJsGzip += size;
          const monaco = c.moduleIds.filter((id) => MONACO_MODULE.test(id));
          if (monaco.length) {
            this.error(
              `Monaco code reached the start-up chunk ${c.fileName} (${monaco[0]}); load it lazily.`,
            );
          }
          const css = (c as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss;
          for (const f of css ?? []) initialCss.add(f);
        } else report.lazyJsGzip += size;
      }
      for (const f of Object.values(bundle)) {
        if (f.type !== "asset") continue;
        if (/\.js$/.test(f.fileName)) report.workersGzip[f.fileName] = gz(f.source);
        if (initialCss.has(f.fileName)) report.mainCssGzip += gz(f.source);
      }
      const simWorker = Object.entries(report.workersGzip).find(([f]) => /sim\.worker/.test(f))?.[1] ?? 0;
      report.embed = {
        mainThreadJsGzip: report.mainThreadJsGzip,
        simWorkerJsGzip: simWorker,
        totalJsGzip: report.mainThreadJsGzip + simWorker,
      };
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const lines = [
        "",
        `Main-thread JS at start-up, without Monaco: ${kb(report.mainThreadJsGzip)} gzip (${report.mainThreadJsFiles.join(", ")})`,
        `Start-up CSS: ${kb(report.mainCssGzip)} gzip`,
        `Lazy editor JS (Monaco + monaco-yaml): ${kb(report.lazyJsGzip)} gzip`,
        ...Object.entries(report.workersGzip).map(([f, n]) => `Worker ${f}: ${kb(n)} gzip`),
        `Embed view JS: ${kb(report.embed.totalJsGzip)} gzip (${kb(report.embed.mainThreadJsGzip)} page + ${kb(simWorker)} simulator worker)`,
        "",
      ];
      console.log(lines.join("\n"));
      this.emitFile({
        type: "asset",
        fileName: "bundle-report.json",
        source: `${JSON.stringify(report, null, 2)}\n`,
      });
      if (report.mainThreadJsGzip > options.budgetGzipKb * 1024) {
        this.error(
          `Main-thread start-up JS is ${kb(report.mainThreadJsGzip)} gzip, over the ${options.budgetGzipKb} kB budget.`,
        );
      }
    },
  };
}
