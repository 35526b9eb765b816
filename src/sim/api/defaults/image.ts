/** Image reference parsing as the API server's defaulting needs it (pkg/util/parsers.ParseImageName). */

/** The parts of an image reference: repository, tag and digest (empty strings when absent). */
export interface ImageReference {
  repository: string;
  tag: string;
  digest: string;
}

/**
 * Splits `registry:5000/repo/name:tag@sha256:…` into its parts. As in Kubernetes, a reference
 * with neither tag nor digest gets the tag `latest`; one with only a digest has no tag.
 */
export function parseImageReference(image: string): ImageReference {
  let rest = image.trim();
  let digest = "";
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = "";
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!tag && !digest) tag = "latest";
  return { repository: rest, tag, digest };
}

/**
 * The default `imagePullPolicy` (pkg/apis/core/v1/defaults.go `SetDefaults_Container`):
 * `Always` for the tag `latest` (including no tag and no digest), otherwise `IfNotPresent`.
 */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  return parseImageReference(image).tag === "latest" ? "Always" : "IfNotPresent";
}
