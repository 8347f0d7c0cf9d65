import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./free-port";

/**
 * A throw-away redis-server for the shared-state tests: its own free port, nothing saved to disk, stopped
 * with the test file. Tests that need it fail (never skip) when redis-server is missing, with the command
 * that installs it: `npm test` installs it when run as root (scripts/test.sh).
 */

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const REDIS_MISSING =
  "redis-server is not installed, and the Redis shared-state tests need it: `apt-get install -y redis-server` " +
  "(scripts/test.sh does this when run as root), or set REDIS_SERVER to its path.";

function redisServerBinary(): string {
  const binary = process.env.REDIS_SERVER ?? "redis-server";
  const probe = spawnSync(binary, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) throw new Error(REDIS_MISSING);
  return binary;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  const binary = redisServerBinary();
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  for (let attempt = 0; !(await answersPing(port)); attempt++) {
    if (exited || attempt > 100) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await sleep(50);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
}
