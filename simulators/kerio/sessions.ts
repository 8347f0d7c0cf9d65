import { randomBytes } from "node:crypto";
import type { SimClock } from "../shared/clock";

/**
 * Admin sessions. A session is the pair a real Kerio hands out at login: the `SESSION_<PRODUCT>_WEBADMIN`
 * cookie and the token (also sent as the `TOKEN_<PRODUCT>_WEBADMIN` cookie); later calls must bring the
 * session cookie and the token in `X-Token` (notes §1.4). Both values are 64 hex characters as in the
 * browser captures; they come from the system RNG, not the seeded one, because they are secrets, not data.
 */
export interface KerioSession {
  id: string;
  token: string;
  userName: string;
  remoteAddress: string;
  createdAt: number;
  lastSeenAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, KerioSession>();

  constructor(
    private readonly clock: SimClock,
    /** Idle time after which a session is gone; mutable so tests can shorten it while running. */
    public idleTimeoutMs: number,
  ) {}

  create(userName: string, remoteAddress: string): KerioSession {
    const now = this.clock.now();
    const session: KerioSession = {
      id: randomBytes(32).toString("hex"),
      token: randomBytes(32).toString("hex"),
      userName,
      remoteAddress,
      createdAt: now,
      lastSeenAt: now,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for a cookie value; a timed-out one is dropped and reported as absent. */
  find(id: string): KerioSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.clock.now() - session.lastSeenAt > this.idleTimeoutMs) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  touch(session: KerioSession): void {
    session.lastSeenAt = this.clock.now();
  }

  destroy(session: KerioSession): void {
    this.sessions.delete(session.id);
  }

  /** Ends every session at once, as a server restart or an admin "log out everyone" would. */
  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  /** Sessions still alive now (timed-out ones are not counted). */
  active(): KerioSession[] {
    return [...this.sessions.keys()].flatMap((id) => {
      const session = this.find(id);
      return session ? [session] : [];
    });
  }
}
