/** Column widths of a kubectl-style table. */

/**
 * A `<colgroup>` for a table with `table-layout: fixed`: one width per column (`undefined` takes
 * the rest), so the columns keep their place while the rows follow the playhead.
 */
export function Columns({ widths }: { widths: (string | undefined)[] }) {
  return (
    <colgroup>
      {widths.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their position
        <col key={i} style={w ? { width: w } : undefined} />
      ))}
    </colgroup>
  );
}
