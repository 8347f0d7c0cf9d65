/**
 * The scale-out proof (`npm run test:scale`; scripts/test-scale.sh provides PostgreSQL and Redis and passes
 * DATABASE_URL and REDIS_URL). Starts the Kerio Operator and Kiwire simulators in this process (to read their
 * login counters), two console instances on two ports sharing the database, Redis and the secrets, and proves
 * that what must be shared is: sessions and their revocation (sign-out included), API tokens, the sign-in lock-out, the audit
 * log, and vendor sessions (one login per connection for both instances, also after the vendor ends it). A
 * third instance started with another NEXTAUTH_SECRET must refuse to start. Exits non-zero on the first
 * failed check, with the instances' logs.
 *   SCALE_PORTS=3120,3121,3122   the ports of the instances (default: free ports)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "redis";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import {
  type RunningKerioOperatorSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { freePort } from "@/testing/free-port";

const DATABASE_URL = requiredEnv("DATABASE_URL");
const REDIS_URL = requiredEnv("REDIS_URL");
const REDIS_TARGET = `redis://${new URL(REDIS_URL).host}`;
const NEXT = path.resolve("node_modules/next/dist/bin/next");
const workDir = mkdtempSync(path.join(tmpdir(), "console-scale-"));
const secrets = {
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  CONSOLE_SECRET_KEY: randomBytes(32).toString("base64url"),
};
const account = (role: string) => {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
};

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run this through scripts/test-scale.sh (npm run test:scale)`);
  return value;
}

// ---------------------------------------------------------------------------------------------- reporting

let checks = 0;
/** One named proof: prints "ok" or the reason, and stops the run at the first failure. */
async function check(name: string, proof: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await proof();
  } catch (error) {
    console.log(`FAIL  ${name}\n      ${(error as Error).message}`);
    throw new CheckFailed();
  }
  checks++;
  console.log(`ok    ${name} (${Date.now() - started} ms)`);
}

class CheckFailed extends Error {}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// ---------------------------------------------------------------------------------------------- instances

interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  log: string;
}

const instances: Instance[] = [];

async function ports(): Promise<number[]> {
  const fixed = process.env.SCALE_PORTS?.split(",").map(Number);
  if (!fixed) return [await freePort(), await freePort(), await freePort()];
  if (fixed.length !== 3 || new Set(fixed).size !== 3 || !fixed.every(Number.isInteger)) {
    throw new Error(
      `SCALE_PORTS must be three different ports, e.g. 3120,3121,3122 (got "${process.env.SCALE_PORTS}")`,
    );
  }
  return fixed;
}

/** `next start` in its own process group (stopped as a group: next start leaves next-server behind otherwise). */
function startInstance(
  name: string,
  port: number,
  connectionsFile: string,
  overrides: Record<string, string> = {},
) {
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(workDir, `${name}.log`);
  writeFileSync(log, "");
  const out = openSync(log, "a");
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL,
      REDIS_URL,
      ...secrets,
      // Each instance its own data directory: nothing may be shared through local files.
      DATA_DIR: path.join(workDir, `data-${name}`),
      DEMO_ACCOUNTS: "1",
      CONNECTIONS_FILE: connectionsFile,
      // The simulators listen on 127.0.0.1.
      ALLOW_LOOPBACK_CONNECTIONS: "1",
      NEXTAUTH_URL: url,
      // Background health checks log in too; they are proved in the unit tests, not counted here.
      CONNECTION_CHECK_INTERVAL_SECONDS: "0",
      ...overrides,
    },
  });
  const instance = { name, url, process: child, log };
  instances.push(instance);
  return instance;
}

/**
 * Ready means: the process is alive, answers /api/ready, and its own log says it started on our Redis. The
 * last part matters: a port taken by another server would answer /api/ready for an instance that never ran.
 */
async function waitUntilReady(instance: Instance): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null)
      throw new Error(`${instance.name} exited (${instance.process.exitCode})`);
    const ready = await fetch(`${instance.url}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready && readFileSync(instance.log, "utf8").includes(`through Redis at ${REDIS_TARGET}`)) return;
    await sleep(250);
  }
  throw new Error(`${instance.name} was not ready within 90 s`);
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    // Cleared on exit: a pending timer would keep this script alive after the checks.
    const timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs / 1000} s`)), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Whether any process of the group is left (`next start` leaves `next-server` behind if only it is killed). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to each instance's whole process group, then SIGKILL to what is left after 10 s. */
async function stopInstances(): Promise<void> {
  const groups = instances.flatMap(({ process: child }) => (child.pid === undefined ? [] : [child.pid]));
  for (const pgid of groups.filter(groupAlive)) process.kill(-pgid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (groups.some(groupAlive) && Date.now() < deadline) await sleep(100);
  for (const pgid of groups.filter(groupAlive)) process.kill(-pgid, "SIGKILL");
}

// ---------------------------------------------------------------------------------------------- HTTP

/** Signs in as the login form does; answers the session cookie, or the message the console gave instead. */
async function signIn(
  base: string,
  email: string,
  password: string,
): Promise<{ cookie?: string; error?: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((line) => line.startsWith("next-auth.session-token="));
  if (cookie) return { cookie };
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  return { error: url ? (new URL(url).searchParams.get("error") ?? url) : `HTTP ${response.status}` };
}

/** Signs out as the user menu does (next-auth's POST /api/auth/signout with its CSRF token). */
async function signOut(base: string, sessionCookie: string): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: `${sessionCookie}; ${csrfCookie}`,
    },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (response.status >= 400) throw new Error(`sign-out on ${base} answered ${response.status}`);
}

