// Followers that move over (virtual) time, on demand: with the `growth` knob set, each creator's
// follower count grows — or shrinks — by a daily rate of its own, fixed by the seed and its id,
// from `since` to the request's virtual now. History pulls run at different times then see
// different counts, as they would against the real APIs. Filters and sorting keep the base counts.

import { fraction } from "./random.js";

const DAY_MS = 86_400_000;

export interface GrowthKnob {
  /** Virtual time (epoch ms) at which every creator has its dataset's follower count. */
  since: number;
  /** The daily rates are spread from −minRate to maxRate (defaults 0.02 and 0.08). */
  minRate?: number;
  maxRate?: number;
}

/** The creator's own daily growth rate. */
export function dailyGrowthRate(seed: number, id: string, knob: GrowthKnob): number {
  const low = -(knob.minRate ?? 0.02);
  const high = knob.maxRate ?? 0.08;
  return low + fraction(seed, "growth", id) * (high - low);
}

/** The follower count at `now`: the base compounded daily from `since` (never before it). */
export function grownFollowers(
  seed: number,
  id: string,
  base: number,
  knob: GrowthKnob | null,
  now: number,
): number {
  if (knob === null) return base;
  const days = Math.max(0, (now - knob.since) / DAY_MS);
  return Math.max(0, Math.round(base * (1 + dailyGrowthRate(seed, id, knob)) ** days));
}
