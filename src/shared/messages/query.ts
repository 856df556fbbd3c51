// Messages of query validation: what each argument, filter and option allows, and what was given.
// {value} arrives already shown as the user typed it (text in quotes, cut to ~60 characters).

import type { Catalogue } from "./types.js";

export const queryEn = {
  "region.required": "region is required: a two-letter code such as US.",
  "region.keyapi":
    "region must be a two-letter country or region code such as US or GB, not {value}.",
  "region.fastmoss": "region must be one of the regions FastMoss covers ({allowed}), not {value}.",
  "region.keyapiSuggest":
    'region must be a two-letter country or region code, not {value} — did you mean "{suggestion}"?',
  "region.fastmossSuggest":
    'region must be one of the regions FastMoss covers ({allowed}), not {value} — did you mean "{suggestion}"?',
  "limit.invalid": "limit must be a whole number from 1 to {max}, not {value}.",
  "limit.formula":
    'limit can be at most {max} in a formula, not {value}. To pull more rows, use "Write to sheet" in the sidebar (Extensions › TikTok Influencers › Open sidebar).',
  "filter.name": "a filter name must be a single piece of text, not {value}.",
  "filter.unknown": "unknown filter {value} for {source}.",
  "filter.unknownSuggest": 'unknown filter {value} for {source} — did you mean "{suggestion}"?',
  "filter.argument": "{name} is not a filter: it has its own argument.",
  "filter.paging":
    "{name} is not a filter: paging is automatic, and limit sets how many rows you get.",
  "filter.duplicate": "{name} is given more than once; give it once.",
  "filter.count": "{name} must be a whole number of {min} or more, not {value}.",
  "filter.ratio": "{name} is a ratio from 0 to 1 (0.05 means 5 %), not {value}.",
  "filter.enum": "{name} must be one of {allowed}, not {value}.",
  "filter.text": "{name} must be text of at most {max} characters, not {value}.",
  "filter.range":
    "{min} ({minValue}) is above {max} ({maxValue}): the minimum cannot be more than the maximum.",
  "date.any":
    "date_value must be a day (YYYY-MM-DD), or a week (YYYY-WW) or month (YYYY-MM) with date_type, not {value}.",
  "date.day": "date_value must be a day written YYYY-MM-DD, such as 2026-03-01, not {value}.",
  "date.week":
    "date_value for a week must be written YYYY-WW (ISO week 01 to 53), such as 2026-08, or be a day of that week, not {value}.",
  "date.month":
    "date_value for a month must be written YYYY-MM, such as 2026-03, or be a day of that month, not {value}.",
  "date.needsType":
    "date_value {value} could be a week or a month: set date_type to week or month.",
  "date.incomplete":
    "date_value {value} is not over yet: FastMoss ranks completed periods only; the latest complete one is {latest}.",
  "columns.invalid": "columns must be column keys separated by commas, or all, not {value}.",
  "columns.unknown": "unknown column {value} for {source}; {lister} lists the column keys.",
  "columns.unknownSuggest":
    'unknown column {value} for {source} — did you mean "{suggestion}"? {lister} lists the column keys.',
  "columns.unknownShort": "unknown column {value} for {source}.",
  "columns.unknownSuggestShort":
    'unknown column {value} for {source} — did you mean "{suggestion}"?',
  "headers.invalid": "headers must be labels, keys or none, not {value}.",
} as const;

export const queryZh: Catalogue<typeof queryEn> = {
  "region.required": "必须填写地区：两位字母代码，例如 US。",
  "region.keyapi": "地区必须是两位字母的国家或地区代码，例如 US 或 GB，而不是 {value}。",
  "region.fastmoss": "地区必须是 FastMoss 支持的地区之一（{allowed}），而不是 {value}。",
  "region.keyapiSuggest":
    '地区必须是两位字母的国家或地区代码，而不是 {value}，您是不是想用 "{suggestion}"？',
  "region.fastmossSuggest":
    '地区必须是 FastMoss 支持的地区之一（{allowed}），而不是 {value}，您是不是想用 "{suggestion}"？',
  "limit.invalid": "limit 必须是 1 到 {max} 之间的整数，而不是 {value}。",
  "limit.formula":
    "在公式中 limit 最多为 {max}，而不是 {value}。如需获取更多行，请使用侧边栏中的“写入表格”（Write to sheet）：扩展程序 › TikTok Influencers › Open sidebar。",
  "filter.name": "筛选条件名称必须是单个文本，而不是 {value}。",
  "filter.unknown": "{source} 没有名为 {value} 的筛选条件。",
  "filter.unknownSuggest": '{source} 没有名为 {value} 的筛选条件，您是不是想用 "{suggestion}"？',
  "filter.argument": "{name} 不是筛选条件，它有单独的参数。",
  "filter.paging": "{name} 不是筛选条件：分页是自动的，返回多少行由 limit 决定。",
  "filter.duplicate": "{name} 填写了不止一次，请只填写一次。",
  "filter.count": "{name} 必须是不小于 {min} 的整数，而不是 {value}。",
  "filter.ratio": "{name} 是 0 到 1 之间的比例（0.05 表示 5%），而不是 {value}。",
  "filter.enum": "{name} 必须是以下值之一：{allowed}，而不是 {value}。",
  "filter.text": "{name} 必须是不超过 {max} 个字符的文本，而不是 {value}。",
  "filter.range": "{min}（{minValue}）大于 {max}（{maxValue}）：最小值不能大于最大值。",
  "date.any":
    "date_value 必须是日期（YYYY-MM-DD），或配合 date_type 使用的周（YYYY-WW）或月（YYYY-MM），而不是 {value}。",
  "date.day": "date_value 必须是 YYYY-MM-DD 格式的日期，例如 2026-03-01，而不是 {value}。",
  "date.week":
    "按周排名时，date_value 必须写成 YYYY-WW（ISO 周，01 到 53），例如 2026-08，或是该周中的某一天，而不是 {value}。",
  "date.month":
    "按月排名时，date_value 必须写成 YYYY-MM，例如 2026-03，或是该月中的某一天，而不是 {value}。",
  "date.needsType": "date_value {value} 既可能是周也可能是月：请把 date_type 设为 week 或 month。",
  "date.incomplete":
    "date_value {value} 所在的周期尚未结束：FastMoss 只对已结束的周期排名，最近一个已结束的周期是 {latest}。",
  "columns.invalid": "columns 必须是用逗号分隔的列字段，或 all，而不是 {value}。",
  "columns.unknown": "{source} 没有列 {value}；{lister} 会列出所有列字段。",
  "columns.unknownSuggest":
    '{source} 没有列 {value}，您是不是想用 "{suggestion}"？{lister} 会列出所有列字段。',
  "columns.unknownShort": "{source} 没有列 {value}。",
  "columns.unknownSuggestShort": '{source} 没有列 {value}，您是不是想用 "{suggestion}"？',
  "headers.invalid": "headers 必须是 labels、keys 或 none，而不是 {value}。",
};