async function signedIn(base: string, role: string): Promise<string> {
  const { email, password } = account(role);
  const { cookie, error } = await signIn(base, email, password);
  if (!cookie) throw new Error(`sign-in as ${email} on ${base} failed: ${error}`);
  return cookie;
}

type Auth = { cookie: string } | { token: string };

async function api(base: string, method: string, route: string, auth: Auth, body?: unknown) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      ...("cookie" in auth
        ? { cookie: auth.cookie, origin: base }
        : { authorization: `Bearer ${auth.token}` }),
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the status says enough.
  }
  return { status: response.status, json: json as Record<string, unknown> };
}

async function expectStatus(
  base: string,
  method: string,
  route: string,
  auth: Auth,
  status: number,
  body?: unknown,
) {
  const answer = await api(base, method, route, auth, body);
  if (answer.status !== status) {
    throw new Error(
      `${method} ${base}${route} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.json)}`,
    );
  }
  return answer.json;
}

// ---------------------------------------------------------------------------------------------- the proof

async function main(): Promise<void> {
  const [kerio, kiwire]: [RunningKerioOperatorSimulator, RunningKiwireSimulator] = await Promise.all([
    startKerioOperatorSimulator({ port: 0, extensions: 40 }),
    startKiwireSimulator({ port: 0, users: 10, vouchers: 30 }),
  ]);
  const redis = createClient({ url: REDIS_URL });
  try {
    await redis.connect();
    const connectionsFile = path.join(workDir, "connections.json");
    writeFileSync(
      connectionsFile,
      JSON.stringify({
        connections: [
          {
            id: "scale-kerio",
            kind: "kerio-operator",
            name: "Kerio Operator (simulator)",
            baseUrl: kerio.baseUrl,
            ...kerio.credentials,
            tls: { mode: "insecure" },
          },
          {
            id: "scale-kiwire",
            kind: "kiwire",
            name: "Kiwire (simulator)",
            baseUrl: kiwire.baseUrl,
            username: kiwire.credentials.username,
            password: kiwire.credentials.password,
            apiKey: kiwire.credentials.apiKey,
            cloudId: kiwire.credentials.cloudId,
            timeZone: kiwire.config.timeZone,
            tls: { mode: "insecure" },
          },
        ],
      }),
      { mode: 0o600 },
    );

    const [portA, portB, portC] = await ports();
    const a = startInstance("A", portA ?? 0, connectionsFile);
    const b = startInstance("B", portB ?? 0, connectionsFile);
    await check(
      "two instances start together on one PostgreSQL and one Redis (migrations and seeding once)",
      async () => {
        await Promise.all([waitUntilReady(a), waitUntilReady(b)]);
      },
    );

    const admin = { cookie: await signedIn(a.url, "admin") };
    await check("a session cookie from instance A works on instance B", async () => {
      await expectStatus(b.url, "GET", "/api/v1/users", admin, 200);
    });

    await check("signing out on A ends that session on B too: a copy of its cookie is refused", async () => {
      const copied = { cookie: await signedIn(a.url, "viewer") };
      await expectStatus(b.url, "GET", "/api/v1/connections", copied, 200);
      await signOut(a.url, copied.cookie);
      const refused = await expectStatus(b.url, "GET", "/api/v1/connections", copied, 401);
      expectEqual((refused.error as { code?: string } | undefined)?.code, "session_ended", "B's error code");
      await expectStatus(a.url, "GET", "/api/v1/connections", copied, 401);
    });

    await check("signing a user out everywhere on A is honoured by B at the next request", async () => {
      const operator = { cookie: await signedIn(b.url, "operator") };
      await expectStatus(b.url, "GET", "/api/v1/connections", operator, 200);
      const users = (await expectStatus(a.url, "GET", "/api/v1/users", admin, 200)) as {
        items: { id: string; email: string }[];
      };
      const id = users.items.find((user) => user.email === account("operator").email)?.id;
      if (!id) throw new Error("the operator is not in the user list");
      await expectStatus(a.url, "POST", `/api/v1/users/${id}/revoke-sessions`, admin, 200);
      await expectStatus(b.url, "GET", "/api/v1/connections", operator, 401);
    });

    await check("an API token made on B works on A, and its revocation on A is honoured by B", async () => {
      const created = (await expectStatus(b.url, "POST", "/api/v1/api-tokens", admin, 201, {
        name: "scale test",
        role: "operator",
        expiresInDays: 1,
      })) as { id: string; token: string };
      await expectStatus(a.url, "GET", "/api/v1/connections", { token: created.token }, 200);
      await expectStatus(a.url, "DELETE", `/api/v1/api-tokens/${created.id}`, admin, 200);
      await expectStatus(b.url, "GET", "/api/v1/connections", { token: created.token }, 401);
    });

    await check(
      "failed sign-ins count across both instances: the 5th locks the account on both",
      async () => {
        const { email, password } = account("viewer");
        const messages: string[] = [];
        for (const [n, base] of [a.url, b.url, a.url, b.url, a.url].entries()) {
          const { cookie, error } = await signIn(base, email, `wrong password ${n}`);
          if (cookie) throw new Error("a wrong password signed in");
          messages.push(error ?? "");
        }
        // No instance saw more than three failures: only a shared count can lock at five.
        expectEqual(messages.slice(0, 4), Array(4).fill("wrong-credentials"), "codes before the limit");
        expectEqual(messages[4], "locked-out", "5th answer");
        const right = await signIn(b.url, email, password);
        if (right.cookie || right.error !== "locked-out") {
          throw new Error(
            `the right password on B was not refused during the lock-out: ${JSON.stringify(right)}`,
          );
        }
      },
    );

    await check("both instances write one audit log", async () => {
      const log = (await expectStatus(
        b.url,
        "GET",
        "/api/v1/audit-events?action=users.revoke-sessions",
        admin,
        200,
      )) as {
        items: { action: string }[];
      };
      expectEqual(log.items.length, 1, "users.revoke-sessions events seen from B (done on A)");
    });

    const readBoth = async () => {
      const reads = [a, b, a, b, a, b, a, b].flatMap((instance) => [
        expectStatus(instance.url, "GET", "/api/v1/kerio/scale-kerio/extensions?pageSize=5", admin, 200),
        // Profiles, not vouchers: voucher lists answer from the console's index and do not reach Kiwire.
        expectStatus(instance.url, "GET", "/api/v1/kiwire/scale-kiwire/profiles", admin, 200),
      ]);
      await Promise.all(reads);
    };

    await check(
      "16 concurrent reads through both instances make one Kerio login and at most one Kiwire login",
      async () => {
        // The Kiwire index runner builds the voucher and user index at start-up, so its login may already be
        // in the shared state: then the reads reuse it and Kiwire sees none.
        const before = { kerio: kerio.stats.logins, kiwire: kiwire.stats.logins };
        await readBoth();
        await readBoth();
        const logins = {
          kerio: kerio.stats.logins - before.kerio,
          kiwire: kiwire.stats.logins - before.kiwire,
        };
        expectEqual(logins.kerio, 1, "Kerio logins seen by the simulator");
        if (logins.kiwire > 1)
          throw new Error(`Kiwire saw ${logins.kiwire} logins; at most one was expected`);
      },
    );

    await check("the vendor sessions in Redis are sealed, never in clear", async () => {
      const keys = await redis.keys("operator-console:vendor-session:*");
      expectEqual(keys.length, 2, "vendor sessions stored (Kerio and Kiwire)");
      for (const key of keys) {
        const value = String(await redis.get(key));
        // The vault's sealed form: version, key id, IV, tag, ciphertext.
        if (!/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/.test(value))
          throw new Error(`${key} is not sealed: ${value.slice(0, 40)}`);
      }
    });

    await check(
      "when the vendors end their sessions, both instances together log in again once",
      async () => {
        kerio.expireAllSessions();
        kiwire.expireAllTokens();
        const before = { kerio: kerio.stats.logins, kiwire: kiwire.stats.logins };
        await readBoth();
        expectEqual(
          { kerio: kerio.stats.logins - before.kerio, kiwire: kiwire.stats.logins - before.kiwire },
          { kerio: 1, kiwire: 1 },
          "vendor re-logins seen by the simulators",
        );
      },
    );

    await check(
      "an instance started with another NEXTAUTH_SECRET refuses to start and says why",
      async () => {
        const c = startInstance("C", portC ?? 0, connectionsFile, {
          NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        });
        const code = await exitOf(c.process, 60_000);
        if (code === 0) throw new Error("instance C exited with 0");
        const log = readFileSync(c.log, "utf8");
        if (!log.includes("NEXTAUTH_SECRET differs from the value the other running console instances use")) {
          throw new Error(`C's log does not name NEXTAUTH_SECRET:\n${log.slice(-800)}`);
        }
      },
    );
  } finally {
    await redis.close().catch(() => undefined);
    await stopInstances();
    await Promise.all([kerio.close(), kiwire.close()]);
  }
}

// Ctrl+C reaches this process, not the instances (they have their own process groups): stop them first.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopInstances().finally(() => process.exit(130)));
}

const started = Date.now();
main()
  .then(() => {
    console.log(
      `\nscale-out: all ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    rmSync(workDir, { recursive: true, force: true });
  })
  .catch((error: Error) => {
    if (!(error instanceof CheckFailed)) console.log(`FAIL  ${error.message}`);
    for (const instance of instances) {
      const log = readFileSync(instance.log, "utf8");
      console.log(
        `\n--- last lines of instance ${instance.name}'s log (${instance.log}) ---\n${log.split("\n").slice(-40).join("\n")}`,
      );
    }
    process.exitCode = 1;
  });
