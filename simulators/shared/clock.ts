/**
 * The simulator's own clock. Vendor appliances drift, and the console must cope (the Kalliope `Created`
 * window, Kiwire's signed `time`), so tests move this clock ahead or behind while the simulator runs.
 */
export interface SimClock {
  now(): number;
  /** Milliseconds added to the real time; negative runs the simulator behind. */
  offsetMs: number;
}

export function createClock(offsetMs = 0): SimClock {
  return {
    offsetMs,
    now() {
      return Date.now() + this.offsetMs;
    },
  };
}
