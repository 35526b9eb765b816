/** Go's `time.Duration.String()` for a duration in ms (`432ms`, `1.234s`, `1m20s`, `5m0s`). */
export function goDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${trimZeros(ms.toFixed(3))}ms`.replace(/\.ms$/, "ms");
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds - h * 3600 - m * 60;
  const sText = `${trimZeros(s.toFixed(3))}s`;
  if (h > 0) return `${h}h${m}m${sText}`;
  if (m > 0) return `${m}m${sText}`;
  return sText;
}

function trimZeros(t: string): string {
  return t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t;
}
