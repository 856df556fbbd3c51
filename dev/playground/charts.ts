// The embedded charts of the sheet the playground shows, with their data read from their ranges:
// the first column is the horizontal axis, each other column a line, the header row their names.
// The page draws them as SVG line charts over the grid, where Sheets would float them.

import type { ChartSnapshot, SpreadsheetModel } from "../runtime/spreadsheet/index.js";

export interface PlaygroundChart {
  readonly chartId: number;
  readonly type: string | null;
  readonly title: string;
  readonly anchorRow: number;
  readonly anchorColumn: number;
  /** Each line's name (the header row, after the axis column). */
  readonly names: string[];
  /** One point per data row: x as epoch ms (dates), a number, or text; y per line or null. */
  readonly points: { readonly x: number | string; readonly ys: (number | null)[] }[];
  /** Whether x holds dates (epoch ms). */
  readonly dates: boolean;
  /** The chart's `vAxis.logScale` option. */
  readonly logScale: boolean;
}

/** At most this many rows of a chart's range are drawn. */
const MAX_POINTS = 500;

export function playgroundCharts(
  spreadsheet: SpreadsheetModel,
  charts: readonly ChartSnapshot[],
): PlaygroundChart[] {
  return charts.map((chart) => {
    const rows: unknown[][] = [];
    for (const range of chart.ranges) {
      const sheet = spreadsheet.findSheet(range.sheet);
      if (!sheet) continue;
      const numRows = Math.min(range.numRows, MAX_POINTS + 1);
      rows.push(...sheet.readValues({ ...range, numRows }));
    }
    const headers = chart.numHeaders === 0 ? 0 : 1;
    const names = (headers ? (rows[0] ?? []) : []).slice(1).map((cell) => String(cell ?? ""));
    const data = rows.slice(headers).filter((row) => row[0] !== "" && row[0] !== undefined);
    const dates = data.length > 0 && data.every((row) => row[0] instanceof Date);
    return {
      chartId: chart.chartId,
      type: chart.type,
      title: typeof chart.options.title === "string" ? chart.options.title : "",
      anchorRow: chart.anchorRow,
      anchorColumn: chart.anchorColumn,
      names,
      dates,
      logScale: chart.options["vAxis.logScale"] === true,
      points: data.map((row) => ({
        x:
          row[0] instanceof Date
            ? row[0].getTime()
            : typeof row[0] === "number"
              ? row[0]
              : String(row[0]),
        ys: row.slice(1).map((cell) => (typeof cell === "number" ? cell : null)),
      })),
    };
  });
}
