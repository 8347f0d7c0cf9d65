import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The folders of lib/server from the bottom up. A module may import its own folder and the folders of lower
 * levels; folders on one level do not import each other. A new folder gets its place here, which is where
 * the design is decided: if it would have to import upward, the design needs changing, not this list.
 */
const SERVER_LEVELS: readonly (readonly string[])[] = [
  ["errors", "config", "time", "web"],
  ["logging", "db", "vault"],
  ["http", "shared-state", "audit"],
  ["diagnostics", "users"],
  ["vendors", "auth"],
  ["connections", "security"],
  ["api", "startup", "preferences", "search"],
];

/** Top-level folders that import lib/, never the other way round (testing/ holds the helpers that start simulators). */
const ABOVE_LIB = ["app", "components", "simulators", "testing", "e2e", "bench", "scripts"];

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER = "lib/server/";

// `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`; type-only imports count too.
const IMPORT_PATTERNS = [
  /(?:^|[\n;])\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
  /(?:^|[\n;])\s*import\s*["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
];

/** The repository paths (no extension) a module imports; packages are left out. */
function importedPaths(file: string, source: string): string[] {
  const found: string[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const [, spec = ""] of source.matchAll(pattern)) {
      if (spec.startsWith("@/")) found.push(spec.slice(2));
      else if (spec.startsWith(".")) found.push(path.posix.join(path.posix.dirname(file), spec));
    }
  }
  return found.map((p) => p.replace(/\.(ts|tsx|js|mjs)$/, ""));
}

function serverFolder(modulePath: string): string | null {
  if (!modulePath.startsWith(SERVER)) return null;
  const rest = modulePath.slice(SERVER.length);
  return rest.includes("/") ? (rest.split("/")[0] ?? null) : "";
}

const levelOf = (folder: string) => SERVER_LEVELS.findIndex((level) => level.includes(folder));

/** Why importing `to` from the lib/ module `from` breaks the layering, or null when it does not. */
function layeringViolation(from: string, to: string): string | null {
  const top = to.split("/")[0] ?? "";
  if (ABOVE_LIB.includes(top)) return `${from} imports ${to}: nothing in lib/ imports ${top}/`;

  const fromFolder = serverFolder(from);
  const toFolder = serverFolder(to);
  if (fromFolder === null) {
    return toFolder === null
      ? null
      : `${from} imports ${to}: only lib/server imports lib/server (it is server-only)`;
  }
  if (fromFolder === "") return `${from} sits in lib/server itself: put it in a folder of SERVER_LEVELS`;
  if (levelOf(fromFolder) < 0)
    return `${from}: the folder lib/server/${fromFolder} has no place in SERVER_LEVELS`;
  if (toFolder === null || toFolder === fromFolder) return null;
  if (levelOf(toFolder) < 0) return `${from} imports ${to}, whose folder has no place in SERVER_LEVELS`;
  if (levelOf(toFolder) >= levelOf(fromFolder)) {
    return `${from} imports ${to}: lib/server/${fromFolder} may import only folders of lower levels`;
  }
  return null;
}

/** lib/'s modules; tests sit beside what they test and may import anything, so they are left out. */
function libModules(dir = "lib"): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return libModules(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("import levels", () => {
  it("finds every kind of import in a module", () => {
    const source = [
      'import "server-only";',
      'import type { A } from "@/lib/server/errors/api-error";',
      "import {\n  b,\n  c,\n} from './sibling';",
      'export { d } from "../db/client";',
      'const e = await import("@/simulators/kiwire/simulator");',
      'import { z } from "zod";',
    ].join("\n");
    expect(importedPaths("lib/server/vault/vault.ts", source).sort()).toEqual([
      "lib/server/db/client",
      "lib/server/errors/api-error",
      "lib/server/vault/sibling",
      "simulators/kiwire/simulator",
    ]);
  });

  it("allows imports downward and within a folder, and refuses the others", () => {
    expect(layeringViolation("lib/server/vendors/kiwire/client.ts", "lib/server/http/client")).toBeNull();
    expect(
      layeringViolation("lib/server/vendors/kiwire/client.ts", "lib/server/vendors/kiwire/sign"),
    ).toBeNull();
    expect(layeringViolation("lib/api/users.ts", "lib/permissions")).toBeNull();
    expect(
      layeringViolation("lib/server/vendors/kiwire/client.ts", "lib/server/connections/registry"),
    ).toMatch(/may import only folders of lower levels/);
    // Same level: vendors and auth are peers.
    expect(layeringViolation("lib/server/auth/actor.ts", "lib/server/vendors/kiwire/client")).toMatch(
      /lower levels/,
    );
    expect(layeringViolation("lib/server/db/client.ts", "testing/test-db")).toMatch(
      /nothing in lib\/ imports/,
    );
    expect(layeringViolation("lib/server/http/client.ts", "simulators/shared/types")).toMatch(/simulators\//);
    expect(layeringViolation("lib/client/api-fetch.ts", "lib/server/config/config")).toMatch(/server-only/);
    expect(layeringViolation("lib/server/helper.ts", "lib/server/db/client")).toMatch(/in a folder/);
    expect(layeringViolation("lib/server/cache/x.ts", "lib/server/db/client")).toMatch(/no place/);
  });

  it("holds for every module in lib/", () => {
    const modules = libModules();
    expect(modules.length).toBeGreaterThan(100);
    const violations = modules.flatMap((file) =>
      importedPaths(file, readFileSync(path.join(ROOT, file), "utf8"))
        .map((to) => layeringViolation(file, to))
        .filter((violation) => violation !== null),
    );
    expect(violations).toEqual([]);
  });
});
