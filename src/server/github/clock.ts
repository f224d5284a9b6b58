/**
 * Time as the GitHub client sees it: when it is, and how to wait. Injected so that tests can wait out
 * an hour's rate-limit reset at once (a fake clock advances instead of sleeping).
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
