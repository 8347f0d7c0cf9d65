/**
 * An SVG path covering the dark modules of a QR matrix: one rectangle per run of dark modules in a row, which
 * keeps a page of printed vouchers' codes a few times smaller than a square per module.
 */
export function qrModulePath(rows: readonly (readonly boolean[])[]): string {
  return rows
    .flatMap((row, y) => {
      const runs: string[] = [];
      for (let x = 0; x < row.length; x++) {
        if (!row[x]) continue;
        const start = x;
        while (row[x + 1]) x++;
        const width = x - start + 1;
        runs.push(`M${start} ${y}h${width}v1h-${width}z`);
      }
      return runs;
    })
    .join("");
}
