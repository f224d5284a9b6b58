/**
 * A clock for the GitHub client that never sleeps: a wait moves its time forward at once and is
 * recorded, so a test can wait out an hour's rate-limit reset and check how long it waited.
 */
import type { Clock } from '@/server/github/clock';

export interface FakeClock extends Clock {
  /** Each wait asked for, in milliseconds, in order. */
  sleeps: number[];
}

export function fakeClock(start = Date.now()): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
  };
}
