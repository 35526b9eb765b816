/**
 * Image references as the kubelet and containerd read them: `github.com/distribution/reference`'s
 * grammar and normalisation (`ParseNormalizedNamed`), so `nginx`, `docker.io/nginx` and
 * `index.docker.io/library/nginx:latest` all name `docker.io/library/nginx:latest`.
 */

/** A parsed, normalised image reference. */
export interface ImageReference {
  /** The string as written in the container spec (events quote this form). */
  raw: string;
  /** Registry host (with port), `docker.io` by default. */
  domain: string;
  /** Path inside the registry, `library/nginx` for Docker Hub's official images. */
  path: string;
  /** `domain/path`, e.g. `docker.io/library/nginx`. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  digest?: string;
  /**
   * The name containerd pulls: `repository@digest` when there is a digest (a tag beside a digest is
   * dropped, as containerd's `ParseDockerRef` does), else `repository:tag` with `latest` by default.
   */
  canonical: string;
  /** The short form `docker images` prints (`nginx:latest`, `registry.k8s.io/pause:3.10`). */
  familiar: string;
}

/** Outcome of parsing: a reference, or the kubelet's `InvalidImageName` message. */
export type ParseImageResult = { ok: true; ref: ImageReference } | { ok: false; error: string };

/** Docker Hub, the default registry. */
export const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar of distribution/reference (regexp.go), composed the same way.
const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const domainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const ipv6address = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const domainAndPort = `(?:${domainName}|${ipv6address})(?::[0-9]+)?`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const tagPat = "[\\w][\\w.-]{0,127}";
const digestPat = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE_RE = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const ANCHORED_IDENTIFIER_RE = /^[a-f0-9]{64}$/;

/** Hex lengths of the digest algorithms `opencontainers/go-digest` knows. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Parses an image reference as the kubelet does before pulling (`applyDefaultImageTag` →
 * `ParseImageName` → `ParseNormalizedNamed`). On failure `error` is the full text of the kubelet's
 * `InspectFailed` event, e.g. `Failed to apply default image tag "X": couldn't parse image name
 * "X": invalid reference format`.
 */
export function parseImageRef(raw: string): ParseImageResult {
  const problem = normalisationError(raw);
  if (problem !== undefined) {
    return {
      ok: false,
      error: `Failed to apply default image tag ${goQuote(raw)}: couldn't parse image name ${goQuote(raw)}: ${problem}`,
    };
  }
  const { domain, remainder } = splitDockerDomain(raw);
  const m = REFERENCE_RE.exec(`${domain}/${remainder}`)!;
  const path = remainder.slice(0, m[1]!.length - domain.length - 1);
  const repository = `${domain}/${path}`;
  const tag = m[2];
  const digest = m[3];
  const canonical = digest ? `${repository}@${digest}` : `${repository}:${tag ?? "latest"}`;
  const ref: ImageReference = { raw, domain, path, repository, canonical, familiar: familiarName(canonical) };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/** Why `ParseNormalizedNamed` rejects a string, or undefined when it accepts it. */
function normalisationError(s: string): string | undefined {
  if (ANCHORED_IDENTIFIER_RE.test(s)) {
    return `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
  }
  const { domain, remainder } = splitDockerDomain(s);
  const tagSep = remainder.indexOf(":");
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    return `invalid reference format: repository name (${remote}) must be lowercase`;
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (!m) {
    if (full === "") return "repository name must have at least one component";
    if (REFERENCE_RE.test(full.toLowerCase()))
      return "invalid reference format: repository name must be lowercase";
    return "invalid reference format";
  }
  if (m[1]!.length > NAME_TOTAL_LENGTH_MAX) {
    return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  }
  const digest = m[3];
  if (digest !== undefined) {
    const [algorithm = "", hex = ""] = digest.split(":");
    const want = DIGEST_HEX_LENGTH[algorithm];
    if (want === undefined) return "unsupported digest algorithm";
    if (hex.length !== want) return "invalid checksum digest length";
    if (!/^[a-f0-9]+$/.test(hex)) return "invalid checksum digest format";
  }
  return undefined;
}

/** distribution/reference `splitDockerDomain` (v0.6). */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf("/");
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === "localhost") [domain, remainder] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remainder] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remainder] = [maybeDomain, maybeRemote];
  // Uppercase namespaces are not allowed, so an uppercase first element must be a domain.
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remainder] = [maybeDomain, maybeRemote];
  else [domain, remainder] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** distribution/reference `FamiliarString`: drops `docker.io/` and `library/`. */
function familiarName(canonical: string): string {
  if (!canonical.startsWith(`${DEFAULT_DOMAIN}/`)) return canonical;
  const rest = canonical.slice(DEFAULT_DOMAIN.length + 1);
  const name = rest.split(/[:@]/, 1)[0]!;
  if (name.startsWith(OFFICIAL_REPO_PREFIX) && !name.slice(OFFICIAL_REPO_PREFIX.length).includes("/")) {
    return rest.slice(OFFICIAL_REPO_PREFIX.length);
  }
  return rest;
}

/** Go's `%q` for the printable strings image names are. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}
