// Messages about saved queries and their schedules.

import type { Catalogue } from "./types.js";

export const schedulesEn = {
  "saved.nameRequired": "name is required: what to call this saved query.",
  "saved.nameTooLong": "name is at most 100 characters.",
  "saved.scheduleUnknown": 'schedule must be off, hourly, daily or weekly, not "{value}".',
  "saved.tooMany": "A spreadsheet keeps at most {max} saved queries: delete one first.",
  "saved.unknown": "No saved query with id {id}: it may have been deleted.",
  "saved.authorize":
    "The add-on needs to be authorized again: open Extensions › TikTok Influencers › Open sidebar.",
  "refresh.summary":
    "Ran {count} saved queries: {done} done, {running} still running, {failed} failed.",
  "refresh.left":
    "{left} more didn't fit in this run; they run at their schedule, or use Refresh again.",
} as const;

export const schedulesZh: Catalogue<typeof schedulesEn> = {
  "saved.nameRequired": "必须填写 name：这个已保存查询的名称。",
  "saved.nameTooLong": "name 最多 100 个字符。",
  "saved.scheduleUnknown": 'schedule 必须是 off、hourly、daily 或 weekly，而不是 "{value}"。',
  "saved.tooMany": "一个表格最多保存 {max} 个查询：请先删除一个。",
  "saved.unknown": "找不到 ID 为 {id} 的已保存查询：它可能已被删除。",
  "saved.authorize": "插件需要重新授权：请打开 扩展程序 › TikTok Influencers › 打开侧边栏。",
  "refresh.summary":
    "已运行 {count} 个已保存查询：{done} 个完成，{running} 个仍在运行，{failed} 个失败。",
  "refresh.left": "另有 {left} 个未能在本次运行：它们会按计划运行，或再次点击刷新。",
};
