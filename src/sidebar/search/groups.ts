// How the search form lays out each source's filters: in groups a person scans (audience,
// engagement, commerce, categories, sorting, period), a range's two bounds on one row.

import type { SourceName } from "../../shared/columns/types.js";
import { AddonError } from "../../shared/errors.js";
import { FILTER_SPECS, type FilterSpec } from "../../shared/query/index.js";
import type { Locale } from "../i18n.js";

export type GroupId = "audience" | "engagement" | "commerce" | "categories" | "sorting" | "period";

export interface FilterGroup {
  readonly id: GroupId;
  /** The filters of the group, by name, in the order the form shows them. */
  readonly filters: readonly string[];
}

export const FILTER_GROUPS: Readonly<Record<SourceName, readonly FilterGroup[]>> = {
  keyapi: [
    {
      id: "audience",
      filters: [
        "min_total_followers_cnt",
        "max_total_followers_cnt",
        "gender",
        "influencer_language",
      ],
    },
    {
      id: "engagement",
      filters: [
        "min_interaction_rate",
        "max_interaction_rate",
        "min_total_digg_cnt",
        "max_total_digg_cnt",
        "min_total_views_cnt",
        "max_total_views_cnt",
        "min_total_views_7d_cnt",
        "max_total_views_7d_cnt",
      ],
    },
    {
      id: "commerce",
      filters: [
        "sales_flag",
        "show_case_flag",
        "min_per_video_product_views_avg_cnt",
        "max_per_video_product_views_avg_cnt",
        "min_per_video_product_views_avg_7d_cnt",
        "max_per_video_product_views_avg_7d_cnt",
      ],
    },
    { id: "categories", filters: ["influencer_category_name", "product_category_id"] },
    { id: "sorting", filters: ["influencer_sort_field_v2", "sort_type"] },
  ],
  fastmoss: [
    { id: "period", filters: ["date_type", "date_value"] },
    {
      id: "audience",
      filters: [
        "follower_count_min",
        "follower_count_max",
        "follower_age_type",
        "follower_gender_type",
      ],
    },
    { id: "commerce", filters: ["ecommerce_type"] },
    {
      id: "categories",
      filters: [
        "creator_category_id",
        "product_category_l1_id",
        "product_category_l2_id",
        "product_category_l3_id",
      ],
    },
  ],
};

/** A row of the form: one filter, a range's two bounds side by side, or the FastMoss period. */
export type FilterRow =
  | { readonly kind: "single"; readonly spec: FilterSpec }
  | { readonly kind: "range"; readonly min: FilterSpec; readonly max: FilterSpec }
  | { readonly kind: "period"; readonly type: FilterSpec; readonly value: FilterSpec };

/** The rows of a group, built from the shared specs. */
export function groupRows(source: SourceName, group: FilterGroup): FilterRow[] {
  const specs = new Map(FILTER_SPECS[source].map((spec) => [spec.name, spec]));
  const rows: FilterRow[] = [];
  for (const name of group.filters) {
    const spec = specs.get(name);
    if (!spec) throw new AddonError("INTERNAL", `${source} has no filter ${name}`);
    if (spec.range?.bound === "max" || name === "date_value") continue;
    const partner = spec.range ? specs.get(spec.range.partner) : undefined;
    const dateValue = name === "date_type" ? specs.get("date_value") : undefined;
    if (partner) rows.push({ kind: "range", min: spec, max: partner });
    else if (dateValue) rows.push({ kind: "period", type: spec, value: dateValue });
    else rows.push({ kind: "single", spec });
  }
  return rows;
}

/**
 * What a range's two bounds are about, for the row's caption: the words their labels share
 * ("Followers, at least" and "Followers, at most" → "Followers"; "粉丝数下限" → "粉丝数").
 */
export function rangeCaption(min: FilterSpec, max: FilterSpec, locale: Locale): string {
  const [a, b] = [min.label[locale], max.label[locale]];
  let end = 0;
  while (end < a.length && a[end] === b[end]) end += 1;
  return a
    .slice(0, end)
    .replace(/[\s,，:：]+at\s*$/i, "")
    .replace(/[\s,，:：]+$/, "");
}
