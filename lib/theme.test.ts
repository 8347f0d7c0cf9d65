import { describe, expect, it } from "vitest";
import { themeOfRootClasses } from "./theme";

const classes = (...names: string[]) => ({ contains: (name: string) => names.includes(name) });

describe("themeOfRootClasses", () => {
  it("reads the chosen theme from <html>'s classes, and the system setting when none is chosen", () => {
    expect(themeOfRootClasses(classes("dark"))).toBe("dark");
    expect(themeOfRootClasses(classes("light", "other"))).toBe("light");
    expect(themeOfRootClasses(classes())).toBe("system");
    expect(themeOfRootClasses(classes("darker"))).toBe("system");
  });
});
