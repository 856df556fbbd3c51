// The search form as data: the query it sends, its problems by field (from the shared schemas),
// its cost, and saved queries loaded back into it.

import { describe, expect, it } from "vitest";
import { KEYAPI_COLUMNS } from "../../src/shared/columns/index.js";
import {
  costLine,
  emptyForm,
  formFromSaved,
  nameProblem,
  pullPayload,
  queryPayload,
  queryProblems,
  type SearchForm,
  savedPayload,
  sheetProblem,
  touched,
  type WriteMode,
  withFilter,
  withSourceForm,
} from "../../src/sidebar/search/form.js";
import { problemText } from "../../src/sidebar/search/problems.js";

/** Tuesday 10 March 2026, 13:00 UTC. */
const NOW = Date.UTC(2026, 2, 10, 13);
const CONTEXT = { now: NOW, timeZone: "UTC" };

function form(changes: {
  source?: "keyapi" | "fastmoss";
  filters?: Record<string, string>;
  region?: string;
  limit?: string;
}): SearchForm {
  let result: SearchForm = { ...emptyForm(), source: changes.source ?? "keyapi" };
  for (const [name, text] of Object.entries(changes.filters ?? {})) {
    result = withFilter(result, name, text);
  }
  const { region, limit } = changes;
  return withSourceForm(result, {
    ...(region === undefined ? {} : { region }),
    ...(limit === undefined ? {} : { limit }),
  });
}

const problems = (f: SearchForm, locale: "en" | "zh" = "en") =>
  Object.fromEntries(
    [...queryProblems(f, CONTEXT)].map(([name, problem]) => [name, problemText(problem, locale)]),
  );

describe("queryPayload", () => {
  it("sends each filter normalised as the shared schema reads it", () => {
    const payload = queryPayload(
      form({
        region: " us ",
        limit: "250",
        filters: {
          min_total_followers_cnt: "100,000",
          min_interaction_rate: "5%",
          sort_type: "1",
          influencer_category_name: "  Beauty ",
          gender: "",
        },
      }),
    );
    expect(payload).toEqual({
      source: "keyapi",
      region: "US",
      limit: 250,
      filters: {
        min_total_followers_cnt: 100000,
        min_interaction_rate: 0.05,
        sort_type: 1,
        influencer_category_name: "Beauty",
      },
      headers: "labels",
    });
  });

  it("leaves the columns out for the default set, says all, or lists picks in catalogue order", () => {
    const base = form({});
    expect(queryPayload(base)).not.toHaveProperty("columns");
    expect(queryPayload(withSourceForm(base, { columnsMode: "all" })).columns).toBe("all");
    const picked = withSourceForm(base, {
      columnsMode: "pick",
      picked: ["profile_url", "user_id", "nick_name"],
    });
    const order = KEYAPI_COLUMNS.columns.map((c) => c.key);
    const expected = ["profile_url", "user_id", "nick_name"].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    expect(queryPayload(picked).columns).toEqual(expected);
  });

  it("sends FastMoss's period as date_type and date_value filters", () => {
    const payload = queryPayload(
      form({
        source: "fastmoss",
        region: "DE",
        filters: { date_type: "week", date_value: "2026-09" },
      }),
    );
    expect(payload.filters).toEqual({ date_type: "week", date_value: "2026-09" });
    expect(payload.region).toBe("DE");
  });

  it("adds the sheet and mode for a pull, and the name, schedule and id for a saved query", () => {
    const f: SearchForm = {
      ...withSourceForm(form({}), { sheet: " Creators ", mode: "upsert" }),
      name: " Daily ",
      schedule: "daily",
    };
    expect(pullPayload(f)).toMatchObject({ sheet: "Creators", mode: "upsert" });
    expect(savedPayload(f)).toMatchObject({ name: "Daily", schedule: "daily" });
    expect(savedPayload(f)).not.toHaveProperty("id");
    expect(savedPayload({ ...f, editingId: "q7" }).id).toBe("q7");
  });
});

