/**
 * Docker Official Images of common servers: httpd, redis and postgres (Debian by default, Alpine
 * for `-alpine` tags), with their real ENTRYPOINT/CMD, STOPSIGNAL, ENV and ports.
 */
import { HTTPD_CONF, HTTPD_FOREGROUND_PROGRAM, HTTPD_PROGRAM } from "../../programs/httpd.ts";
import {
  PG_ISREADY_PROGRAM,
  POSTGRES_ENTRYPOINT_PROGRAM,
  POSTGRES_PROGRAM,
} from "../../programs/postgres.ts";
import { REDIS_CLI_PROGRAM, REDIS_ENTRYPOINT_PROGRAM, REDIS_SERVER_PROGRAM } from "../../programs/redis.ts";
import { installBusybox } from "../../tools/index.ts";
import type { FsDir } from "../../vfs.ts";
import { ensureDir, putFile, putProgram, putRunDirs, putSymlink } from "../rootfs.ts";
import { BASE_CONFIG, type ImageFamily } from "../types.ts";
import { populateDebian } from "./base.ts";

const PATH = BASE_CONFIG.env.PATH!;

function populateBase(root: FsDir, tag: string): void {
  if (tag.includes("alpine")) {
    installBusybox(root);
    putRunDirs(root);
  } else populateDebian(root);
}

/** A full version for a tag from a table of latest patches per major/minor. */
function versionFor(tag: string, latest: Record<string, string>, fallback: string): string {
  const base = tag.split("-")[0]!;
  if (/^\d+\.\d+\.\d+$/.test(base)) return base;
  return latest[base] ?? fallback;
}

/** `httpd`: `2`, `2.4`, `2.4.65`, `-alpine`; CMD `httpd-foreground`, STOPSIGNAL SIGWINCH. */
export const httpd: ImageFamily = {
  repositories: ["docker.io/library/httpd"],
  tags: /^(?:latest|alpine|bookworm|trixie|2(?:\.4(?:\.\d{1,2})?)?(?:-(?:alpine|alpine3\.\d{1,2}|bookworm|trixie))?)$/,
  variant: (tag) => ({
    sizeBytes: tag.includes("alpine") ? 21_714_236 : 58_126_319,
    config: {
      ...BASE_CONFIG,
      cmd: ["httpd-foreground"],
      env: {
        PATH: `/usr/local/apache2/bin:${PATH}`,
        HTTPD_PREFIX: "/usr/local/apache2",
        HTTPD_VERSION: versionFor(tag, {}, "2.4.65"),
        HTTPD_PATCHES: "",
      },
      workingDir: "/usr/local/apache2",
      stopSignal: "SIGWINCH",
      exposedPorts: [80],
    },
    populate: (root) => {
      populateBase(root, tag);
      putProgram(root, "/usr/local/apache2/bin/httpd", HTTPD_PROGRAM);
      putProgram(root, "/usr/local/bin/httpd-foreground", HTTPD_FOREGROUND_PROGRAM);
      putFile(root, "/usr/local/apache2/conf/httpd.conf", HTTPD_CONF);
      putFile(root, "/usr/local/apache2/htdocs/index.html", "<html><body><h1>It works!</h1></body></html>\n");
      ensureDir(root, "/usr/local/apache2/logs");
    },
  }),
};

const REDIS_PATCHES: Record<string, string> = {
  "5": "5.0.14",
  "5.0": "5.0.14",
  "6": "6.2.19",
  "6.0": "6.0.20",
  "6.2": "6.2.19",
  "7": "7.4.5",
  "7.0": "7.0.15",
  "7.2": "7.2.10",
  "7.4": "7.4.5",
  "8": "8.2.1",
  "8.0": "8.0.3",
  "8.2": "8.2.1",
};

/** `redis`: `7`, `7.2`, `7.2.5`, `-alpine`; ENTRYPOINT `docker-entrypoint.sh`, CMD `redis-server`. */
export const redis: ImageFamily = {
  repositories: ["docker.io/library/redis"],
  tags: /^(?:latest|alpine|bookworm|trixie|[5-8](?:\.\d{1,2}){0,2}(?:-(?:alpine|alpine3\.\d{1,2}|bookworm|trixie))?)$/,
  variant: (tag) => ({
    sizeBytes: tag.includes("alpine") ? 17_236_508 : 45_109_327,
    config: {
      ...BASE_CONFIG,
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["redis-server"],
      env: { PATH, REDIS_VERSION: versionFor(tag, REDIS_PATCHES, "8.2.1") },
      workingDir: "/data",
      exposedPorts: [6379],
    },
    populate: (root) => {
      populateBase(root, tag);
      putProgram(root, "/usr/local/bin/docker-entrypoint.sh", REDIS_ENTRYPOINT_PROGRAM);
      putProgram(root, "/usr/local/bin/redis-server", REDIS_SERVER_PROGRAM);
      putProgram(root, "/usr/local/bin/redis-cli", REDIS_CLI_PROGRAM);
      ensureDir(root, "/data");
    },
  }),
};

const PG_PATCHES: Record<string, string> = {
  "9.6": "9.6.24",
  "10": "10.23",
  "11": "11.22",
  "12": "12.22",
  "13": "13.22",
  "14": "14.19",
  "15": "15.14",
  "16": "16.10",
  "17": "17.6",
  "18": "18.0",
};

/** `postgres`: `16`, `17.6`, `-alpine`; ENTRYPOINT `docker-entrypoint.sh`, CMD `postgres`, STOPSIGNAL SIGINT. */
export const postgres: ImageFamily = {
  repositories: ["docker.io/library/postgres"],
  tags: /^(?:latest|alpine|bookworm|trixie|(?:9\.6|1[0-8])(?:\.\d{1,2})?(?:-(?:alpine|alpine3\.\d{1,2}|bookworm|bullseye|trixie))?)$/,
  variant: (tag) => {
    const version = versionFor(tag, PG_PATCHES, "17.6");
    const major = version.startsWith("9.") ? "9.6" : version.split(".")[0]!;
    const bin = `/usr/lib/postgresql/${major}/bin`;
    return {
      sizeBytes: tag.includes("alpine") ? 105_318_443 : 150_847_652,
      config: {
        ...BASE_CONFIG,
        entrypoint: ["docker-entrypoint.sh"],
        cmd: ["postgres"],
        env: {
          PATH: `${PATH}:${bin}`,
          GOSU_VERSION: "1.17",
          LANG: "en_US.utf8",
          PG_MAJOR: major,
          PG_VERSION: tag.includes("alpine") ? version : `${version}-1.pgdg120+1`,
          PGDATA: "/var/lib/postgresql/data",
        },
        stopSignal: "SIGINT",
        exposedPorts: [5432],
      },
      populate: (root) => {
        populateBase(root, tag);
        putProgram(root, "/usr/local/bin/docker-entrypoint.sh", POSTGRES_ENTRYPOINT_PROGRAM);
        putProgram(root, `${bin}/postgres`, POSTGRES_PROGRAM);
        putProgram(root, `${bin}/pg_isready`, PG_ISREADY_PROGRAM);
        putSymlink(root, "/usr/bin/pg_isready", `${bin}/pg_isready`);
        ensureDir(root, "/var/lib/postgresql/data").mode = 0o777;
        ensureDir(root, "/run/postgresql");
        ensureDir(root, "/docker-entrypoint-initdb.d");
      },
    };
  },
};
