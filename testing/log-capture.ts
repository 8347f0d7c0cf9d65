import { vi } from "vitest";
import { logger } from "@/lib/server/logging/logger";

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/**
 * Records the logger's JSON lines (at `info` and above, whatever LOG_LEVEL the test run has) instead of
 * printing them, so a test can read what an operator's log collector would receive. Call `restore()` after.
 */
export function captureLogs() {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const previousLevel = logger.level;
  logger.level = "info";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    for (const line of text.split("\n").filter(Boolean)) {
      raw.push(line);
      // Anything else written to stdout meanwhile is kept in `text()` but is not a log line.
      if (line.startsWith("{")) lines.push(JSON.parse(line) as LogLine);
    }
    return true;
  });
  return {
    lines,
    /** The lines as written, for "this secret appears nowhere" checks. */
    text: () => raw.join("\n"),
    restore: () => {
      write.mockRestore();
      logger.level = previousLevel;
    },
  };
}