describe("queryProblems", () => {
  it("has none for the form as it opens, for either source", () => {
    expect(problems(form({}))).toEqual({});
    expect(problems(form({ source: "fastmoss" }))).toEqual({});
  });

  it("names each field's problem with the shared messages, in the sidebar's language", () => {
    const f = form({ filters: { min_interaction_rate: "abc", sort_type: "3" }, limit: "0" });
    // The person sees labels next to the fields, so messages name the fields by those labels.
    expect(problems(f)).toEqual({
      min_interaction_rate:
        'Interaction rate, at least is a ratio from 0 to 1 (0.05 means 5 %), not "abc".',
      sort_type: 'Sort order must be one of 0 (Ascending), 1 (Descending), not "3".',
      limit: "Rows must be a whole number from 1 to 100,000, not 0.",
    });
    expect(problems(f, "zh").min_interaction_rate).toContain("比例");
    expect(problems(f, "zh").limit).toMatch(/^行数 必须是/);
  });

  it("checks the whole query: a minimum above its maximum shows at the minimum", () => {
    const f = form({
      filters: { min_total_followers_cnt: "5000", max_total_followers_cnt: "100" },
    });
    expect(Object.keys(problems(f))).toEqual(["min_total_followers_cnt"]);
    expect(problems(f).min_total_followers_cnt).toContain(
      "the minimum cannot be more than the maximum",
    );
    expect(problems(f).min_total_followers_cnt).toMatch(
      /^Followers, at least \(5000\) is above Followers, at most/,
    );
    expect(problems(f, "zh").min_total_followers_cnt).toMatch(/^粉丝数下限（5000）大于 粉丝数上限/);
    expect(problems(f, "zh").min_total_followers_cnt).not.toContain("total_followers_cnt");
  });

  it("checks the region against the source", () => {
    expect(problems(form({ region: "USA" })).region).toContain("two-letter");
    expect(problems(form({ source: "fastmoss", region: "CA" })).region).toContain(
      "FastMoss covers",
    );
    expect(problems(form({ region: "" })).region).toContain("required");
  });

  it("refuses a FastMoss period that isn't over", () => {
    const f = form({ source: "fastmoss", filters: { date_type: "month", date_value: "2026-03" } });
    expect(problems(f).date_value).toContain("not over yet");
    const done = form({
      source: "fastmoss",
      filters: { date_type: "month", date_value: "2026-02" },
    });
    expect(problems(done)).toEqual({});
  });

  it("asks for at least one column when picking", () => {
    const f = withSourceForm(form({}), { columnsMode: "pick", picked: [] });
    expect(problems(f)).toEqual({ columns: "Pick at least one column." });
  });
});

describe("sheet and name", () => {
  it("must be given, and not too long", () => {
    const f = form({});
    const named = (sheet: string, mode: WriteMode = "replace") =>
      withSourceForm(f, { sheet, mode });
    expect(problemText(sheetProblem(f), "en")).toBe("Enter the name of the sheet to write to.");
    expect(sheetProblem(named("Creators"))).toBeUndefined();
    expect(problemText(sheetProblem(named("x".repeat(101))), "zh")).toContain("100");
    expect(problemText(nameProblem(f), "en")).toBe("Enter a name for this saved query.");
    expect(nameProblem({ ...f, name: "Daily" })).toBeUndefined();
  });

  it("show their problems once typed into, each field noted once", () => {
    const f = form({});
    const typed = touched(touched(touched(f, "sheet"), "name"), "sheet");
    expect(typed.touched).toEqual(["sheet", "name"]);
    expect(touched(typed, "name")).toBe(typed);
    expect(f.touched).toEqual([]);
  });
});

