// Every user-visible sentence of the add-on, in English and Simplified Chinese. Placeholders are
// written {name} and filled by `message()`.

export type Locale = "en" | "zh";

const en = {
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

export type MessageId = keyof typeof en;

export const MESSAGE_IDS = Object.keys(en) as readonly MessageId[];

const zh: Readonly<Record<MessageId, string>> = {
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

const CATALOGUE: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en, zh };

/** The sentence `id` in `locale`, with its {placeholders} filled from `params`. */
export function message(
  id: MessageId,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = "en",
): string {
  return CATALOGUE[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the catalogue for a Google locale such as "zh_CN", "zh-TW" or "en_US". */
export function localeFrom(googleLocale: string | null | undefined): Locale {
  return /^zh/i.test(googleLocale ?? "") ? "zh" : "en";
}
