/**
 * Downloads the swimlanes on screen as SVG or PNG: a run's (the SVG `podlife render` writes,
 * `standaloneSvg`) or, in compare mode, both variants on one time axis. The PNG is that SVG drawn
 * onto a canvas at twice its size. Loaded on demand, so the embed view never downloads it.
 */
import type { Timeline } from "../sim/index.ts";
import type { CompareVariant } from "../viz/compare.ts";
import { standaloneCompareSvg, standaloneSvg } from "../viz/standalone-svg.ts";

/** What is drawn: one run, or compare mode's variants. */
export type Drawing = { timeline: Timeline; variants?: readonly CompareVariant[] | undefined };

/** The standalone SVG text of a drawing. */
export function drawingSvg(d: Drawing): string {
  return d.variants ? standaloneCompareSvg(d.variants) : standaloneSvg(d.timeline);
}

/** Background behind a PNG: the SVG's own, which follows the system's light or dark preference. */
const PNG_BACKGROUND = { light: "#ffffff", dark: "#0f1216" };

/** Offers `blob` as a download named `fileName`. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the drawing as `<stem>.svg`. */
export function downloadSvg(d: Drawing, stem: string): void {
  download(new Blob([drawingSvg(d)], { type: "image/svg+xml" }), `${stem}.svg`);
}

/** Draws the drawing into a PNG at `scale` times the SVG's size. */
export async function renderPng(d: Drawing, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([drawingSvg(d)], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(img.naturalWidth * scale);
    canvas.height = Math.ceil(img.naturalHeight * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    ctx.fillStyle = PNG_BACKGROUND[dark ? "dark" : "light"];
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the drawing as `<stem>.png`. */
export async function downloadPng(d: Drawing, stem: string): Promise<void> {
  download(await renderPng(d), `${stem}.png`);
}
