// Sheets' embedded charts as the add-on uses them: Apps Script's Charts enum is read here, and only
// when called, so the rest of the code never reaches for the global.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface LineChartSpec {
  /** The data: first column the time axis, then one column per line, header row first. */
  readonly range: Range;
  /** Where the chart's top-left corner sits (1-based row and column). */
  readonly anchorRow: number;
  readonly anchorColumn: number;
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * Puts exactly one line chart on `sheet`: the first chart there is rebuilt in place (updateChart),
 * any others are removed, and a chart is inserted when there is none.
 */
export function placeLineChart(sheet: Sheet, spec: LineChartSpec): void {
  const [kept, ...extra] = sheet.getCharts();
  for (const chart of extra) sheet.removeChart(chart);
  let builder = kept ? kept.modify().clearRanges() : sheet.newChart();
  builder = builder
    .setChartType(Charts.ChartType.LINE)
    .addRange(spec.range)
    .setNumHeaders(1)
    .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0);
  for (const [name, value] of Object.entries(spec.options))
    builder = builder.setOption(name, value);
  const chart = builder.build();
  if (kept) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}
