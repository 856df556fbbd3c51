// The sidebar's sentences about growth charts, in English and Simplified Chinese (kept beside the
// growth panel; the server's own messages arrive already translated).

import type { Locale } from "../../shared/messages/index.js";
import type { Catalogue } from "../../shared/messages/types.js";

const en = {
  chart: "Chart growth",
  current: "“{sheet}” holds history snapshots.",
  help: "Writes “{sheet} growth”: each creator's growth over 7 days and a line chart of the 10 who grew most.",
  charting: "Charting the growth of “{sheet}”…",
  done: "Wrote “{sheet}”: {creators} creators, and a chart of the ones who grew most.",
  unavailable: "The add-on's server can't be reached from this page.",
} as const;

const zh: Catalogue<typeof en> = {
  chart: "增长图表",
  current: "“{sheet}”保存着历史快照。",
  help: "写入“{sheet} growth”：每位达人 7 天内的增长，以及增长最多的 10 位达人的折线图。",
  charting: "正在为“{sheet}”绘制增长图表…",
  done: "已写入“{sheet}”：{creators} 位达人，并为增长最多的达人绘制了图表。",
  unavailable: "无法从此页面连接到插件的服务器。",
};

export type GrowthMessage = keyof typeof en;

export function growthText(
  locale: Locale,
  id: GrowthMessage,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return (locale === "zh" ? zh : en)[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
