/** Every built-in image family, in catalog order. */
import type { ImageFamily } from "../types.ts";
import { alpine, busybox, debian, ubuntu } from "./base.ts";
import { agnhost, etcd, goproxy, liveness, pause } from "./k8s.ts";
import { nginx } from "./nginx.ts";
import { httpd, postgres, redis } from "./servers.ts";

/** The built-in images (see docs/images.md). */
export const BUILTIN_FAMILIES: readonly ImageFamily[] = [
  busybox,
  alpine,
  debian,
  ubuntu,
  nginx,
  httpd,
  redis,
  postgres,
  agnhost,
  liveness,
  goproxy,
  etcd,
  pause,
];
