/**
 * The CRI error text containerd returns when a pull fails, which the kubelet shows after
 * `Failed to pull image "X": `. It depends on the registry: Docker Hub answers an unknown
 * repository with an authorization error, most registries with a plain 404, and a host that does
 * not exist fails in DNS.
 */
import type { ImageReference } from "./reference.ts";

/** Why the catalog could not resolve a reference. */
export type PullFailure = "no-repository" | "no-tag";

/** Registries that exist (the pull reaches them), besides those hosting Scenario images. */
const PUBLIC_REGISTRIES = [
  "docker.io",
  "registry.k8s.io",
  "k8s.gcr.io",
  "gcr.io",
  "quay.io",
  "ghcr.io",
  "mcr.microsoft.com",
  "public.ecr.aws",
  "registry.gitlab.com",
  "nvcr.io",
];

function registryExists(domain: string, liveDomains: ReadonlySet<string>): boolean {
  return (
    liveDomains.has(domain) ||
    PUBLIC_REGISTRIES.includes(domain) ||
    domain.endsWith(".gcr.io") ||
    domain.endsWith(".pkg.dev") ||
    /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.test(domain) ||
    domain.endsWith(".azurecr.io")
  );
}

/**
 * The error for a failed pull of `ref`. `liveDomains` are registries that host Scenario images
 * (they exist, so an unknown name there is a 404 rather than a DNS failure).
 */
export function pullErrorText(
  ref: ImageReference,
  failure: PullFailure,
  liveDomains: ReadonlySet<string>,
): string {
  const detail = pullErrorDetail(ref, failure, liveDomains);
  // Why: the kubelet prints the CRI call's gRPC error, whose text carries the status code.
  const code = detail.endsWith(": not found") ? "NotFound" : "Unknown";
  return `rpc error: code = ${code} desc = ${detail}`;
}

/** containerd's own text for a failed pull (the gRPC error's description). */
function pullErrorDetail(
  ref: ImageReference,
  failure: PullFailure,
  liveDomains: ReadonlySet<string>,
): string {
  const c = ref.canonical;
  const prefix = `failed to pull and unpack image "${c}": failed to resolve reference "${c}": `;
  const object = ref.digest ?? ref.tag ?? "latest";
  const host = ref.domain.replace(/:\d+$/, "");
  if (host === "localhost" || host === "127.0.0.1" || host === "[::1]") {
    const port = /:(\d+)$/.exec(ref.domain)?.[1] ?? "80";
    return `${prefix}failed to do request: Head "http://${ref.domain}/v2/${ref.path}/manifests/${object}": dial tcp 127.0.0.1:${port}: connect: connection refused`;
  }
  if (!registryExists(ref.domain, liveDomains)) {
    return `${prefix}failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${object}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
  }
  if (failure === "no-repository" && ref.domain === "docker.io") {
    return `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  if (failure === "no-repository" && ref.domain === "ghcr.io") {
    const scope = encodeURIComponent(`repository:${ref.path}:pull`);
    return `${prefix}failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=${scope}&service=ghcr.io: 401 Unauthorized`;
  }
  return `${prefix}${c}: not found`;
}
