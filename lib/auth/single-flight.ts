/**
 * One promise per key at a time, and its successful result kept for `keepMs` afterwards.
 * Used for token refreshes: Exist's refresh tokens are single-use, so two concurrent refreshes
 * of the same token would leave one request holding dead tokens (and log the user out).
 */
type Flight<V> = { promise: Promise<V>; value?: V; settledAt?: number };

export class SingleFlight<V> {
  private readonly flights = new Map<string, Flight<V>>();

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The running or recently finished result for `key`, or a new run of `work`. */
  run(key: string, work: () => Promise<V>): Promise<V> {
    this.sweep();
    const existing = this.flights.get(key);
    if (existing) return existing.promise;
    const flight: Flight<V> = {
      promise: work().then(
        (value) => {
          flight.value = value;
          flight.settledAt = this.now();
          return value;
        },
        (error: unknown) => {
          // Failures are not kept: the next request may try again.
          this.flights.delete(key);
          throw error;
        },
      ),
    };
    this.flights.set(key, flight);
    return flight.promise;
  }

  /** A result for `key` that finished within `keepMs`, without starting anything. */
  peek(key: string): V | undefined {
    this.sweep();
    return this.flights.get(key)?.value;
  }

  private sweep(): void {
    const cutoff = this.now() - this.keepMs;
    for (const [key, flight] of this.flights) {
      if (flight.settledAt !== undefined && flight.settledAt < cutoff) this.flights.delete(key);
    }
  }
}
