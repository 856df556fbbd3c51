// Schema drift on demand: numbers as strings, unknown fields, missing fields, null numbers — each for
// a fixed subset of records (chosen by seed and id), so a test sees the same drift every run.

import { fraction } from "./random.js";

export interface DriftFlags {
  /** Some records send their numbers as strings ("1234"). */
  numbersAsStrings: boolean;
  /** Some records carry fields the docs do not know (`new_metric_v3`, …). */
  extraFields: boolean;
  /** Some records lack some documented fields. */
  missingFields: boolean;
  /** Some records send some numbers as null. */
  nullNumbers: boolean;
  /** FastMoss answers say `msg` instead of `message`. */
  fastmossMsgField: boolean;
  /** Some records carry a name longer than a cell holds (50,001 characters). */
  longNames: boolean;
}

export const NO_DRIFT: Readonly<DriftFlags> = {
  numbersAsStrings: false,
  extraFields: false,
  missingFields: false,
  nullNumbers: false,
  fastmossMsgField: false,
  longNames: false,
};

/** A name one character longer than a Sheets cell takes. */
export const LONG_NAME_CHARS = 50_001;
const NAME_FIELDS = ["nick_name", "nickname"];

/** The share of records each record-level drift touches. */
export const DRIFT_SHARE = {
  numbersAsStrings: 0.3,
  extraFields: 0.25,
  missingFields: 0.2,
  nullNumbers: 0.2,
  longNames: 0.05,
} as const;

type RecordDrift = keyof typeof DRIFT_SHARE;

/** Whether the record with this id is in the drift's subset. */
export function drifts(seed: number, drift: RecordDrift, id: string): boolean {
  return fraction(seed, "drift", drift, id) < DRIFT_SHARE[drift];
}

/** Which of `fields` (about one in three, at least one) the drift touches in this record. */
function someFields(seed: number, drift: RecordDrift, id: string, fields: readonly string[]) {
  const chosen = fields.filter((field) => fraction(seed, "drift-field", drift, id, field) < 0.34);
  return chosen.length > 0 ? chosen : fields.slice(0, 1);
}

/**
 * Applies the record-level drifts to one flat object in place. `protectedFields` (ids) never go
 * missing or null: without them no client could tell records apart, and no real API drops its key.
 */
export function driftRecord(
  record: Record<string, unknown>,
  flags: Readonly<DriftFlags>,
  seed: number,
  id: string,
  protectedFields: readonly string[],
): void {
  const numberFields = () =>
    Object.keys(record).filter(
      (field) => typeof record[field] === "number" && !protectedFields.includes(field),
    );
  if (flags.numbersAsStrings && drifts(seed, "numbersAsStrings", id)) {
    for (const field of numberFields()) record[field] = String(record[field]);
  }
  if (flags.nullNumbers && drifts(seed, "nullNumbers", id)) {
    for (const field of someFields(seed, "nullNumbers", id, numberFields())) record[field] = null;
  }
  if (flags.missingFields && drifts(seed, "missingFields", id)) {
    const candidates = Object.keys(record).filter((field) => !protectedFields.includes(field));
    for (const field of someFields(seed, "missingFields", id, candidates)) delete record[field];
  }
  if (flags.longNames && drifts(seed, "longNames", id)) {
    for (const field of NAME_FIELDS.filter((name) => typeof record[name] === "string")) {
      const name = record[field] as string;
      record[field] = name.padEnd(LONG_NAME_CHARS, "ー");
    }
  }
  if (flags.extraFields && drifts(seed, "extraFields", id)) {
    record.new_metric_v3 = Math.round(fraction(seed, "extra", id) * 100_000) / 100;
    record.experiment_tags = ["beta", "ranking_v3"];
    record.ext_info = { source: "v3", updated_at: 1_767_225_600 };
  }
}
