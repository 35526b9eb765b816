/**
 * The editor pane. Loads the Monaco module lazily (a dynamic import, never reached in the embed
 * view) and keeps it in step with the playground's state.
 */
import { useEffect, useRef, useState } from "react";
import type { Diagnostic } from "../../sim/index.ts";
import type { YamlEditor as YamlEditorApi } from "./monaco.ts";

export interface YamlEditorProps {
  /**
   * The text the editor opens with (read when Monaco has loaded). Later changes from outside the
   * editor go through the editor's `setValue`, so typing never races with a re-render.
   */
  value: string;
  onChange: (text: string) => void;
  diagnostics: Diagnostic[];
  /** Receives the editor once it is ready (for revealing a diagnostic's position). */
  onReady?: (editor: YamlEditorApi | null) => void;
}

export function YamlEditor({ value, onChange, diagnostics, onReady }: YamlEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<YamlEditorApi | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [languageMarkers, setLanguageMarkers] = useState(0);
  // The latest props, for callbacks created once.
  const latest = useRef({ value, onChange, onReady });
  latest.current = { value, onChange, onReady };

  useEffect(() => {
    let disposed = false;
    let instance: YamlEditorApi | null = null;
    import("./monaco.ts").then(
      ({ createYamlEditor }) => {
        if (disposed || !hostRef.current) return;
        instance = createYamlEditor(hostRef.current, {
          value: latest.current.value,
          onChange: (text) => latest.current.onChange(text),
          onLanguageMarkers: setLanguageMarkers,
        });
        setEditor(instance);
        latest.current.onReady?.(instance);
      },
      (e: unknown) => {
        if (!disposed) setLoadError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      disposed = true;
      latest.current.onReady?.(null);
      instance?.dispose();
      setEditor(null);
    };
  }, []);

  useEffect(() => {
    editor?.setDiagnostics(diagnostics);
  }, [editor, diagnostics]);

  return (
    <div
      className="editor"
      data-testid="editor"
      data-ready={editor ? "true" : "false"}
      data-language-markers={languageMarkers}
    >
      <div className="editor-host" ref={hostRef} />
      {!editor && (
        <div className="editor-loading">
          {loadError ? `The editor failed to load: ${loadError}` : "Loading editor…"}
        </div>
      )}
    </div>
  );
}
