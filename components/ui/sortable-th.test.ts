import { describe, expect, it } from "vitest";
import { sortPressed } from "./sortable-th";

describe("pressing a sortable header", () => {
  it("sorts another column ascending, flips the sorted one, and goes back to page 1", () => {
    expect(sortPressed({ sort: "number", dir: "asc" }, "owner")).toEqual({
      sort: "owner",
      dir: "asc",
      page: 1,
    });
    expect(sortPressed({ sort: "owner", dir: "asc" }, "owner")).toEqual({
      sort: "owner",
      dir: "desc",
      page: 1,
    });
    expect(sortPressed({ sort: "owner", dir: "desc" }, "owner")).toEqual({
      sort: "owner",
      dir: "asc",
      page: 1,
    });
  });

  it("starts descending where the list asks for it", () => {
    expect(sortPressed({ sort: "caller", dir: "asc" }, "startTime", "desc")).toMatchObject({ dir: "desc" });
    expect(sortPressed({ sort: "startTime", dir: "desc" }, "startTime", "desc")).toMatchObject({
      dir: "asc",
    });
    expect(sortPressed({ sort: "startTime", dir: "asc" }, "startTime", "desc")).toMatchObject({
      dir: "desc",
    });
  });
});
