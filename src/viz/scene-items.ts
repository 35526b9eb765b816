/**
 * How the scene marks things a user can point at: interactive drawings (the browser) tag them
 * with `pl-item`, `data-item` and the selection; static ones (`podlife render`, exported SVG) give
 * them a `<title>` tooltip instead.
 */
import type { SceneOptions, SvgNode } from "./scene.ts";

/** Class and attributes of a hoverable, selectable item. */
export type ItemAttrs = (
  cls: string,
  id: string,
  extra: Record<string, string | number>,
) => Record<string, string | number>;

/** The item attributes and tooltip children for the scene's mode. */
export function itemHelpers(opts: SceneOptions): { item: ItemAttrs; title: (text: string) => SvgNode[] } {
  const interactive = opts.interactive === true;
  const item: ItemAttrs = (cls, id, extra) =>
    interactive
      ? {
          class: id === opts.selectedId ? `${cls} pl-item pl-selected` : `${cls} pl-item`,
          "data-item": id,
          ...extra,
        }
      : { class: cls, ...extra };
  const title = (text: string): SvgNode[] =>
    interactive ? [] : [{ tag: "title", key: "t", attrs: {}, text }];
  return { item, title };
}
