/**
 * Base images: busybox, alpine, debian and ubuntu. Their tools come from the tools module (busybox
 * applets, Debian coreutils and shells); these definitions add each image's config and identity.
 */
import { installBusybox, installDebianBase } from "../../tools/index.ts";
import type { FsDir } from "../../vfs.ts";
import { putFile, putRunDirs } from "../rootfs.ts";
import { BASE_CONFIG, type ImageFamily } from "../types.ts";

/** `busybox`: tags like `1.36`, `1.37.0`, `1.36-musl`, `stable`, `musl`. CMD `sh`. */
export const busybox: ImageFamily = {
  repositories: ["docker.io/library/busybox"],
  tags: /^(?:latest|stable|unstable|glibc|musl|uclibc|1\.(?:2[0-9]|3[0-7])(?:\.\d+)?(?:-(?:glibc|musl|uclibc))?)$/,
  variant: () => ({
    sizeBytes: 2_156_741,
    config: { ...BASE_CONFIG, cmd: ["sh"] },
    populate: (root) => {
      installBusybox(root);
      putRunDirs(root);
    },
  }),
};

const alpineVersion = (tag: string): string =>
  /^3\.\d+\.\d+$/.test(tag) ? tag : /^3\.\d+$/.test(tag) ? `${tag}.3` : "3.22.1";

/** `alpine`: tags `3`, `3.x`, `3.x.y`, `edge`. CMD `/bin/sh`; busybox userland, no `apk` simulated. */
export const alpine: ImageFamily = {
  repositories: ["docker.io/library/alpine"],
  tags: /^(?:latest|edge|3(?:\.\d{1,2}){0,2})$/,
  variant: (tag) => ({
    sizeBytes: 3_623_807,
    config: { ...BASE_CONFIG, cmd: ["/bin/sh"] },
    populate: (root) => {
      installBusybox(root);
      putRunDirs(root);
      const v = alpineVersion(tag);
      putFile(root, "/etc/alpine-release", `${v}\n`);
      putFile(
        root,
        "/etc/os-release",
        `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${v}\nPRETTY_NAME="Alpine Linux v${v.split(".").slice(0, 2).join(".")}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
      );
    },
  }),
};

/** Lays out a Debian-family root: the tools module's Debian base plus `/run`. */
export function populateDebian(root: FsDir): void {
  installDebianBase(root);
  putRunDirs(root);
}

/** `debian`: `bookworm`, `12`, `12.11`, `-slim` variants, `stable`, … CMD `bash`. */
export const debian: ImageFamily = {
  repositories: ["docker.io/library/debian"],
  tags: /^(?:latest|stable|testing|(?:bookworm|bullseye|buster|trixie|stable|1[0-3](?:\.\d+)?)(?:-slim)?)$/,
  variant: (tag) => ({
    sizeBytes: tag.endsWith("-slim") ? 28_230_340 : 48_494_272,
    config: { ...BASE_CONFIG, env: { PATH: BASE_CONFIG.env.PATH! }, cmd: ["bash"] },
    populate: populateDebian,
  }),
};

/** `ubuntu`: `22.04`, `24.04`, `jammy`, `noble`, … CMD `/bin/bash`. */
export const ubuntu: ImageFamily = {
  repositories: ["docker.io/library/ubuntu"],
  tags: /^(?:latest|rolling|devel|jammy|noble|focal|plucky|(?:2[0-5])\.(?:04|10)(?:\.\d+)?)$/,
  variant: () => ({
    sizeBytes: 29_723_147,
    config: { ...BASE_CONFIG, cmd: ["/bin/bash"] },
    populate: (root) => {
      populateDebian(root);
      putFile(
        root,
        "/etc/os-release",
        'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.3 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nUBUNTU_CODENAME=noble\n',
      );
    },
  }),
};
