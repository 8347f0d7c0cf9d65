import { describe, expect, it } from "vitest";
import { MemoryState } from "./memory-state";
import { VendorSessions } from "./vendor-sessions";

interface Token {
  token: string;
  issuedAt: number;
}

function sessions(state = new MemoryState()) {
  return new VendorSessions<Token>({
    kind: "test-token",
    ttlMs: 60_000,
    parse: (raw) => raw as Token,
    state: () => state,
  });
}

function countingLogin() {
  const calls = { count: 0 };
  const login = async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { token: `t${calls.count}`, issuedAt: calls.count };
  };
  return { calls, login };
}

describe("vendor sessions in one instance", () => {
  it("logs in once for concurrent callers and reuses the session afterwards", async () => {
    const store = sessions();
    const { calls, login } = countingLogin();
    const leases = await Promise.all(Array.from({ length: 6 }, () => store.obtain("conn-1", login)));
    expect(new Set(leases.map((lease) => lease.value.token))).toEqual(new Set(["t1"]));
    expect((await store.obtain("conn-1", login)).value.token).toBe("t1");
    expect((await store.obtain("conn-2", login)).value.token).toBe("t2");
    expect(calls.count).toBe(2);
  });

  it("logs in again when the stored session is no longer usable", async () => {
    const store = sessions();
    const { calls, login } = countingLogin();
    await store.obtain("conn", login);
    const renewed = await store.obtain("conn", login, (value) => value.issuedAt > 1);
    expect(renewed.value.token).toBe("t2");
    expect(calls.count).toBe(2);
  });

  it("drops a refused session once, even when several callers saw it fail", async () => {
    const store = sessions();
    const { calls, login } = countingLogin();
    const stale = await store.obtain("conn", login);
    await store.invalidate("conn", stale);
    const fresh = await store.obtain("conn", login);
    // A second caller that saw the old session fail must not drop the new one.
    await store.invalidate("conn", stale);
    expect((await store.obtain("conn", login)).value).toEqual(fresh.value);
    expect(calls.count).toBe(2);
  });

  it("never hands the refused session to the caller that dropped it, even while a lookup is under way", async () => {
    const state = new MemoryState();
    const store = sessions(state);
    const { calls, login } = countingLogin();
    const stale = await store.obtain("conn", login);
    // Another request's lookup starts while the session is still stored, and is slow to finish reading it.
    const get = state.get.bind(state);
    let slow = true;
    state.get = async (key) => {
      const value = await get(key);
      if (slow) {
        slow = false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return value;
    };
    const other = store.obtain("conn", login);
    await store.invalidate("conn", stale);
    const replay = await store.obtain("conn", login);
    expect(replay.value.token).toBe("t2");
    expect((await other).value.token).toBe("t1");
    expect(calls.count).toBe(2);
  });

  it("does not keep a failed login: the next caller tries again", async () => {
    const store = sessions();
    let attempt = 0;
    const login = async () => {
      attempt++;
      if (attempt === 1) throw new Error("appliance down");
      return { token: "late", issuedAt: 0 };
    };
    await expect(store.obtain("conn", login)).rejects.toThrow("appliance down");
    expect((await store.obtain("conn", login)).value.token).toBe("late");
  });

  it("keeps values in clear only inside the process", async () => {
    const state = new MemoryState();
    await sessions(state).obtain("conn", countingLogin().login);
    expect(await state.get("vendor-session:test-token:conn")).toBe('{"token":"t1","issuedAt":1}');
  });
});
