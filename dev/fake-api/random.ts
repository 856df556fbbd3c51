// Seeded randomness for the fake APIs: the same seed gives the same data, jitter and ids, so a
// failing test can be replayed exactly.

/** A 32-bit hash of the parts (FNV-1a, then a murmur3 finaliser to spread close inputs apart). */
export function hashParts(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) fixed by the parts: for decisions that must not depend on call order. */
export function fraction(...parts: readonly (string | number)[]): number {
  return hashParts(...parts) / 4294967296;
}

/** mulberry32: tiny, fast and good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded stream of random draws (a class, so that creating one per creator stays cheap). */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread of the logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Picks a value by weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A string of `length` decimal digits, the first one not zero (nine digits per draw). */
  digits(length: number): string {
    let text = String(1 + Math.floor(this.next() * 9));
    while (text.length + 9 <= length) text += String(1e9 + Math.floor(this.next() * 1e9)).slice(1);
    if (text.length < length) {
      text += String(1e9 + Math.floor(this.next() * 1e9)).slice(1, 1 + length - text.length);
    }
    return text;
  }

  hex(length: number): string {
    let text = "";
    while (text.length < length)
      text += Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, "0");
    return text.slice(0, length);
  }
}

export function createRandom(...seedParts: readonly (string | number)[]): Random {
  return new Random(hashParts(...seedParts));
}

/** A uuid-shaped id fixed by the parts (the APIs' request ids look like this). */
export function uuidFrom(...parts: readonly (string | number)[]): string {
  const random = createRandom("uuid", ...parts);
  const hex = random.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
