/**
 * Sharing from the playground: "Copy link" in the top bar, and a dialog with the link, the embed
 * code and a Markdown snippet (each with its copy button, and shown as text to copy by hand when
 * the clipboard is refused), plus SVG and PNG export of the swimlanes.
 */
import { useRef, useState } from "react";
import {
  embedHeightPx,
  embedLink,
  embedSnippet,
  fileStem,
  markdownSnippet,
  pageBase,
  playgroundLink,
} from "../share/links.ts";
import type { ViewParams } from "../share/view-params.ts";
import type { Timeline } from "../sim/index.ts";
import type { CompareVariant } from "../viz/compare.ts";
import { copyText } from "./clipboard.ts";
import { useMessages } from "./i18n/i18n.tsx";
import "./share.css";

export interface ShareMenuProps {
  /** The scenario as a link's hash (`encodeScenarioHash`). */
  scenarioHash: string;
  view: ViewParams;
  timeline: Timeline | undefined;
  /** Compare mode: the variants drawn, which the exports and the embed's height then cover. */
  variants?: CompareVariant[] | undefined;
}

/** What the last copy button did: which one, and whether the clipboard took it. */
type CopyState = { what: string; ok: boolean } | undefined;

export function ShareMenu({ scenarioHash, view, timeline, variants }: ShareMenuProps) {
  const m = useMessages();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<CopyState>(undefined);
  const base = pageBase(window.location.href);
  const link = playgroundLink(base, scenarioHash, view);
  const pods = timeline?.pods ?? [];
  const drawn = variants ? variants.flatMap((v) => v.timeline.pods) : pods;
  const lanes = drawn.reduce((n, p) => n + p.containers.length, 0);
  const heightPx = embedHeightPx(drawn.length, lanes);
  const { playheadMs: _unused, selectedId: _alsoUnused, ...embedView } = view;
  const embedCode = embedSnippet(embedLink(base, scenarioHash, embedView, { autoplay: true, heightPx }), {
    title: `Podlife: ${pods[0]?.name ?? "scenario"}`,
    heightPx,
  });
  const stem = fileStem(pods[0]?.name);
  const markdown = markdownSnippet({
    title: `Podlife: ${pods[0]?.name ?? "scenario"}`,
    imageFile: `${stem}.svg`,
    link,
  });

  const copy = async (what: string, value: string) => {
    setCopied({ what, ok: await copyText(value) });
  };
  const note = (what: string) =>
    copied?.what === what ? (
      <span className="copy-note" role="status" data-testid={`copied-${what}`}>
        {copied.ok ? m.copied : m.copyFailed}
      </span>
    ) : null;

  const exportAs = async (format: "svg" | "png") => {
    if (!timeline) return;
    const { downloadPng, downloadSvg } = await import("./export-image.ts");
    const drawing = { timeline, variants };
    if (format === "svg") downloadSvg(drawing, stem);
    else await downloadPng(drawing, stem);
  };

  return (
    <>
      <button type="button" onClick={() => copy("link", link)} data-testid="copy-link">
        {m.copyLink}
      </button>
      {note("link")}
      <button
        type="button"
        onClick={() => {
          setCopied(undefined);
          dialogRef.current?.showModal();
        }}
        data-testid="share-open"
      >
        {m.share}
      </button>
      <dialog
        ref={dialogRef}
        className="share-dialog"
        data-testid="share-dialog"
        aria-labelledby="share-title"
      >
        <header>
          <h2 id="share-title">{m.share}</h2>
          <button type="button" onClick={() => dialogRef.current?.close()} aria-label={m.close}>
            ✕
          </button>
        </header>
        <Snippet id="link" label={m.linkLabel} value={link} rows={2} />
        <p className="share-actions">
          <button type="button" onClick={() => copy("dialog-link", link)} data-testid="copy-link-dialog">
            {m.copyLink}
          </button>
          {note("dialog-link")}
        </p>
        <Snippet id="embed" label={m.embedLabel} value={embedCode} rows={3} />
        <p className="share-actions">
          <button type="button" onClick={() => copy("embed", embedCode)} data-testid="copy-embed">
            {m.copyEmbed}
          </button>
          {note("embed")}
        </p>
        <Snippet id="markdown" label={m.markdownLabel} value={markdown} rows={2} />
        <p className="share-actions">
          <button type="button" onClick={() => copy("markdown", markdown)} data-testid="copy-markdown">
            {m.copyMarkdown}
          </button>
          {note("markdown")}
          <button type="button" onClick={() => exportAs("svg")} disabled={!timeline} data-testid="export-svg">
            {m.exportSvg}
          </button>
          <button type="button" onClick={() => exportAs("png")} disabled={!timeline} data-testid="export-png">
            {m.exportPng}
          </button>
        </p>
      </dialog>
    </>
  );
}

/** A read-only text to copy (selected on focus, so copying by hand is one keystroke). */
function Snippet({ id, label, value, rows }: { id: string; label: string; value: string; rows: number }) {
  return (
    <label className="snippet">
      <span>{label}</span>
      <textarea
        readOnly
        rows={rows}
        value={value}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        data-testid={`share-${id}-text`}
      />
    </label>
  );
}
