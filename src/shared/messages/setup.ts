// Messages about how the add-on sits on Google's platform: triggers and their limits, trigger runs
// that find no document or no time left, and the setup check (runDiagnostics).

import type { Catalogue } from "./types.js";

export const setupEn = {
  "menu.checkSetup": "Check setup",
  "trigger.limit":
    "Your Google account already has 20 triggers for this add-on (the most Apps Script allows, over all your spreadsheets).",
  "saved.triggerLimit":
    "The query is saved with its schedule off: your Google account already has 20 triggers for this add-on, over all your spreadsheets. Turn schedules off in a spreadsheet you no longer need, then set this schedule again.",
  "trigger.noDocument":
    "TikTok Influencers: the hourly trigger stopped without doing anything — no {missing} in this run.",
  "trigger.dayUsedUp":
    "Today's scheduled runs have used {used} of their {limit} minutes: the rest waits for tomorrow.",
  "trigger.logQuery": "Scheduled runs",
  "trigger.ran":
    "TikTok Influencers: the hourly trigger ran; {used} of {limit} minutes used today.",
  "diag.documentProperties": "Document properties",
  "diag.documentCache": "Document cache",
  "diag.documentLock": "Document lock",
  "diag.trigger": "This spreadsheet's trigger",
  "diag.copyTo": "Range.copyTo between sheets",
  "diag.timeZone": "Time zone arithmetic",
  "diag.allowedHosts": "Allowed hosts",
  "diag.threw": "Expected the check to run; saw an error: {error}",
  "diag.properties.none":
    "Expected the document's properties; saw none (PropertiesService.getDocumentProperties() answered null): keys, saved queries and jobs can't be kept.",
  "diag.store.ok": "Expected {store} to keep a test value and give it back; saw it do so.",
  "diag.store.lost":
    'Expected {store} to give back "{expected}" (and then forget it); saw "{seen}".',
  "diag.cache.none":
    "Expected the document's cache; saw none (CacheService.getDocumentCache() answered null): caching is off, so a repeated formula pays again.",
  "diag.lock.none":
    "Expected the document lock; saw none (LockService.getDocumentLock() answered null): pulls and schedules won't run without it.",
  "diag.lock.busy":
    "Expected to take the document lock within {seconds} s; saw another execution keep it (a pull may be running: check again later).",
  "diag.lock.ok": "Expected to take and release the document lock; saw it taken after {ms} ms.",
  "diag.trigger.noProperties":
    "Expected the document's properties to count the schedules; saw none, so the trigger can't be checked.",
  "diag.trigger.ok":
    "Expected {expected} hourly trigger for this spreadsheet ({schedules} schedules on, {jobs} pulls running); saw {seen} ({ids}; id kept: {stored}).",
  "diag.trigger.wrong":
    "Expected {expected} hourly trigger for this spreadsheet ({schedules} schedules on, {jobs} pulls running) with the id kept for it; saw {seen} ({ids}; id kept: {stored}). Saving a saved query again repairs it.",
  "diag.copyTo.ok":
    "Expected the cells copied to another sheet to equal the originals; saw them equal.",
  "diag.copyTo.wrong": "Expected the copied cells to be {expected}; saw {seen}.",
  "diag.timeZone.ok":
    "Expected Intl's wall clock in {zone} to match Utilities.formatDate at {count} instants over the coming year; saw every one match (now {now}).",
  "diag.timeZone.wrong":
    "Expected {expected} in {zone} at {instant}, as Utilities.formatDate shows it; saw {seen} from Intl. The add-on uses Utilities.formatDate for this zone instead.",
  "diag.hosts.ok": "Expected the manifest's allowed hosts to cover {urls}; saw {allowed}.",
  "diag.hosts.wrong":
    "Expected the manifest's allowed hosts to cover {urls}; saw {allowed}, which leaves out {refused}: add it to urlFetchWhitelist.",
  "diag.column.time": "Time",
  "diag.column.check": "Check",
  "diag.column.ok": "OK",
  "diag.column.detail": "Expected and seen",
  "diag.cell.ok": "ok",
  "diag.cell.failed": "FAILED",
  "diag.title": "Setup check",
  "diag.running": "Checking the setup… (no request, no credit)",
  "diag.summary": "{ok} of {count} checks ok. The results are also in the sheet “TT Diagnostics”.",
  "diag.runAgain": "Check again",
  "diag.close": "Close",
} as const;

