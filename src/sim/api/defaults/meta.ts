/** ObjectMeta fields the API server fills in on create. */
import type { SeededRandom } from "../../random.ts";
import { child, type Obj, setDefaultIfZero } from "./util.ts";

/**
 * Sets `metadata.namespace` to `default` when absent, and generates `metadata.name` from
 * `generateName` as the API server does (`names.SimpleNameGenerator`: prefix + 5 random
 * characters), with randomness drawn from the scenario's seed.
 */
export function defaultObjectMeta(obj: Obj, random: SeededRandom): void {
  const meta = child(obj, "metadata");
  setDefaultIfZero(meta, "namespace", "default");
  if (!meta.name && typeof meta.generateName === "string" && meta.generateName) {
    const prefix = meta.generateName.length > 58 ? meta.generateName.slice(0, 58) : meta.generateName;
    meta.name = prefix + random.kubeSuffix(5);
  }
}
