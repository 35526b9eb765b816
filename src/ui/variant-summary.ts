/**
 * What compare mode says of each variant beside its title: how many requests failed across its
 * Services, that it has errors, or nothing (no Service, or not simulated yet). Shared by the
 * editor's tabs and the embed view's legend.
 */
import type { VariantResult } from "../worker/protocol.ts";
import type { Messages } from "./i18n/en.ts";

/** The failed-request summary of variant `label` among `results`; "" when there is nothing to say. */
export function variantSummary(results: VariantResult[] | undefined, label: string, m: Messages): string {
  const r = results?.find((v) => v.label === label);
  if (!r) return "";
  if (!r.timeline) return m.variantErrors;
  const services = r.timeline.services ?? [];
  if (!services.length) return "";
  return m.variantFailed(services.reduce((sum, s) => sum + s.failed, 0));
}
