/**
 * Images from `registry.k8s.io` used by the Kubernetes docs and e2e tests: agnhost, the docs'
 * liveness server, goproxy, etcd and pause. (`k8s.gcr.io/…` resolves here too; see the catalog.)
 */
import { AGNHOST_PROGRAM } from "../../programs/agnhost.ts";
import { ETCD_PROGRAM, ETCDCTL_PROGRAM, etcdBuildInfo } from "../../programs/etcd.ts";
import { GOPROXY_PROGRAM } from "../../programs/goproxy.ts";
import { LIVENESS_PROGRAM } from "../../programs/liveness.ts";
import { PAUSE_PROGRAM } from "../../programs/pause.ts";
import { installBusybox } from "../../tools/index.ts";
import { putProgram, putRunDirs } from "../rootfs.ts";
import { BASE_CONFIG, type ImageFamily } from "../types.ts";

/** `registry.k8s.io/e2e-test-images/agnhost:2.N` — Alpine-based, ENTRYPOINT `/agnhost`, CMD `pause`. */
export const agnhost: ImageFamily = {
  repositories: ["registry.k8s.io/e2e-test-images/agnhost"],
  tags: /^2\.(?:[1-9]|[1-5][0-9])$/,
  variant: () => ({
    sizeBytes: 52_118_712,
    config: { ...BASE_CONFIG, entrypoint: ["/agnhost"], cmd: ["pause"] },
    populate: (root) => {
      installBusybox(root);
      putRunDirs(root);
      putProgram(root, "/agnhost", AGNHOST_PROGRAM);
    },
  }),
};

/** `registry.k8s.io/liveness` — the docs' HTTP liveness example image: just `/server`, no shell. */
export const liveness: ImageFamily = {
  repositories: ["registry.k8s.io/liveness"],
  tags: /^latest$/,
  variant: () => ({
    sizeBytes: 1_997_412,
    config: { ...BASE_CONFIG, exposedPorts: [8080] },
    populate: (root) => putProgram(root, "/server", LIVENESS_PROGRAM),
  }),
};

/** `registry.k8s.io/goproxy:0.1` — the docs' TCP probe example: `/goproxy` on 8080, no shell. */
export const goproxy: ImageFamily = {
  repositories: ["registry.k8s.io/goproxy"],
  tags: /^0\.1$/,
  variant: () => ({
    sizeBytes: 4_089_546,
    config: { ...BASE_CONFIG, entrypoint: ["/goproxy"], exposedPorts: [8080] },
    populate: (root) => putProgram(root, "/goproxy", GOPROXY_PROGRAM),
  }),
};

/** The etcd version an image tag carries (`3.5.1-0` → `3.5.1`). */
export function etcdVersion(tag: string): string {
  return /^\d+\.\d+\.\d+/.exec(tag)?.[0] ?? "3.6.4";
}

/** `registry.k8s.io/etcd:3.x.y-N` — distroless: etcd, etcdctl, etcdutl; CMD `/usr/local/bin/etcd`. */
export const etcd: ImageFamily = {
  repositories: ["registry.k8s.io/etcd"],
  tags: /^(?:latest|3\.\d+\.\d+-\d+)$/,
  variant: (tag) => ({
    sizeBytes: 80_264_117,
    config: { ...BASE_CONFIG, cmd: ["/usr/local/bin/etcd"], exposedPorts: [2379, 2380] },
    populate: (root) => {
      const v = etcdBuildInfo(etcdVersion(tag));
      putProgram(root, "/usr/local/bin/etcd", ETCD_PROGRAM, v);
      putProgram(root, "/usr/local/bin/etcdctl", ETCDCTL_PROGRAM, v);
      putRunDirs(root);
    },
  }),
};

/** `registry.k8s.io/pause:3.N` — the sandbox's infra container: `/pause` only. */
export const pause: ImageFamily = {
  repositories: ["registry.k8s.io/pause"],
  tags: /^(?:latest|3\.(?:[0-9]|10))$/,
  variant: () => ({
    sizeBytes: 320_368,
    config: { ...BASE_CONFIG, entrypoint: ["/pause"], env: {} },
    populate: (root) => putProgram(root, "/pause", PAUSE_PROGRAM),
  }),
};