export const setupZh: Catalogue<typeof setupEn> = {
  "menu.checkSetup": "检查设置",
  "trigger.limit":
    "您的 Google 账号已为此插件创建了 20 个触发器（Apps Script 允许的上限，计入您所有的表格）。",
  "saved.triggerLimit":
    "查询已保存，但计划已关闭：您的 Google 账号已为此插件创建了 20 个触发器（计入您所有的表格）。请在不再需要的表格中关闭计划，然后重新设置此计划。",
  "trigger.noDocument":
    "TikTok Influencers：每小时触发器未执行任何操作即停止——本次运行没有{missing}。",
  "trigger.dayUsedUp": "今天的计划运行已用 {used} 分钟（上限 {limit} 分钟）：其余的留到明天。",
  "trigger.logQuery": "计划运行",
  "trigger.ran": "TikTok Influencers：每小时触发器已运行；今天已用 {used}/{limit} 分钟。",
  "diag.documentProperties": "文档属性",
  "diag.documentCache": "文档缓存",
  "diag.documentLock": "文档锁",
  "diag.trigger": "本表格的触发器",
  "diag.copyTo": "表格间的 Range.copyTo",
  "diag.timeZone": "时区计算",
  "diag.allowedHosts": "允许的主机",
  "diag.threw": "预期检查能运行；实际出错：{error}",
  "diag.properties.none":
    "预期有文档属性；实际没有（PropertiesService.getDocumentProperties() 返回 null）：无法保存密钥、已保存查询和任务。",
  "diag.store.ok": "预期 {store} 能保存并取回一个测试值；实际正常。",
  "diag.store.lost": '预期 {store} 取回 "{expected}"（随后删除）；实际为 "{seen}"。',
  "diag.cache.none":
    "预期有文档缓存；实际没有（CacheService.getDocumentCache() 返回 null）：缓存关闭，重复的公式会再次付费。",
  "diag.lock.none":
    "预期有文档锁；实际没有（LockService.getDocumentLock() 返回 null）：没有它，拉取和计划都不会运行。",
  "diag.lock.busy":
    "预期在 {seconds} 秒内获得文档锁；实际被另一个执行占用（可能有拉取正在运行：稍后再检查）。",
  "diag.lock.ok": "预期能获得并释放文档锁；实际在 {ms} 毫秒后获得。",
  "diag.trigger.noProperties": "预期用文档属性统计计划；实际没有文档属性，无法检查触发器。",
  "diag.trigger.ok":
    "预期本表格有 {expected} 个每小时触发器（{schedules} 个计划开启，{jobs} 个拉取运行中）；实际 {seen} 个（{ids}；保存的 ID：{stored}）。",
  "diag.trigger.wrong":
    "预期本表格有 {expected} 个每小时触发器（{schedules} 个计划开启，{jobs} 个拉取运行中），且 ID 与保存的一致；实际 {seen} 个（{ids}；保存的 ID：{stored}）。重新保存任一已保存查询即可修复。",
  "diag.copyTo.ok": "预期复制到另一工作表的单元格与原单元格相同；实际相同。",
  "diag.copyTo.wrong": "预期复制后的单元格为 {expected}；实际为 {seen}。",
  "diag.timeZone.ok":
    "预期 Intl 在 {zone} 的时间与 Utilities.formatDate 在未来一年的 {count} 个时刻一致；实际全部一致（现在 {now}）。",
  "diag.timeZone.wrong":
    "预期 {zone} 在 {instant} 为 {expected}（Utilities.formatDate）；Intl 实际给出 {seen}。插件在此时区改用 Utilities.formatDate。",
  "diag.hosts.ok": "预期清单允许的主机涵盖 {urls}；实际为 {allowed}。",
  "diag.hosts.wrong":
    "预期清单允许的主机涵盖 {urls}；实际为 {allowed}，缺少 {refused}：请将其加入 urlFetchWhitelist。",
  "diag.column.time": "时间",
  "diag.column.check": "检查项",
  "diag.column.ok": "结果",
  "diag.column.detail": "预期与实际",
  "diag.cell.ok": "正常",
  "diag.cell.failed": "失败",
  "diag.title": "设置检查",
  "diag.running": "正在检查设置…（不发请求，不耗额度）",
  "diag.summary": "{count} 项检查中 {ok} 项正常。结果也已写入工作表“TT Diagnostics”。",
  "diag.runAgain": "再次检查",
  "diag.close": "关闭",
};
