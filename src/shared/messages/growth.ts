// Messages of watching growth: TT_GROWTH's header and errors, "Chart growth", and the first/last
// seen columns of upsert pulls.

import type { Catalogue } from "./types.js";

export const growthEn = {
  "menu.chartGrowth": "Chart growth",
  "growth.header.first": "First snapshot",
  "growth.header.last": "Latest snapshot",
  "growth.header.start": "{metric} {days} days before",
  "growth.header.now": "{metric} now",
  "growth.header.change": "Change",
  "growth.header.ratio": "Change %",
  "growth.chart.title": "{metric} over time: the {count} creators who grew most in {days} days",
  "growth.notRange":
    "history must be a range of a history sheet, header row included (e.g. 'Creators history'!A:Z).",
  "growth.noSnapshot":
    "the range has no snapshot_at column (“{label}”): pass a range written by a history pull, header row included.",
  "growth.noId":
    "the range has no creator id column (user_id for KeyAPI, uid for FastMoss, or their labels): include it in the range, and in the history pull's columns.",
  "growth.noMetric":
    "the range has no {metric} column: choose a metric the history holds, or add the column to the history pull.",
  "growth.unknownMetric":
    '“{metric}” is not a numeric column of {source}: give a key or label such as {example} (=TT_COLUMNS("{source}") lists them).',
  "growth.days": "days must be a number of days from 0 to {max}, not {value}.",
  "growth.sheetMissing": "there is no sheet named “{sheet}”.",
  "growth.notHistory":
    "“{sheet}” is not a history sheet: {detail} Chart growth works on a sheet written in history mode.",
  "growth.ownSheet":
    "“{sheet}” is a growth sheet already: run Chart growth on the history sheet it was made from.",
  "growth.nameTooLong":
    "“{sheet}” is too long a name to add “ growth” to (a sheet name has at most {max} characters): rename the history sheet.",
  "growth.busy": "another run is writing to this spreadsheet; try Chart growth again in a minute.",
  "argument.historySheet": "the name of the history sheet",
  "seen.upsertOnly":
    "{columns} can only be kept by upsert pulls into a sheet (they say when an id first and last appeared there): choose the upsert mode, or leave them out.",
} as const;

export const growthZh: Catalogue<typeof growthEn> = {
  "menu.chartGrowth": "增长图表",
  "growth.header.first": "首次快照",
  "growth.header.last": "最新快照",
  "growth.header.start": "{metric}（{days} 天前）",
  "growth.header.now": "{metric}（现在）",
  "growth.header.change": "变化",
  "growth.header.ratio": "变化率",
  "growth.chart.title": "{metric} 随时间的变化：{days} 天内增长最多的 {count} 位达人",
  "growth.notRange":
    "history 必须是历史工作表中的一个范围，并包含表头行（例如 'Creators history'!A:Z）。",
  "growth.noSnapshot":
    "该范围没有 snapshot_at 列（“{label}”）：请传入历史模式写入的范围，并包含表头行。",
  "growth.noId":
    "该范围没有达人 ID 列（KeyAPI 为 user_id，FastMoss 为 uid，或其列名）：请将它包含在范围内，并加入历史拉取的列中。",
  "growth.noMetric": "该范围没有 {metric} 列：请选择历史中已有的指标，或在历史拉取中加入该列。",
  "growth.unknownMetric":
    '“{metric}” 不是 {source} 的数值列：请填写列键或列名，例如 {example}（=TT_COLUMNS("{source}") 可列出全部）。',
  "growth.days": "days 必须是 0 到 {max} 之间的天数，而不是 {value}。",
  "growth.sheetMissing": "没有名为“{sheet}”的工作表。",
  "growth.notHistory": "“{sheet}”不是历史工作表：{detail} “增长图表”只适用于历史模式写入的工作表。",
  "growth.ownSheet": "“{sheet}”本身就是增长工作表：请对生成它的历史工作表运行“增长图表”。",
  "growth.nameTooLong":
    "“{sheet}”名称过长，无法再加上“ growth”（工作表名称最多 {max} 个字符）：请重命名该历史工作表。",
  "growth.busy": "另一个任务正在写入此电子表格；请稍后一分钟再运行“增长图表”。",
  "argument.historySheet": "历史工作表的名称",
  "seen.upsertOnly":
    "{columns} 只能由“更新插入”（upsert）模式写入工作表时保存（记录某 ID 在该表中首次和最近出现的时间）：请选择 upsert 模式，或去掉这些列。",
};
