/**
 * The `pod-template-hash` label (`controller.ComputeHash`): a 32-bit FNV-1a hash of the pod
 * template (plus the Deployment's collision count, when set), written in decimal and then mapped
 * character by character onto Kubernetes' safe alphabet (`rand.SafeEncodeString`). Upstream
 * hashes Go's deep-printed template; Podlife hashes the template's canonical JSON, so the values
 * differ from a real cluster's but have the same shape (`7c5ddbdf54`) and the same stability.
 */
import { canonicalJson } from "./meta.ts";

/** The label key (`apps.DefaultDeploymentUniqueLabelKey`). */
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** `rand.SafeEncodeString`: each byte picks a character of the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** `ComputeHash(template, collisionCount)`. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJson(template ?? {});
  // Why (ComputeHash): the collision count is added to the hashed bytes only when set.
  if (collisionCount !== undefined) text += `\u0000${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}
