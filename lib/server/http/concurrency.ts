/**
 * How many requests the console has at one appliance at once. No vendor document says how many an appliance
 * serves, nor what it does with one more: it may queue it, close the connection, or answer 503 (the
 * simulators' connection limit plays each). The connection's setting is the most the console ever sends.
 *
 * An answer that says the appliance had too many (`overloaded`) lowers the limit to one below what was in
 * flight. Reads then probe upwards again, one more after each run of PROBE_AFTER × `limit` answers taken
 * with every place in use, as TCP's congestion window grows: a lasting limit is found within a few answers,
 * one that has passed (a restart, a busy minute) is forgotten, and a probe past a lasting limit (one read
 * turned away and asked again) comes once in that many answers. Writes do not probe, since a write whose
 * connection closed may have run and is not sent again: they go only as many at once as the appliance has
 * answered together since it last turned one away.
 *
 * Each place is a slot with a socket of its own, and a request takes the lowest free one, so the console never
 * holds more sockets open than its limit: an appliance that counts open connections, idle ones included, sees
 * no more than the requests the console has in flight (the client closes the sockets of slots past the limit).
 */
const PROBE_AFTER = 8;

export type Outcome = "answered" | "overloaded" | "failed";
export type RequestKind = "read" | "write";

export class ConcurrencyGate {
  /** Reads may go this many at once. */
  private limit: number;
  /** Writes may go this many at once: the most answered together since the last overload, at most `limit`. */
  private proven: number;
  private inFlight = 0;
  private fullAnswers = 0;
  private readonly taken: boolean[];
  private readonly waiting: Array<{ kind: RequestKind; go: (slot: number) => void }> = [];

  constructor(private readonly most: number) {
    this.limit = most;
    this.proven = most;
    this.taken = Array(most).fill(false);
  }

  /** How many reads and writes may go at once now. */
  get current(): { reads: number; writes: number } {
    return { reads: this.limit, writes: this.proven };
  }

  /** Whether a request holds this slot now. */
  inUse(slot: number): boolean {
    return this.taken[slot] === true;
  }

  /**
   * Waits, first come first served, until a request of this kind may go, and gives it its slot (0 to the
   * setting's most, less one). Each acquire is followed by one release of that slot.
   */
  acquire(kind: RequestKind): Promise<number> {
    if (this.waiting.length === 0 && this.admits(kind)) return Promise.resolve(this.take());
    return new Promise((go) => this.waiting.push({ kind, go }));
  }

  release(slot: number, outcome: Outcome): void {
    const alongside = this.inFlight;
    this.inFlight--;
    this.taken[slot] = false;
    if (outcome === "overloaded") {
      // Alone at the appliance, an overload says nothing about how many it takes: the limit stays.
      if (alongside > 1) this.limit = Math.min(this.limit, alongside - 1);
      this.proven = Math.min(this.proven, this.limit);
      this.fullAnswers = 0;
    } else if (outcome === "answered") {
      this.proven = Math.min(this.limit, Math.max(this.proven, alongside));
      if (
        alongside >= this.limit &&
        this.limit < this.most &&
        ++this.fullAnswers >= PROBE_AFTER * this.limit
      ) {
        this.limit++;
        this.fullAnswers = 0;
      }
    }
    while (this.waiting.length > 0 && this.admits(this.waiting[0]!.kind))
      this.waiting.shift()!.go(this.take());
  }

  /** Fewer than `limit` requests are in flight, so one of the slots below it is free: the lowest is taken. */
  private take(): number {
    this.inFlight++;
    const slot = this.taken.indexOf(false);
    this.taken[slot] = true;
    return slot;
  }

  private admits(kind: RequestKind): boolean {
    return this.inFlight < (kind === "read" ? this.limit : this.proven);
  }
}
