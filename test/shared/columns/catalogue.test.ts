// The column catalogues against the APIs' own documentation and the SPEC's column rules.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogueOf, SEEN_KEYS, SOURCE_NAMES } from "../../../src/shared/columns/index.js";

/** The field names of the seed's example answer record (KeyAPI's own documentation). */
function keyapiSeedFields(): string[] {
  const seed = readFileSync("dev/fake-api/seeds/keyapi-influencer-list-analytics.txt", "utf8");
  const example = seed.slice(seed.indexOf("example:\n                  code: 0"));
  const record = example.slice(example.indexOf("data:"), example.indexOf("requestId:"));
  return [...record.matchAll(/^\s+(?:- )?([a-z0-9_]+):(?:\s|$)/gm)]
    .map((match) => match[1]!)
    .filter((key) => key !== "data");
}

describe("column catalogues", () => {
  it.each(SOURCE_NAMES)(
    "%s: keys are unique, defaults and the id exist, every entry is complete",
    (source) => {
      const catalogue = catalogueOf(source);
      const keys = catalogue.columns.map((spec) => spec.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of catalogue.defaultKeys) expect(keys).toContain(key);
      expect(catalogue.defaultKeys).toContain(catalogue.idKey);
      expect(keys).toContain("profile_url");
      for (const spec of catalogue.columns) {
        expect(spec.label.en, spec.key).not.toBe("");
        expect(spec.label.zh, spec.key).not.toBe("");
        expect(spec.description.en, spec.key).toMatch(/\.$/);
        expect(spec.description.zh, spec.key).not.toBe("");
      }
    },
  );

  it("KeyAPI: every field of the documented answer, plus profile_url", () => {
    const fields = keyapiSeedFields();
    expect(fields.length).toBeGreaterThan(45);
    expect(
      catalogueOf("keyapi")
        .columns.map((spec) => spec.key)
        .sort(),
    ).toEqual([...fields, "profile_url", ...SEEN_KEYS].sort());
  });

  it("KeyAPI: interaction rate is a ratio, money fields are money, counts are counts, ids are text", () => {
    const format = new Map(catalogueOf("keyapi").columns.map((spec) => [spec.key, spec.format]));
    expect(format.get("interaction_rate")).toBe("ratio");
    expect(format.get("user_id")).toBe("text");
    expect(format.get("first_crawl_dt")).toBe("date");
    for (const [key, kind] of format) {
      if (key.endsWith("_amt")) expect(kind, key).toBe("money");
      if (key.endsWith("_cnt")) expect(kind, key).toBe("count");
    }
  });

  it("FastMoss: exactly the SPEC's column paths", () => {
    expect(
      catalogueOf("fastmoss")
        .columns.map((spec) => spec.key)
        .sort(),
    ).toEqual(
      [
        "uid",
        "potential_index",
        "gmv",
        "usd_gmv",
        "units_sold",
        "avg_play_count",
        "video_count",
        "live_units_sold",
        "video_units_sold",
        "ecommerce_type",
        "creator.uid",
        "creator.unique_id",
        "creator.nickname",
        "creator.avatar",
        "creator.region",
        "creator.category.name",
        "creator.follower_count",
        "creator.video_count",
        "creator.follower_genders.female",
        "creator.follower_genders.male",
        "creator.follower_ages.18-24",
        "creator.follower_ages.25-34",
        "creator.follower_ages.35-44",
        "creator.follower_ages.45-54",
        "creator.follower_ages.55+",
        "sales_category_l3",
        "profile_url",
        // Kept by upsert pulls, not sent by the API.
        ...SEEN_KEYS,
      ].sort(),
    );
  });
});
