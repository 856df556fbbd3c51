// Messages about pulls into sheets: the query's sheet and mode, summaries, and the run log.

import type { Catalogue } from "./types.js";

export const pullsEn = {
  "pull.notAnObject": "the query must be an object with source, region, limit, sheet and mode.",
  "pull.sheetRequired": "sheet is required: the name of the sheet to write to.",
  "pull.sheetTooLong": "sheet names are at most 100 characters.",
  "pull.sheetReserved": 'sheet can\'t be "{name}": the add-on keeps its own records there.',
  "pull.modeUnknown": 'mode must be replace, append, upsert or history, not "{value}".',
  "pull.headersNone": "a sheet needs a header row: headers must be labels or keys.",
  "pull.tooManyCells":
    "this pull needs about {cells} cells and the spreadsheet would pass Google's limit of 10,000,000: choose fewer columns or a smaller limit.",
  "pull.done": "Wrote {rows} rows to “{sheet}” ({mode}).",
  "pull.running": "{rows} rows fetched so far; the pull goes on.",
  "pull.committing": "All {rows} rows fetched; writing them to “{sheet}”.",
  "pull.waiting":
    "Another run is writing to this spreadsheet; this one goes on as soon as it's done.",
  "pull.unknownJob": "No pull with id {id}: it may have finished more than a day ago.",
  "pull.stopped": "Stopped after {rows} rows fetched: {detail}",
  "pull.stagingDeleted":
    "the hidden sheet “{name}” that held this pull's rows was deleted; run the pull again.",
  "log.time": "Time",
  "log.query": "Query",
  "log.source": "Source",
  "log.rows": "Rows",
  "log.requests": "Requests",
  "log.status": "Status",
  "log.message": "Message",
  "log.credits": "Credits",
  "column.snapshot": "Snapshot at",
  "menu.openSidebar": "Open sidebar",
  "menu.refreshAll": "Refresh all saved queries",
  "menu.settings": "Settings",
  "refresh.none": "There are no saved queries yet: save one from the sidebar, then refresh.",
} as const;

export const pullsZh: Catalogue<typeof pullsEn> = {
  "pull.notAnObject": "查询必须是包含 source、region、limit、sheet 和 mode 的对象。",
  "pull.sheetRequired": "必须填写 sheet：要写入的工作表名称。",
  "pull.sheetTooLong": "工作表名称最多 100 个字符。",
  "pull.sheetReserved": '工作表不能是 "{name}"：插件在那里保存自己的记录。',
  "pull.modeUnknown": 'mode 必须是 replace、append、upsert 或 history，而不是 "{value}"。',
  "pull.headersNone": "工作表需要表头：headers 必须是 labels 或 keys。",
  "pull.tooManyCells":
    "此次拉取约需 {cells} 个单元格，表格将超过 Google 10,000,000 个单元格的上限：请减少列或降低 limit。",
  "pull.done": "已将 {rows} 行写入“{sheet}”（{mode}）。",
  "pull.running": "已获取 {rows} 行，拉取仍在继续。",
  "pull.committing": "全部 {rows} 行已获取，正在写入“{sheet}”。",
  "pull.waiting": "另一个任务正在写入此表格；它完成后本任务会继续。",
  "pull.unknownJob": "找不到 ID 为 {id} 的拉取任务：它可能在一天多以前就已完成。",
  "pull.stopped": "获取 {rows} 行后停止：{detail}",
  "pull.stagingDeleted": "保存此次拉取数据的隐藏工作表“{name}”已被删除；请重新运行拉取。",
  "log.time": "时间",
  "log.query": "查询",
  "log.source": "数据源",
  "log.rows": "行数",
  "log.requests": "请求数",
  "log.status": "状态",
  "log.message": "信息",
  "log.credits": "额度",
  "column.snapshot": "快照时间",
  "menu.openSidebar": "打开侧边栏",
  "menu.refreshAll": "刷新所有已保存查询",
  "menu.settings": "设置",
  "refresh.none": "还没有已保存的查询：请先在侧边栏中保存查询，再刷新。",
};
