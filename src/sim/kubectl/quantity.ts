/**
 * Just enough of `resource.Quantity` for describe's resource sums: CPU in millicores, everything
 * else in bytes (or plain units), formatted back in Kubernetes' canonical short form.
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Parses a quantity (`100m`, `1.5`, `64Mi`, `1G`, `2`) into its value in base units. */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === "number") return q;
  const m = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(
    q.trim(),
  );
  if (!m) return undefined;
  let v = Number(m[1]) * 10 ** Number(m[2] ?? 0);
  const suffix = m[3] ?? "";
  v *= BINARY[suffix] ?? DECIMAL[suffix] ?? 1;
  return v;
}

/** Formats CPU (cores) as Kubernetes does: `0`, `100m`, `2`. */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  if (milli === 0) return "0";
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats a byte count canonically: the largest exact binary suffix, else plain bytes. */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return "0";
  for (const s of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
    const f = BINARY[s] as number;
    if (bytes % f === 0) return `${bytes / f}${s}`;
  }
  return String(Math.round(bytes));
}
