/**
 * The simulated server programs that image executables name (`/usr/sbin/nginx` → `nginx/nginx`),
 * for `kernel.register(serverPrograms)`.
 */
import type { Program } from "../kernel.ts";
import { NGINX_ENTRYPOINT_PROGRAM, nginxEntrypoint } from "./nginx/entrypoint.ts";
import {
  master,
  NGINX_MASTER_PROGRAM,
  NGINX_PROGRAM,
  NGINX_WORKER_PROGRAM,
  nginx,
  worker,
} from "./nginx/nginx.ts";

/** Every server program by id. */
export const serverPrograms: Record<string, Program> = {
  [NGINX_PROGRAM]: nginx,
  [NGINX_MASTER_PROGRAM]: master,
  [NGINX_WORKER_PROGRAM]: worker,
  [NGINX_ENTRYPOINT_PROGRAM]: nginxEntrypoint,
};