describe("the target sheet", () => {
  const keyapiSheet = { name: "Creators", header: ["Handle", "User ID"], filled: true };
  const plain = { name: "Notes", header: ["my title"], filled: true };
  const history = { name: "Growth", header: ["快照时间", "User ID"], filled: true };
  const sheets = [keyapiSheet, plain, history];
  const target = (source: "keyapi" | "fastmoss", sheet: string, mode: WriteMode) =>
    withSourceForm({ ...emptyForm(), source }, { sheet, mode });

  it("refuses the add-on's own sheets, whatever their case", () => {
    expect(problemText(sheetProblem(target("keyapi", "tt run log", "replace")), "en")).toMatch(
      /add-on's own sheet/,
    );
    expect(sheetProblem(target("keyapi", "TT STAGING 1", "append"))).toBeDefined();
    expect(sheetProblem(target("keyapi", "tt diagnostics", "replace"))).toBeDefined();
  });

  it("refuses another source's sheet for append, upsert and history, not for replace", () => {
    for (const mode of ["append", "upsert", "history"] as const) {
      expect(problemText(sheetProblem(target("fastmoss", "creators", mode), sheets), "en")).toMatch(
        /“creators” holds KeyAPI rows/,
      );
    }
    expect(sheetProblem(target("fastmoss", "Creators", "replace"), sheets)).toBeUndefined();
    expect(sheetProblem(target("keyapi", "Creators", "append"), sheets)).toBeUndefined();
  });

  it("takes history only onto an empty sheet or a history sheet (labels in either language)", () => {
    expect(problemText(sheetProblem(target("keyapi", "Notes", "history"), sheets), "zh")).toMatch(
      /不是历史记录工作表/,
    );
    expect(sheetProblem(target("keyapi", "Growth", "history"), sheets)).toBeUndefined();
    expect(sheetProblem(target("keyapi", "New one", "history"), sheets)).toBeUndefined();
    expect(sheetProblem(target("keyapi", "Notes", "append"), sheets)).toBeUndefined();
  });
});

describe("withFilter", () => {
  it("starts the period value afresh when its type changes", () => {
    let f = form({ source: "fastmoss", filters: { date_value: "2026-03-01" } });
    f = withFilter(f, "date_type", "week");
    expect(f.bySource.fastmoss.filters).toEqual({ date_type: "week", date_value: "" });
    expect(f.bySource.keyapi).toEqual(emptyForm().bySource.keyapi);
  });
});

describe("costLine", () => {
  it("prices the limit with the shared estimate, in the sidebar's language", () => {
    expect(costLine("keyapi", "100", "en")).toBe("Up to 10 requests · 10 credits");
    expect(costLine("keyapi", "5", "en")).toBe("Up to 1 request · 1 credit");
    expect(costLine("keyapi", "100000", "en")).toBe("Up to 10,000 requests · 10,000 credits");
    expect(costLine("keyapi", "", "en")).toBe("Up to 1 request · 1 credit");
    expect(costLine("fastmoss", "1000", "en")).toBe("Up to 10 requests · 0 credits");
    expect(costLine("keyapi", "100", "zh")).toBe("最多 10 次请求 · 10 个额度");
  });

  it("has no price while the limit isn't valid", () => {
    expect(costLine("keyapi", "abc", "en")).toBeUndefined();
    expect(costLine("fastmoss", "1001", "en")).toBeUndefined();
    expect(costLine("keyapi", "0", "en")).toBeUndefined();
  });
});

describe("formFromSaved", () => {
  it("loads a saved query back so that saving it again sends the same query and its id", () => {
    const query = {
      source: "fastmoss",
      region: "DE",
      limit: 300,
      filters: {
        follower_count_min: 10000,
        ecommerce_type: 2,
        date_type: "week",
        date_value: "2026-09",
      },
      columns: ["uid", "creator.nickname"],
      headers: "keys",
      sheet: "DE creators",
      mode: "history",
    };
    const loaded = formFromSaved(
      { id: "q1", name: "DE weekly", schedule: "weekly", query },
      emptyForm(),
    );
    expect(loaded.editingId).toBe("q1");
    expect(problems(loaded)).toEqual({});
    expect(savedPayload(loaded)).toEqual({
      ...query,
      name: "DE weekly",
      schedule: "weekly",
      id: "q1",
    });
  });

  it("reads the default columns, all, and filters it doesn't know", () => {
    const base = { id: "q2", name: "US", schedule: "off" as const };
    const plain = formFromSaved(
      {
        ...base,
        query: {
          source: "keyapi",
          region: "US",
          limit: 10,
          filters: { unknown: 1 },
          sheet: "S",
          mode: "replace",
        },
      },
      emptyForm(),
    );
    expect(plain.bySource.keyapi.columnsMode).toBe("default");
    expect(plain.bySource.keyapi.filters).toEqual({});
    const all = formFromSaved(
      { ...base, query: { source: "keyapi", columns: "all" } },
      emptyForm(),
    );
    expect(all.bySource.keyapi.columnsMode).toBe("all");
  });
});
