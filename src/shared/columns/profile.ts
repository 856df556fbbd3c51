// The creator's profile columns both sources answer, each under its own key but meaning the same:
// their format, labels and descriptions written once.

import { type ColumnFormat, type ColumnSpec, column } from "./types.js";

type Described = readonly [
  format: ColumnFormat,
  label: readonly [en: string, zh: string],
  description: readonly [en: string, zh: string],
];

const PROFILE = {
  handle: [
    "text",
    ["Handle", "账号"],
    ["The creator's @handle, without the @.", "达人的 @账号（不含 @）。"],
  ],
  name: ["text", ["Name", "昵称"], ["The creator's display name.", "达人的显示名称。"]],
  profile: [
    "link",
    ["Profile", "主页链接"],
    ["Link to the creator's TikTok profile.", "达人 TikTok 主页链接。"],
  ],
  avatar: ["link", ["Avatar", "头像"], ["Link to the profile picture.", "头像图片链接。"]],
  region: [
    "text",
    ["Region", "地区"],
    ["Two-letter country or region code.", "两位国家或地区代码。"],
  ],
  category: ["text", ["Category", "达人类目"], ["The creator's category.", "达人所属类目。"]],
  followers: ["count", ["Followers", "粉丝数"], ["Followers now.", "当前粉丝数。"]],
} satisfies Record<string, Described>;

/** The profile column `kind` under a source's own `key`. */
export function profileColumn(key: string, kind: keyof typeof PROFILE): ColumnSpec {
  const [format, label, description]: Described = PROFILE[kind];
  return column(key, format, label, description);
}
