/** Test helper: start a catalog image as a container the way the runtime would (ENTRYPOINT + CMD). */
import type { AppImageSpec } from "../../scenario/types.ts";
import { ImageCatalog } from "../images/catalog.ts";
import { parseImageRef } from "../images/reference.ts";
import type { ImageInfo } from "../images/types.ts";
import { startContainer, type TestContainer } from "./testing.ts";

/** Looks an image up in a catalog with `apps`; throws when it does not exist. */
export function testImage(
  raw: string,
  apps: AppImageSpec[] = [],
): { image: ImageInfo; catalog: ImageCatalog } {
  const ref = parseImageRef(raw);
  if (!ref.ok) throw new Error(ref.error);
  const catalog = new ImageCatalog(apps);
  const r = catalog.lookup(ref.ref);
  if (!r.ok) throw new Error(r.error);
  return { image: r.image, catalog };
}

/** Runs an image with optional `command`/`args` overrides (Kubernetes rules) and extra env. */
export function runImage(
  raw: string,
  opts: { command?: string[]; args?: string[]; env?: Record<string, string>; apps?: AppImageSpec[] } = {},
): TestContainer {
  const { image, catalog } = testImage(raw, opts.apps);
  const argv = opts.command
    ? [...opts.command, ...(opts.args ?? [])]
    : [...image.entrypoint, ...(opts.args ?? image.cmd)];
  return startContainer(image.buildRootfs(), argv, {
    env: { ...image.env, ...(opts.env ?? {}) },
    cwd: image.workingDir,
    programs: catalog.programs(),
  });
}
