/**
 * The links and snippets the playground hands out: a playground link with the scenario and view,
 * an embed link, the iframe code for a blog post, and a Markdown image linked to the scenario.
 * All are built from the page's own address, so they work from any static host and base path.
 */
import { type EmbedParams, writeEmbedParams } from "./embed-params.ts";
import { type ViewParams, writeViewParams } from "./view-params.ts";

/** The page's address without query and hash (`https://host/base/`). */
export function pageBase(href: string): string {
  return href.replace(/[?#].*$/s, "");
}

/**
 * A playground link that opens the scenario in `scenarioHash` (from `encodeScenarioHash`, made
 * once per text: the playhead changes every frame while playing, the text does not) with the
 * view settings `view`.
 */
export function playgroundLink(base: string, scenarioHash: string, view: ViewParams): string {
  return `${base}${writeViewParams("", view)}${scenarioHash}`;
}

/** An embed-view link for the scenario in `scenarioHash`. */
export function embedLink(
  base: string,
  scenarioHash: string,
  view: ViewParams,
  embed: Omit<EmbedParams, "embed">,
): string {
  return `${base}${writeEmbedParams(writeViewParams("", view), { ...embed, embed: true })}${scenarioHash}`;
}

/** Escapes text for an HTML attribute value in double quotes (names come from the scenario). */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The iframe code a blog post pastes to embed a scenario. */
export function embedSnippet(src: string, opts: { title: string; heightPx: number }): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(opts.title)}" ` +
    `width="100%" height="${Math.round(opts.heightPx)}" style="border:0;max-width:1000px" loading="lazy"></iframe>`
  );
}

/** A Markdown image (the exported SVG) that links to the scenario, for sites without iframes. */
export function markdownSnippet(opts: { title: string; imageFile: string; link: string }): string {
  const alt = opts.title.replace(/[[\]\\]/g, (c) => `\\${c}`);
  const encode = (u: string) => u.replace(/[()\s]/g, (c) => encodeURIComponent(c));
  return `[![${alt}](${encode(opts.imageFile)})](${encode(opts.link)})`;
}

/** A height for an embed that shows `containerLanes` lanes of `pods` pods without much scrolling. */
export function embedHeightPx(pods: number, containerLanes: number): number {
  return Math.min(720, Math.max(360, 220 + pods * 56 + containerLanes * 44));
}

/** A file name stem from a scenario's first pod (`podlife-web`), safe on every file system. */
export function fileStem(name: string | undefined): string {
  const safe = (name ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return safe ? `podlife-${safe}` : "podlife";
}
