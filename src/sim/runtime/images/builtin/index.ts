/** Every built-in image family, in catalog order. */
import type { ImageFamily } from "../types.ts";
import { alpine, busybox, debian, ubuntu } from "./base.ts";
import { nginx } from "./nginx.ts";

/** The built-in images (see docs/images.md). */
export const BUILTIN_FAMILIES: readonly ImageFamily[] = [busybox, alpine, debian, ubuntu, nginx];
