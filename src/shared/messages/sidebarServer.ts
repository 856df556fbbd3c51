// Messages the server sends the sidebar: connection tests and previews.

import type { Catalogue } from "./types.js";

export const sidebarServerEn = {
  "connection.ok": "{api} answered: the key works ({spent}).",
} as const;

export const sidebarServerZh: Catalogue<typeof sidebarServerEn> = {
  "connection.ok": "{api} 已响应：密钥可用（{spent}）。",
};
