/**
 * Downloads the swimlanes of a run as SVG or PNG. The SVG is the one `podlife render` writes
 * (`standaloneSvg`); the PNG is that SVG drawn onto a canvas at twice its size. Loaded on demand,
 * so the embed view never downloads it.
 */
import type { Timeline } from "../sim/index.ts";
import { standaloneSvg } from "../viz/standalone-svg.ts";

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

/** Downloads the run's swimlanes as `<stem>.svg`. */
export function downloadSvg(timeline: Timeline, stem: string): void {
  download(new Blob([standaloneSvg(timeline)], { type: "image/svg+xml" }), `${stem}.svg`);
}

/** Draws the run's swimlanes into a PNG at `scale` times the SVG's size. */
export async function renderPng(timeline: Timeline, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([standaloneSvg(timeline)], { type: "image/svg+xml" }));
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

/** Downloads the run's swimlanes as `<stem>.png`. */
export async function downloadPng(timeline: Timeline, stem: string): Promise<void> {
  download(await renderPng(timeline), `${stem}.png`);
}
