// Messages about the credit ledger and the daily credit cap.

import type { Catalogue } from "./types.js";

export const creditsEn = {
  "credits.capWhole":
    "this needs {needed} KeyAPI credits, but today's credit cap of {cap} leaves {left} ({used} used). Nothing was spent. Raise the cap in Extensions › TikTok Influencers › Settings, or try again tomorrow.",
  "credits.capReached":
    "today's credit cap of {cap} KeyAPI credits is used up ({used} used). Raise it in Extensions › TikTok Influencers › Settings, or wait for tomorrow.",
  "credits.scheduleSkipped":
    "Skipped: this run needs up to {needed} KeyAPI credits, and today's credit cap of {cap} leaves {left}. It runs at the next hour the cap allows — or raise the cap in Extensions › TikTok Influencers › Settings.",
  "credits.capInvalid":
    "dailyCreditCap must be a whole number of KeyAPI credits from 1 to 1,000,000 — or empty or 0 to remove the cap.",
} as const;

export const creditsZh: Catalogue<typeof creditsEn> = {
  "credits.capWhole":
    "此操作需要 {needed} 个 KeyAPI 额度，但今日额度上限 {cap} 只剩 {left}（已用 {used}）。未花费任何额度。请在 扩展程序 › TikTok Influencers › 设置 中提高上限，或明天再试。",
  "credits.capReached":
    "今日 KeyAPI 额度上限 {cap} 已用完（已用 {used}）。请在 扩展程序 › TikTok Influencers › 设置 中提高上限，或等到明天。",
  "credits.scheduleSkipped":
    "已跳过：本次运行最多需要 {needed} 个 KeyAPI 额度，而今日额度上限 {cap} 只剩 {left}。将在额度允许的下一个小时运行 —— 或在 扩展程序 › TikTok Influencers › 设置 中提高上限。",
  "credits.capInvalid":
    "dailyCreditCap 必须是 1 到 1,000,000 之间的整数（KeyAPI 额度）—— 留空或填 0 可取消上限。",
};
