import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConnectionsFileError, loadConnectionsFile, parseConnectionsFile } from "./file-source";

const ISSUE_EXAMPLE = {
  connections: [
    {
      id: "pbx-main",
      kind: "kerio-operator",
      name: "Main PBX",
      baseUrl: "https://10.0.0.5:4021",
      username: "Admin",
      password: { env: "PBX_PASSWORD" },
      tls: { mode: "verify" },
    },
    {
      id: "helpdesk",
      kind: "kayako",
      name: "Helpdesk",
      baseUrl: "https://help.example.com/api/index.php",
      apiKey: "inline-key",
      secretKey: { env: "KAYAKO_SECRET" },
      tls: { mode: "pin", fingerprint256: "ab".repeat(32) },
    },
  ],
};

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConnectionsFileError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConnectionsFileError");
}

const parse = (value: unknown, env: Record<string, string> = {}) =>
  parseConnectionsFile(JSON.stringify(value), "connections.json", env);

describe("connections file", () => {
  it("loads a valid file, reading secrets from the environment", () => {
    const connections = parse(ISSUE_EXAMPLE, { PBX_PASSWORD: "from-env", KAYAKO_SECRET: "kayako-env" });
    expect(connections.map((c) => c.id)).toEqual(["pbx-main", "helpdesk"]);
    expect(connections[0]?.config).toMatchObject({ kind: "kerio-operator", password: "from-env" });
    expect(connections[1]?.config).toMatchObject({
      apiKey: "inline-key",
      secretKey: "kayako-env",
      tls: { mode: "pin", fingerprint256: `AB${":AB".repeat(31)}` },
    });
  });

  it("reports a missing or empty environment variable with the entry and the field", () => {
    expect(problemsOf(() => parse(ISSUE_EXAMPLE, { KAYAKO_SECRET: "" }))).toEqual([
      'connections[0] "pbx-main" (kerio-operator): password: the environment variable PBX_PASSWORD is not set',
      'connections[1] "helpdesk" (kayako): secretKey: the environment variable KAYAKO_SECRET is empty',
    ]);
  });

  it("reports every invalid entry and field at once, unknown fields by name", () => {
    const file = {
      connections: [
        { ...ISSUE_EXAMPLE.connections[0], password: "inline", baseUrl: "10.0.0.5" },
        { ...ISSUE_EXAMPLE.connections[1], secretKey: "s", apikey: "typo" },
        { id: "x", kind: "asterisk", name: "?" },
        { ...ISSUE_EXAMPLE.connections[0], password: "p" },
      ],
    };
    expect(problemsOf(() => parse(file))).toEqual([
      expect.stringMatching(/^connections\[0\] "pbx-main" \(kerio-operator\): baseUrl: Enter a full URL/),
      'connections[1] "helpdesk" (kayako): unknown field apikey',
      expect.stringMatching(/^connections\[2\] "x" \(asterisk\): kind: kind must be one of kerio-operator/),
      'connections[3] "pbx-main" (kerio-operator): id "pbx-main" is already used by connections[0]',
    ]);
  });

  it("explains a file that is not JSON or not the expected shape", () => {
    expect(problemsOf(() => parseConnectionsFile("{ connections: [", "f", {}))[0]).toMatch(/^not valid JSON/);
    expect(problemsOf(() => parse([]))).toEqual([expect.stringContaining("expected object")]);
    expect(problemsOf(() => parse({ connection: [] }))).toEqual([
      'connections: The file must be {"connections": [ ... ]}',
      "unknown field connection",
    ]);
  });

  it("holds the file to the console's rules: zones, plain HTTP, and where secrets may go", () => {
    const pbx = { ...ISSUE_EXAMPLE.connections[0], password: "p" };
    const file = {
      connections: [
        { ...pbx, id: "kalliope", kind: "kalliope", username: "api" },
        { ...pbx, id: "plain", baseUrl: "http://10.0.0.5:4020" },
        { ...pbx, id: "metadata", baseUrl: "http://169.254.169.254", tls: { mode: "insecure" } },
        { ...pbx, id: "google", baseUrl: "https://metadata.google.internal" },
        { ...pbx, id: "local", baseUrl: "https://127.0.0.1:4021" },
      ],
    };
    const loopbackRefused = { allowLoopback: false };
    expect(
      problemsOf(() => parseConnectionsFile(JSON.stringify(file), "connections.json", {}, loopbackRefused)),
    ).toEqual([
      expect.stringMatching(
        /^connections\[0\] "kalliope" \(kalliope\): timeZone: Enter the appliance's IANA time zone/,
      ),
      expect.stringMatching(
        /^connections\[1\] "plain" \(kerio-operator\): tls: An http:\/\/ address has no TLS/,
      ),
      expect.stringMatching(
        /^connections\[2\] "metadata" \(kerio-operator\): baseUrl: 169\.254\.169\.254 is a cloud metadata service/,
      ),
      expect.stringMatching(
        /^connections\[3\] "google" \(kerio-operator\): baseUrl: metadata\.google\.internal is a cloud metadata/,
      ),
      expect.stringMatching(
        /^connections\[4\] "local" \(kerio-operator\): baseUrl: 127\.0\.0\.1 is this machine itself \(loopback\).*ALLOW_LOOPBACK_CONNECTIONS=1/,
      ),
    ]);
    // The deployment may allow loopback (the demo does: its simulators listen there).
    const local = { connections: [file.connections[4]] };
    expect(parseConnectionsFile(JSON.stringify(local), "f", {}, { allowLoopback: true })).toHaveLength(1);
  });

  const dir = mkdtempSync(path.join(tmpdir(), "connections-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the file from disk, and names the file when it cannot", () => {
    const file = path.join(dir, "connections.json");
    writeFileSync(file, JSON.stringify(ISSUE_EXAMPLE));
    expect(loadConnectionsFile(file, { PBX_PASSWORD: "a", KAYAKO_SECRET: "b" })).toHaveLength(2);
    const missing = path.join(dir, "missing.json");
    expect(() => loadConnectionsFile(missing, {})).toThrow(
      `CONNECTIONS_FILE ${missing} is invalid:\n  - cannot be read: ENOENT`,
    );
  });
});
