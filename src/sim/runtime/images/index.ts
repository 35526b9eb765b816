/**
 * The image catalog API and the registration of every program images run: the tools (busybox,
 * Debian), the built-in servers, and the Scenario's application images.
 */
import type { Kernel } from "../kernel.ts";
import { serverPrograms } from "../programs/index.ts";
import { toolPrograms } from "../tools/index.ts";
import type { ImageCatalog } from "./catalog.ts";

export { ImageCatalog, type ImageLookupResult, pullMsForSize } from "./catalog.ts";
export { type ImageReference, type ParseImageResult, parseImageRef } from "./reference.ts";
export type { ImageConfig, ImageInfo } from "./types.ts";

/** Registers tool and server programs, plus `catalog`'s application-image programs when given. */
export function registerRuntimePrograms(kernel: Kernel, catalog?: ImageCatalog): void {
  kernel.register(toolPrograms);
  kernel.register(serverPrograms);
  if (catalog) kernel.register(catalog.programs());
}
