// Messages shared by every part of the add-on: sources, arguments, the TT_COLUMNS table.

import type { Catalogue } from "./types.js";

export const commonEn = {
  "source.required": 'source is required: "keyapi" or "fastmoss".',
  "source.unknown": 'source must be "keyapi" or "fastmoss", not "{value}".',
  "argument.notSingle": "{name} must be a single value, not a range.",
  "columns.header.key": "Key",
  "columns.header.label": "Label",
  "columns.header.description": "Description",
  "columns.header.format": "Format",
  "columns.header.default": "Default",
  "error.unexpected": "Something went wrong: {detail}",
} as const;

export const commonZh: Catalogue<typeof commonEn> = {
  "source.required": '必须填写数据源："keyapi" 或 "fastmoss"。',
  "source.unknown": '数据源必须是 "keyapi" 或 "fastmoss"，而不是 "{value}"。',
  "argument.notSingle": "{name} 必须是单个值，不能是区域。",
  "columns.header.key": "字段",
  "columns.header.label": "名称",
  "columns.header.description": "说明",
  "columns.header.format": "格式",
  "columns.header.default": "默认",
  "error.unexpected": "出现问题：{detail}",
};
