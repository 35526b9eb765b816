/**
 * The YAML editor: Monaco with YAML highlighting and the YAML language service (monaco-yaml).
 * Heavy (about 1 MB gzipped with its workers), so the UI loads this module only through a dynamic
 * import, and never in the embed view. One factory, `createYamlEditor`, with a small surface.
 */
// Editor features, registered one by one (Monaco's slim entry points): only what a YAML editor uses.
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
// Ctrl+M: Tab moves the focus instead of indenting (keyboard users can leave the editor).
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// The suggest widget itself (the `suggest` feature registers only inline suggestions).
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
// YAML syntax highlighting (Monarch).
import "monaco-editor/languages/definitions/yaml/register";
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import { configureMonacoYaml } from "monaco-yaml";
import type { Diagnostic } from "../../sim/index.ts";
import { isDarkTheme, onThemeChange } from "../theme.ts";
import { editorSchemas } from "./schemas.ts";
import YamlWorker from "./yaml.worker.ts?worker";

/** What the playground can do with the editor. */
export interface YamlEditor {
  getValue(): string;
  /** Replaces the whole text as one undoable edit. */
  setValue(text: string): void;
  /** Shows the simulator's diagnostics as markers in the text. */
  setDiagnostics(diagnostics: Diagnostic[]): void;
  /** Moves the cursor to a position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  dispose(): void;
}

/** Options of `createYamlEditor`. */
export interface YamlEditorOptions {
  value: string;
  onChange: (text: string) => void;
  /**
   * Called with the number of markers from the YAML language service (not the simulator's) each
   * time they change: a sign that the language service is working.
   */
  onLanguageMarkers?: (count: number) => void;
}

/** The marker owner of the simulator's diagnostics. */
const MARKER_OWNER = "podlife";
const MODEL_URI = "file:///scenario.yaml";

interface LegacyWebWorkerOptions {
  moduleId: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

function getWorker(_moduleId: string, label: string): Worker {
  return label === "yaml" ? new YamlWorker({ name: "yaml" }) : new EditorWorker({ name: "editor" });
}

/**
 * `monaco.editor.createWebWorker` as monaco-yaml 5.5 expects it. Since Monaco 0.53 the function
 * needs a `worker` and no longer sends `createData`; monaco-yaml still passes
 * `moduleId/label/createData` (monaco-yaml issue 272). Create the worker ourselves and post what
 * the worker's bootstrap waits for first — a wake-up message, then `createData` — exactly as
 * Monaco's own language workers do (`internal/common/workers.js`).
 */
function createWebWorkerCompat(
  opts: LegacyWebWorkerOptions | Parameters<typeof monaco.editor.createWebWorker>[0],
) {
  if ("worker" in opts && opts.worker) return monaco.editor.createWebWorker(opts);
  const legacy = opts as LegacyWebWorkerOptions;
  const worker = Promise.resolve(getWorker(legacy.moduleId, legacy.label ?? "yaml")).then((w) => {
    w.postMessage("ignore");
    w.postMessage(legacy.createData);
    return w;
  });
  const modern: Parameters<typeof monaco.editor.createWebWorker>[0] = { worker };
  if (legacy.host) modern.host = legacy.host;
  if (legacy.keepIdleModels !== undefined) modern.keepIdleModels = legacy.keepIdleModels;
  return monaco.editor.createWebWorker(modern);
}

let configured = false;

/** Sets Monaco's worker factory and the YAML language service up, once per page. */
function configureOnce(): void {
  if (configured) return;
  configured = true;
  self.MonacoEnvironment = { getWorker };
  defineThemesOnce();
  const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createWebWorkerCompat } };
  configureMonacoYaml(monacoForYaml as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas: editorSchemas("*"),
  });
}

/**
 * Monaco's own themes, with line numbers that keep a 4.5:1 contrast: the default "dimmed" colour
 * of the last line's number (`renderFinalNewline: "dimmed"`) is 1.75:1, which axe reports.
 */
function defineThemesOnce(): void {
  monaco.editor.defineTheme("podlife-light", {
    base: "vs",
    inherit: true,
    rules: [],
    colors: { "editorLineNumber.foreground": "#237893", "editorLineNumber.dimmedForeground": "#237893" },
  });
  monaco.editor.defineTheme("podlife-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [],
    colors: { "editorLineNumber.foreground": "#939393", "editorLineNumber.dimmedForeground": "#939393" },
  });
}

function themeFor(dark: boolean): string {
  return dark ? "podlife-dark" : "podlife-light";
}

/** Creates the YAML editor inside `container`. */
export function createYamlEditor(container: HTMLElement, options: YamlEditorOptions): YamlEditor {
  configureOnce();
  const uri = monaco.Uri.parse(MODEL_URI);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(options.value, "yaml", uri);
  const editor = monaco.editor.create(container, {
    model,
    theme: themeFor(isDarkTheme()),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
    insertSpaces: true,
    detectIndentation: false,
    // Words from the text make noisy YAML completions; the language service knows better.
    wordBasedSuggestions: "off",
    quickSuggestions: { other: true, comments: false, strings: true },
    renderLineHighlight: "line",
    fixedOverflowWidgets: true,
    // Tab indents inside the editor; Ctrl+M (Monaco's tab focus mode) lets Tab leave it.
    ariaLabel: "Scenario YAML. Press Control+M to let Tab move the focus out of the editor.",
  });
  // Follow the page's theme (the user's choice, or the system's).
  const stopFollowingTheme = onThemeChange((dark) => monaco.editor.setTheme(themeFor(dark)));

  const subscriptions = [
    model.onDidChangeContent(() => options.onChange(model.getValue())),
    monaco.editor.onDidChangeMarkers((uris) => {
      if (!options.onLanguageMarkers || !uris.some((u) => u.toString() === uri.toString())) return;
      const markers = monaco.editor
        .getModelMarkers({ resource: uri })
        .filter((m) => m.owner !== MARKER_OWNER);
      options.onLanguageMarkers(markers.length);
    }),
  ];

  return {
    getValue: () => model.getValue(),
    setValue(text) {
      if (text === model.getValue()) return;
      editor.pushUndoStop();
      editor.executeEdits("podlife", [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    setDiagnostics(diagnostics) {
      const markers = diagnostics
        .filter((d) => d.line !== undefined && d.line <= model.getLineCount())
        .map((d) => {
          const line = d.line!;
          const column = Math.min(d.column ?? 1, model.getLineMaxColumn(line));
          const marker: monaco.editor.IMarkerData = {
            severity:
              d.severity === "error"
                ? monaco.MarkerSeverity.Error
                : d.severity === "warning"
                  ? monaco.MarkerSeverity.Warning
                  : monaco.MarkerSeverity.Info,
            message: d.hint ? `${d.message}\n${d.hint}` : d.message,
            source: "podlife",
            code: d.code,
            startLineNumber: line,
            startColumn: column,
            endLineNumber: line,
            endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
          };
          return marker;
        });
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    },
    reveal(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
      editor.focus();
    },
    dispose() {
      stopFollowingTheme();
      for (const s of subscriptions) s.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
