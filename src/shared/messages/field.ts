// Messages of the field rules: arguments too big or of the wrong type, the document's storage,
// Google's daily quotas, and text cut to fit a cell.

import type { Catalogue } from "./types.js";

export const fieldEn = {
  "limits.filters": "at most {max} filters can be given at once; this query has {count}.",
  "limits.filterValue": "{name} is {length} characters long; a filter value is at most {max}.",
  "limits.columns": "at most {max} columns can be chosen; this query has {count}.",
  "limits.url":
    "the filters make KeyAPI's request address {length} characters long, and Google sends at most {max}: shorten {name}, the longest filter.",
  "argument.text": "{name} must be text ({what}), not {value}.",
  "argument.tooLong": "{name} is {length} characters long; at most {max}.",
  "argument.object": "{name} must be an object, not {value}.",
  "argument.jobId": "the jobId runQuery answered",
  "argument.queryId": "the saved query's id that saveQuery answered",
  "storage.full":
    "the add-on's storage in this document is full ({detail}): delete saved queries you no longer need, then run it again.",
  "quota.urlfetch":
    "this Google account's daily allowance of web requests (UrlFetch) is used up; it renews within 24 hours of the first request of the day, around {time}. The pages fetched so far are kept: the pull goes on from there with the hourly trigger after that time, or run it again then.",
  "quota.other":
    "Google's daily quota for {service} is used up for this account; try again tomorrow.",
  "log.pendingLock": "(written late: another run held the spreadsheet when this one ended)",
  "pull.resumable":
    "The {rows} rows fetched so far are kept for 6 hours: resume the pull, or run the same query again, to go on from there.",
  "history.notHistory":
    "“{sheet}” is not a history sheet (its first header cell is not snapshot_at): choose an empty sheet or one written in history mode.",
} as const;

export const fieldZh: Catalogue<typeof fieldEn> = {
  "limits.filters": "一次最多只能填写 {max} 个筛选条件；此查询有 {count} 个。",
  "limits.filterValue": "{name} 长 {length} 个字符；筛选值最多 {max} 个字符。",
  "limits.columns": "最多只能选择 {max} 列；此查询有 {count} 列。",
  "limits.url":
    "这些筛选条件使 KeyAPI 的请求地址长达 {length} 个字符，而 Google 最多发送 {max} 个：请缩短最长的筛选条件 {name}。",
  "argument.text": "{name} 必须是文本（{what}），而不是 {value}。",
  "argument.tooLong": "{name} 长 {length} 个字符；最多 {max} 个。",
  "argument.object": "{name} 必须是对象，而不是 {value}。",
  "argument.jobId": "runQuery 返回的 jobId",
  "argument.queryId": "saveQuery 返回的已保存查询 ID",
  "storage.full":
    "插件在此文档中的存储空间已满（{detail}）：请删除不再需要的已保存查询，然后重新运行。",
  "quota.urlfetch":
    "此 Google 账号今日的网络请求（UrlFetch）配额已用完；它会在当天第一次请求后的 24 小时内恢复，约在 {time}。已获取的页面会保留：之后每小时触发器会从那里继续拉取，或届时重新运行。",
  "quota.other": "此账号今日的 Google {service} 配额已用完；请明天再试。",
  "log.pendingLock": "（延迟写入：本次运行结束时另一个任务正在使用此表格）",
  "pull.resumable":
    "已获取的 {rows} 行会保留 6 小时：继续此次拉取，或再次运行同一查询，即可从那里接着进行。",
  "history.notHistory":
    "“{sheet}”不是历史记录工作表（第一个表头单元格不是 snapshot_at）：请选择空工作表或以历史模式写入的工作表。",
};
