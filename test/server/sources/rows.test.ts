// Records → rows: drifted values become proper cells, ids stay text, shares become numbers.

import { describe, expect, it } from "vitest";
import { recordsTable } from "../../../src/server/sources/rows.js";
import {
  dateInZone,
  numberCell,
  profileUrl,
  textCell,
  yyyymmddCell,
} from "../../../src/server/sources/values.js";

describe("cell values", () => {
  it.each([
    [1234, 1234],
    ["1234", 1234],
    [" 0.0512 ", 0.0512],
    ["1e3", 1000],
    [null, ""],
    [undefined, ""],
    ["", ""],
    ["N/A", "N/A"],
    [Number.NaN, ""],
  ])("numberCell(%j) = %j", (value, cell) => {
    expect(numberCell(value)).toEqual(cell);
  });

  it.each([
    ["6787580688797713413", "6787580688797713413"],
    ["0012345", "0012345"],
    [1000038, "1000038"],
    [null, ""],
    [{ a: 1 }, '{"a":1}'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
  ])("textCell(%j) = %j", (value, cell) => {
    expect(textCell(value)).toBe(cell);
  });

  it("reads yyyymmdd as midnight in the spreadsheet's time zone", () => {
    expect(yyyymmddCell(20250816, "Etc/UTC")).toEqual(new Date("2025-08-16T00:00:00Z"));
    expect(yyyymmddCell("20250816", "America/New_York")).toEqual(new Date("2025-08-16T04:00:00Z"));
    expect(yyyymmddCell(20250816, "Asia/Shanghai")).toEqual(new Date("2025-08-15T16:00:00Z"));
    expect(yyyymmddCell(20251399, "Etc/UTC")).toBe("20251399");
    expect(dateInZone(2026, 3, 8, "America/Los_Angeles")).toEqual(new Date("2026-03-08T08:00:00Z"));
  });

  it("builds profile links from handles", () => {
    expect(profileUrl("hannahdowns")).toBe("https://www.tiktok.com/@hannahdowns");
    expect(profileUrl("@mia.k")).toBe("https://www.tiktok.com/@mia.k");
    expect(profileUrl("")).toBe("");
    expect(profileUrl(null)).toBe("");
  });
});

describe("recordsTable", () => {
  const keyApiRecord = {
    user_id: "6787580688797713413",
    unique_id: "hannahdowns",
    nick_name: "=cmd|' /C calc'!A0",
    total_followers_cnt: "183",
    interaction_rate: 0.0512,
    first_crawl_dt: 20250816,
    seller_id: null,
    influencer_video_publish_hour: '{"0":0.1}',
    new_metric_v3: 42,
  };

  it("KeyAPI: labels, numbers from strings, text kept, derived profile link, unknown fields ignored", () => {
    const table = recordsTable(
      "keyapi",
      [keyApiRecord],
      {
        columns: [
          "user_id",
          "nick_name",
          "profile_url",
          "total_followers_cnt",
          "interaction_rate",
          "first_crawl_dt",
          "seller_id",
          "influencer_video_publish_hour",
        ],
        headers: "labels",
      },
      "Etc/UTC",
    );
    expect(table).toEqual([
      [
        "User ID",
        "Name",
        "Profile",
        "Followers",
        "Interaction rate",
        "First seen",
        "Shop ID",
        "Posting hours",
      ],
      [
        "6787580688797713413",
        "=cmd|' /C calc'!A0",
        "https://www.tiktok.com/@hannahdowns",
        183,
        0.0512,
        new Date("2025-08-16T00:00:00Z"),
        "",
        '{"0":0.1}',
      ],
    ]);
  });

  it("answers keys or no header as asked", () => {
    expect(
      recordsTable("keyapi", [keyApiRecord], { columns: ["user_id"], headers: "keys" }, "Etc/UTC"),
    ).toEqual([["user_id"], ["6787580688797713413"]]);
    expect(
      recordsTable("keyapi", [keyApiRecord], { columns: ["user_id"], headers: "none" }, "Etc/UTC"),
    ).toEqual([["6787580688797713413"]]);
  });

  it("FastMoss: nested paths, shares as numbers, categories joined, missing values empty", () => {
    const entry = {
      uid: "6787580688797713413",
      potential_index: 83,
      usd_gmv: "244052.07",
      creator: {
        unique_id: "itzesantana11",
        category: { id: 4, name: "Beauty" },
        follower_genders: [
          { key: "female", value: "0.6319" },
          { key: "male", value: "0.3681" },
        ],
        follower_ages: [{ key: "55+", value: "0.0904" }],
      },
      sales_category_l3: [
        { id: 601554, name: "Concealer & Foundation" },
        { id: 601619, name: "Serums & Essences" },
      ],
    };
    const table = recordsTable(
      "fastmoss",
      [entry],
      {
        columns: [
          "uid",
          "potential_index",
          "usd_gmv",
          "creator.category.name",
          "creator.follower_genders.female",
          "creator.follower_ages.55+",
          "creator.follower_ages.18-24",
          "sales_category_l3",
          "profile_url",
          "creator.follower_count",
        ],
        headers: "keys",
      },
      "Etc/UTC",
    );
    expect(table[1]).toEqual([
      "6787580688797713413",
      83,
      244052.07,
      "Beauty",
      0.6319,
      0.0904,
      "",
      "Concealer & Foundation, Serums & Essences",
      "https://www.tiktok.com/@itzesantana11",
      "",
    ]);
  });
});
