/**
 * The simulated server programs that image executables name (`/usr/sbin/nginx` → `nginx/nginx`),
 * for `kernel.register(serverPrograms)`. Application images' programs come from the catalog.
 */
import type { Program } from "../kernel.ts";
import { AGNHOST_PROGRAM, agnhost } from "./agnhost.ts";
import { ETCD_PROGRAM, ETCDCTL_PROGRAM, etcd, etcdctl } from "./etcd.ts";
import { GOPROXY_PROGRAM, goproxy } from "./goproxy.ts";
import { HTTPD_FOREGROUND_PROGRAM, HTTPD_PROGRAM, httpd, httpdForeground } from "./httpd.ts";
import { LIVENESS_PROGRAM, livenessServer } from "./liveness.ts";
import { NGINX_ENTRYPOINT_PROGRAM, nginxEntrypoint } from "./nginx/entrypoint.ts";
import {
  master,
  NGINX_MASTER_PROGRAM,
  NGINX_PROGRAM,
  NGINX_WORKER_PROGRAM,
  nginx,
  worker,
} from "./nginx/nginx.ts";
import { PAUSE_PROGRAM, pause } from "./pause.ts";
import {
  PG_ISREADY_PROGRAM,
  POSTGRES_ENTRYPOINT_PROGRAM,
  POSTGRES_PROGRAM,
  pgIsready,
  postgres,
  postgresEntrypoint,
} from "./postgres.ts";
import {
  REDIS_CLI_PROGRAM,
  REDIS_ENTRYPOINT_PROGRAM,
  REDIS_SERVER_PROGRAM,
  redisCli,
  redisEntrypoint,
  redisServer,
} from "./redis.ts";

/** Every server program by id. */
export const serverPrograms: Record<string, Program> = {
  [NGINX_PROGRAM]: nginx,
  [NGINX_MASTER_PROGRAM]: master,
  [NGINX_WORKER_PROGRAM]: worker,
  [NGINX_ENTRYPOINT_PROGRAM]: nginxEntrypoint,
  [HTTPD_PROGRAM]: httpd,
  [HTTPD_FOREGROUND_PROGRAM]: httpdForeground,
  [REDIS_ENTRYPOINT_PROGRAM]: redisEntrypoint,
  [REDIS_SERVER_PROGRAM]: redisServer,
  [REDIS_CLI_PROGRAM]: redisCli,
  [POSTGRES_ENTRYPOINT_PROGRAM]: postgresEntrypoint,
  [POSTGRES_PROGRAM]: postgres,
  [PG_ISREADY_PROGRAM]: pgIsready,
  [AGNHOST_PROGRAM]: agnhost,
  [LIVENESS_PROGRAM]: livenessServer,
  [GOPROXY_PROGRAM]: goproxy,
  [ETCD_PROGRAM]: etcd,
  [ETCDCTL_PROGRAM]: etcdctl,
  [PAUSE_PROGRAM]: pause,
};
