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
  "filters.unpaired": 'filter "{name}" has no value: give filters as name, value pairs.',
  "filters.nameIsRange":
    "a filter name must be a single cell: to give filters as a range, pass one two-column range in place of all the pairs.",
  "filters.rangeShape": "a range of filters needs two columns, names then values, not {columns}.",
  "settings.notText": "{name} must be text: paste the key as it was given to you.",
  "settings.malformed":
    "{name} doesn't look like a key: it has spaces inside or is over 500 characters. Paste it again.",
  "value.object": "an object",
  "value.list": "a list",
  "value.function": "a function",
  "value.invalidDate": "an invalid date",
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
  "filters.unpaired": '筛选条件 "{name}" 没有值：请按 名称, 值 成对填写。',
  "filters.nameIsRange":
    "筛选名称必须是单个单元格：如需用区域填写筛选条件，请用一个两列区域代替所有成对参数。",
  "filters.rangeShape": "筛选条件区域需要两列（名称、值），而不是 {columns} 列。",
  "settings.notText": "{name} 必须是文本：请按原样粘贴密钥。",
  "settings.malformed": "{name} 看起来不像密钥：中间有空格或超过 500 个字符。请重新粘贴。",
  "value.object": "一个对象",
  "value.list": "一个列表",
  "value.function": "一个函数",
  "value.invalidDate": "无效日期",
};
