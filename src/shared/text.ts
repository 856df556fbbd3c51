// Text cut to a length: what cells, messages, log lines and stored summaries may hold of a longer one.

/** `text` when it fits in `max` characters; otherwise its first max − 1 and "…". */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
