import { encode } from "uqr";
import { describe, expect, it } from "vitest";
import { qrModulePath } from "./qr-path";

/** The modules a path paints, read back from its rectangles. */
function painted(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let dx = 0; dx < Number(width); dx++) {
      const row = grid[Number(y)];
      if (row) row[Number(x) + dx] = true;
    }
  }
  return grid;
}

describe("qrModulePath", () => {
  it("paints exactly the dark modules, a row's run as one rectangle", () => {
    expect(
      qrModulePath([
        [true, true, false, true],
        [false, false, false, false],
      ]),
    ).toBe("M0 0h2v1h-2zM3 0h1v1h-1z");
    const { data, size } = encode("https://portal.example.com/login?voucher=E2E7K2P9X", { border: 2 });
    expect(painted(qrModulePath(data), size)).toEqual(data);
  });
});
