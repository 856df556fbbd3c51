// Messages about where a pull goes and what it cost: refused target sheets, the write modes'
// names in sentences, the credits a run spent, and the summaries of pulls still running.

import type { Catalogue } from "./types.js";

export const targetsEn = {
  "target.reserved":
    "“{sheet}” is the add-on's own sheet (the run log, or rows waiting to be written): choose another sheet name.",
  "target.otherSource":
    "“{sheet}” holds {other} rows (its header has {other}'s id column), so {source} rows can't go into it: choose another sheet, or Replace to start it afresh.",
  "writeMode.replace": "replace",
  "writeMode.append": "append",
  "writeMode.upsert": "update or add",
  "writeMode.history": "history",
  "pull.doneSpent": "Wrote {rows} rows to “{sheet}” ({mode}): {spent}.",
  "spent.requests.one": "{count} request",
  "spent.requests.other": "{count} requests",
  "spent.credits.one": "{count} credit",
  "spent.credits.other": "{count} credits",
  "spent.both": "{requests}, {credits}",
} as const;

export const targetsZh: Catalogue<typeof targetsEn> = {
  "target.reserved":
    "“{sheet}”是插件自己的工作表（运行日志或等待写入的数据）：请换一个工作表名称。",
  "target.otherSource":
    "“{sheet}”保存的是 {other} 的数据（表头有 {other} 的 ID 列），不能写入 {source} 的数据：请换一个工作表，或选择“替换”重新开始。",
  "writeMode.replace": "替换",
  "writeMode.append": "追加",
  "writeMode.upsert": "更新或添加",
  "writeMode.history": "历史记录",
  "pull.doneSpent": "已将 {rows} 行写入“{sheet}”（{mode}）：{spent}。",
  "spent.requests.one": "{count} 次请求",
  "spent.requests.other": "{count} 次请求",
  "spent.credits.one": "{count} 个额度",
  "spent.credits.other": "{count} 个额度",
  "spent.both": "{requests}，{credits}",
};
