// Messages about fetching from the APIs: keys, credits, limits, failures and time.

import type { Catalogue } from "./types.js";

export const fetchingEn = {
  "fetch.missingKey":
    "no {api} key is set — open Extensions › TikTok Influencers › Settings and paste it there.",
  "fetch.badKey":
    "{api} refused the key ({detail}). Check it in Extensions › TikTok Influencers › Settings.",
  "fetch.forbidden": "{api} does not allow this key here ({detail}). Check your {api} plan.",
  "fetch.noCredits":
    "KeyAPI says the key is out of credits ({detail}). Top up, then run again: the {pages} pages already fetched are kept for 6 hours and won't be paid for again.",
  "fetch.dataLimit":
    "FastMoss says the data allowance is used up ({detail}). Rows already fetched are kept for 6 hours.",
  "fetch.rejected": "{api} refused the request: {detail}",
  "fetch.notFound": "FastMoss found no ranking for these filters and period ({detail}).",
  "fetch.rateLimited":
    "{api} is still limiting requests after waiting ({detail}). Try again in a minute; pages already fetched are kept.",
  "fetch.serviceError":
    "{api} failed {attempts} times ({detail}). Try again later; pages already fetched are kept.",
  "fetch.badAnswer": "{api} sent an answer that can't be read ({detail}). Try again later.",
  "fetch.network": "{api} could not be reached ({detail}). Try again later.",
  "fetch.timeout":
    "ran out of time after {rows} of {limit} rows ({pages} pages): a formula has 30 seconds, and other cells share the API's rate limit. The pages fetched are kept — a recalculation will finish it without paying for them again; for big pulls use the sidebar's “Write to sheet”.",
} as const;

export const fetchingZh: Catalogue<typeof fetchingEn> = {
  "fetch.missingKey":
    "尚未设置 {api} 密钥 —— 请打开 扩展程序 › TikTok Influencers › 设置 并粘贴密钥。",
  "fetch.badKey":
    "{api} 拒绝了该密钥（{detail}）。请在 扩展程序 › TikTok Influencers › 设置 中检查。",
  "fetch.forbidden": "{api} 不允许在此使用该密钥（{detail}）。请检查您的 {api} 套餐。",
  "fetch.noCredits":
    "KeyAPI 提示该密钥的额度已用完（{detail}）。充值后重新运行：已获取的 {pages} 页会保留 6 小时，不会重复扣费。",
  "fetch.dataLimit": "FastMoss 提示数据额度已用完（{detail}）。已获取的数据会保留 6 小时。",
  "fetch.rejected": "{api} 拒绝了请求：{detail}",
  "fetch.notFound": "FastMoss 没有找到符合这些筛选条件和周期的榜单（{detail}）。",
  "fetch.rateLimited":
    "等待后 {api} 仍在限制请求频率（{detail}）。请一分钟后再试；已获取的页面会保留。",
  "fetch.serviceError":
    "{api} 连续失败 {attempts} 次（{detail}）。请稍后再试；已获取的页面会保留。",
  "fetch.badAnswer": "{api} 返回的内容无法读取（{detail}）。请稍后再试。",
  "fetch.network": "无法连接 {api}（{detail}）。请稍后再试。",
  "fetch.timeout":
    "时间不够：已获取 {limit} 行中的 {rows} 行（{pages} 页）。公式最多运行 30 秒，且与其他单元格共享 API 的请求频率。已获取的页面会保留 —— 重新计算即可完成，不会重复扣费；大批量数据请使用侧边栏的“写入表格”。",
};
