/**
 * A Vite plugin that reports, after a production build, the gzip size of the JavaScript each view
 * downloads: the entry and what it imports statically, plus the view's own chunk (`Playground.tsx`
 * or `EmbedView.tsx`, imported by `main.tsx` for the mode) with its static imports; the lazily
 * loaded editor; the workers and the chunks they load on demand (the kubectl emulator). Writes it
 * to `dist/bundle-report.json`, and fails the build when Monaco code reaches a view's start-up
 * chunks or the playground's start-up JavaScript exceeds its budget.
 */
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Sizes in bytes. */
export interface BundleReport {
  /** Start-up JavaScript of the playground's main thread (without the lazily loaded editor), gzip. */
  mainThreadJsGzip: number;
  mainThreadJsFiles: string[];
  /** Lazily loaded JavaScript (the editor), gzip. */
  lazyJsGzip: number;
  /** Worker scripts (simulator, Monaco's and the YAML language service's), gzip, by file. */
  workersGzip: Record<string, number>;
  /** Chunks a worker imports on demand (the simulator's kubectl emulator), gzip, by file. */
  workerChunksGzip: Record<string, number>;
  /** Start-up CSS, gzip. */
  mainCssGzip: number;
  /**
   * What the embed view downloads for a scenario that runs no commands: its page JavaScript (the
   * editor and the playground's chunk are never loaded) and the simulator worker, gzip.
   */
  embed: {
    mainThreadJsGzip: number;
    mainThreadJsFiles: string[];
    simWorkerJsGzip: number;
    totalJsGzip: number;
    /** Loaded besides when the scenario's timeline runs kubectl commands. */
    onDemandJsGzip: number;
  };
}

const MONACO_MODULE = /[\\/]node_modules[\\/](monaco-editor|monaco-yaml|monaco-[\w-]+)[\\/]/;

/** The module of each view's chunk, which `main.tsx` imports dynamically. */
const VIEW_MODULES = {
  playground: /[\\/]src[\\/]ui[\\/]Playground\.tsx$/,
  embed: /[\\/]src[\\/]ui[\\/]EmbedView\.tsx$/,
};

export function bundleReport(options: { budgetGzipKb: number }): Plugin {
  return {
    name: "podlife-bundle-report",
    apply: "build",
    generateBundle(_out, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === "chunk");
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      /** `from` and every chunk it imports statically, transitively. */
      const closure = (from: string[]): Set<string> => {
        const seen = new Set<string>();
        const visit = (fileName: string) => {
          if (seen.has(fileName)) return;
          const c = byName.get(fileName);
          if (!c) return;
          seen.add(fileName);
          c.imports.forEach(visit);
        };
        from.forEach(visit);
        return seen;
      };
      const entries = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
      const viewChunk = (module: RegExp) => {
        const c = chunks.find((c) => c.facadeModuleId && module.test(c.facadeModuleId));
        if (!c) this.error(`no chunk of its own for the view ${module}: main.tsx must import it dynamically`);
        return c.fileName;
      };
      const playground = closure([...entries, viewChunk(VIEW_MODULES.playground)]);
      const embedPage = closure([...entries, viewChunk(VIEW_MODULES.embed)]);

      const gz = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;
      const report: BundleReport = {
        mainThreadJsGzip: 0,
        mainThreadJsFiles: [...playground].sort(),
        lazyJsGzip: 0,
        workersGzip: {},
        workerChunksGzip: {},
        mainCssGzip: 0,
        embed: {
          mainThreadJsGzip: 0,
          mainThreadJsFiles: [...embedPage].sort(),
          simWorkerJsGzip: 0,
          totalJsGzip: 0,
          onDemandJsGzip: 0,
        },
      };
      const initialCss = new Set<string>();
      for (const c of chunks) {
        const size = gz(c.code);
        if (embedPage.has(c.fileName)) report.embed.mainThreadJsGzip += size;
        if (playground.has(c.fileName) || embedPage.has(c.fileName)) {
          if (playground.has(c.fileName)) report.mainThreadJsGzip += size;
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
      // The workers' own builds reach this one as assets: entries are named `*.worker-*`, the
      // chunks they import on demand are not.
      for (const f of Object.values(bundle)) {
        if (f.type !== "asset") continue;
        if (/\.js$/.test(f.fileName)) {
          if (/\.worker-/.test(f.fileName)) report.workersGzip[f.fileName] = gz(f.source);
          else report.workerChunksGzip[f.fileName] = gz(f.source);
        }
        if (initialCss.has(f.fileName)) report.mainCssGzip += gz(f.source);
      }
      const simWorker = Object.entries(report.workersGzip).find(([f]) => /sim\.worker/.test(f))?.[1] ?? 0;
      report.embed.simWorkerJsGzip = simWorker;
      report.embed.totalJsGzip = report.embed.mainThreadJsGzip + simWorker;
      report.embed.onDemandJsGzip = Object.values(report.workerChunksGzip).reduce((a, b) => a + b, 0);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const lines = [
        "",
        `Playground JS at start-up, without Monaco: ${kb(report.mainThreadJsGzip)} gzip (${report.mainThreadJsFiles.length} files)`,
        `Start-up CSS: ${kb(report.mainCssGzip)} gzip`,
        `Lazy editor JS (Monaco + monaco-yaml): ${kb(report.lazyJsGzip)} gzip`,
        ...Object.entries(report.workersGzip).map(([f, n]) => `Worker ${f}: ${kb(n)} gzip`),
        ...Object.entries(report.workerChunksGzip).map(
          ([f, n]) => `Worker chunk loaded on demand ${f}: ${kb(n)} gzip`,
        ),
        `Embed view JS: ${kb(report.embed.totalJsGzip)} gzip (${kb(report.embed.mainThreadJsGzip)} page + ${kb(simWorker)} simulator worker; ` +
          `${kb(report.embed.onDemandJsGzip)} more when a scenario runs kubectl commands)`,
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
          `The playground's start-up JS is ${kb(report.mainThreadJsGzip)} gzip, over the ${options.budgetGzipKb} kB budget.`,
        );
      }
    },
  };
}
