/**
 * `nginx` (Docker Official Image): Debian bookworm by default, Alpine for `-alpine` tags.
 * ENTRYPOINT `/docker-entrypoint.sh`, CMD `nginx -g 'daemon off;'`, STOPSIGNAL SIGQUIT, EXPOSE 80.
 */
import { NGINX_ENTRYPOINT_PROGRAM } from "../../programs/nginx/entrypoint.ts";
import {
  DEFAULT_CONF,
  ENTRYPOINT_SCRIPTS,
  ERROR_PAGE_50X,
  MIME_TYPES,
  NGINX_CONF_TEXT,
  WELCOME_PAGE,
} from "../../programs/nginx/files.ts";
import { NGINX_PROGRAM } from "../../programs/nginx/nginx.ts";
import { installBusybox } from "../../tools/index.ts";
import type { FsDir } from "../../vfs.ts";
import { ensureDir, putFile, putProgram, putRunDirs, putSymlink } from "../rootfs.ts";
import { BASE_CONFIG, type ImageFamily } from "../types.ts";
import { populateDebian } from "./base.ts";

const LATEST_PATCH: Record<string, string> = {
  "1.19": "1.19.10",
  "1.20": "1.20.2",
  "1.21": "1.21.6",
  "1.22": "1.22.1",
  "1.23": "1.23.4",
  "1.24": "1.24.0",
  "1.25": "1.25.5",
  "1.26": "1.26.3",
  "1.27": "1.27.5",
  "1.28": "1.28.0",
  "1.29": "1.29.1",
};
const MAINLINE = "1.29.1";
const STABLE = "1.28.0";

/** The nginx version a tag carries (`1.27` → `1.27.5`, `stable` → `1.28.0`). */
export function nginxVersion(tag: string): string {
  const base = tag.split("-")[0]!;
  if (/^\d+\.\d+\.\d+$/.test(base)) return base;
  if (base === "stable") return STABLE;
  return LATEST_PATCH[base] ?? (/^1\.\d+$/.test(base) ? `${base}.0` : MAINLINE);
}

const VARIANTS =
  "alpine|alpine-slim|alpine-perl|alpine-otel|bookworm|bookworm-perl|bookworm-otel|perl|otel|trixie";

/** `nginx`: `latest`, `1`, `1.27`, `1.27.3`, `stable`, `mainline`, each optionally `-alpine`, `-perl`, …; or a bare variant. */
export const nginx: ImageFamily = {
  repositories: ["docker.io/library/nginx"],
  tags: new RegExp(
    `^(?:latest|(?:${VARIANTS})|(?:1(?:\\.(?:[0-9]|1[0-9]|2[0-9])(?:\\.\\d{1,2})?)?|stable|mainline)(?:-(?:${VARIANTS}))?)$`,
  ),
  variant: (tag) => {
    const alpine = tag.includes("alpine");
    const slim = tag.includes("slim");
    const version = nginxVersion(tag);
    const release = alpine ? "1" : "1~bookworm";
    return {
      sizeBytes: slim ? 5_112_876 : alpine ? 20_980_462 : tag.includes("perl") ? 79_884_326 : 72_191_813,
      config: {
        ...BASE_CONFIG,
        entrypoint: ["/docker-entrypoint.sh"],
        cmd: ["nginx", "-g", "daemon off;"],
        env: {
          PATH: BASE_CONFIG.env.PATH!,
          NGINX_VERSION: version,
          ...(slim ? {} : { NJS_VERSION: "0.9.1", NJS_RELEASE: release }),
          PKG_RELEASE: release,
          ...(slim ? {} : { DYNPKG_RELEASE: release }),
        },
        stopSignal: "SIGQUIT",
        exposedPorts: [80],
      },
      populate: (root) => {
        if (alpine) {
          installBusybox(root);
          putRunDirs(root);
        } else populateDebian(root);
        populateNginx(root);
      },
    };
  },
};

/** Lays the nginx package and the image's additions into a root tree. */
export function populateNginx(root: FsDir): void {
  putProgram(root, "/usr/sbin/nginx", NGINX_PROGRAM);
  putProgram(root, "/usr/sbin/nginx-debug", NGINX_PROGRAM);
  putProgram(root, "/docker-entrypoint.sh", NGINX_ENTRYPOINT_PROGRAM);
  for (const s of ENTRYPOINT_SCRIPTS) {
    putFile(root, `/docker-entrypoint.d/${s}`, "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n", 0o775);
  }
  putFile(root, "/etc/nginx/nginx.conf", NGINX_CONF_TEXT.slice(1));
  putFile(root, "/etc/nginx/conf.d/default.conf", DEFAULT_CONF);
  putFile(root, "/etc/nginx/mime.types", MIME_TYPES.slice(1));
  putFile(root, "/usr/share/nginx/html/index.html", WELCOME_PAGE);
  putFile(root, "/usr/share/nginx/html/50x.html", ERROR_PAGE_50X);
  ensureDir(root, "/var/cache/nginx");
  putSymlink(root, "/var/log/nginx/access.log", "/dev/stdout");
  putSymlink(root, "/var/log/nginx/error.log", "/dev/stderr");
}
