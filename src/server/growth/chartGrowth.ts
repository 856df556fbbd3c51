// "Chart growth": a history sheet's growth written to `<sheet> growth` — the TT_GROWTH table as
// values, formatted like the add-on's other sheets, the chart's data beside it (a time column and
// one column per creator) and one line chart of the 10 creators who grew most. Running it again
// rewrites the same sheet and rebuilds the same chart.

import { message } from "../../shared/messages/index.js";
import { MAX_SHEET_NAME, SNAPSHOT_KEY } from "../../shared/pulls/targetFit.js";
import { AddonError, describeError } from "../errors.js";
import { placeLineChart } from "../platform/charts.js";
import type { DocumentLock } from "../platform/types.js";
import { identityLayout, placeRow, type SheetLayout } from "../pulls/layout.js";
import { COLUMN_WIDTH, type SheetColumn } from "../pulls/sheetFormat.js";
import { writeFreshHeader, writeHeaderCells, writeRows } from "../pulls/sheetWriter.js";
import {
  chartSeries,
  growthColumns,
  growthOf,
  growthTable,
  readHistoryHeader,
} from "./growthTable.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ChartGrowthEnvironment {
  readonly spreadsheet: Spreadsheet;
  readonly lock: DocumentLock;
}

export interface ChartGrowthResult {
  /** The growth sheet's name. */
  readonly sheet: string;
  /** Creators in the table. */
  readonly creators: number;
}

/** Creators drawn in the chart: the ones who grew most. */
export const CHARTED_CREATORS = 10;
export const GROWTH_SUFFIX = " growth";
const LOCK_WAIT_MS = 30_000;
/** The chart's data starts one empty column after the table's eight. */
const SERIES_COLUMN = 10;

export function chartGrowth(
  env: ChartGrowthEnvironment,
  sheetName: string,
  metric: unknown,
  days: unknown,
): ChartGrowthResult {
  const history = env.spreadsheet.getSheetByName(sheetName);
  if (!history) throw invalid(message("growth.sheetMissing", { sheet: sheetName }));
  const name = history.getName();
  const values = history.getDataRange().getValues();
  try {
    readHistoryHeader(values[0] ?? []);
  } catch (error) {
    const own = name.toLowerCase().endsWith(GROWTH_SUFFIX.toLowerCase());
    throw invalid(
      own
        ? message("growth.ownSheet", { sheet: name })
        : message("growth.notHistory", { sheet: name, detail: describeError(error) }),
    );
  }
  const growth = growthOf(values, metric, days);
  const targetName = `${name}${GROWTH_SUFFIX}`;
  if (targetName.length > MAX_SHEET_NAME) {
    throw invalid(message("growth.nameTooLong", { sheet: name, max: MAX_SHEET_NAME }));
  }
  if (!env.lock.tryLock(LOCK_WAIT_MS)) throw new AddonError("TIMEOUT", message("growth.busy"));
  try {
    const target =
      env.spreadsheet.getSheetByName(targetName) ??
      env.spreadsheet.insertSheet(targetName, history.getIndex());
    // Values and formats go; the chart stays, to be rebuilt in place.
    target.clear();
    const columns: SheetColumn[] = growthColumns(growth);
    writeFreshHeader(target, columns);
    writeRows(target, 2, growthTable(growth).slice(1), columns, identityLayout(columns.length));

    const series = chartSeries(growth, CHARTED_CREATORS);
    const seriesColumns: SheetColumn[] = [
      {
        key: SNAPSHOT_KEY,
        header:
          growth.style === "keys" ? SNAPSHOT_KEY : message("column.snapshot", {}, lang(growth)),
        format: "datetime",
      },
      ...series.creators.map((creator) => ({
        key: creator.id,
        header: creator.handle || creator.id,
        format: growth.metric.format,
      })),
    ];
    const layout: SheetLayout = {
      positions: seriesColumns.map((_, index) => SERIES_COLUMN - 1 + index),
      added: [],
      width: SERIES_COLUMN - 1 + seriesColumns.length,
      identity: false,
    };
    writeHeaderCells(
      target,
      seriesColumns.map((column, index) => [layout.positions[index]!, column.header] as const),
    );
    writeRows(
      target,
      2,
      series.rows.map((row) => placeRow(row, layout)),
      seriesColumns,
      layout,
    );
    target.setColumnWidth(SERIES_COLUMN - 1, 30);
    target.setColumnWidth(SERIES_COLUMN, COLUMN_WIDTH.datetime);

    placeLineChart(target, {
      range: target.getRange(1, SERIES_COLUMN, series.rows.length + 1, seriesColumns.length),
      anchorRow: 2,
      anchorColumn: SERIES_COLUMN + seriesColumns.length + 1,
      options: {
        title: message(
          "growth.chart.title",
          {
            metric: chartLabel(growth),
            count: series.creators.length,
            days: growth.days,
          },
          lang(growth),
        ),
        "legend.position": "right",
        "vAxis.title": chartLabel(growth),
        // Creators of very different sizes: on a log scale each one's growth shows as a slope.
        "vAxis.logScale": true,
        width: 720,
        height: 420,
      },
    });
    // The growth sheet is shown, as a pull's target is after a write.
    target.activate();
    return { sheet: targetName, creators: growth.creators.length };
  } finally {
    env.lock.release();
  }
}

function lang(growth: { style: string }) {
  return growth.style === "zh" ? "zh" : "en";
}

function chartLabel(growth: ReturnType<typeof growthOf>): string {
  return growth.style === "zh" ? growth.metric.label.zh : growth.metric.label.en;
}

function invalid(text: string): AddonError {
  return new AddonError("INVALID_ARGUMENT", text);
}

/** The active sheet, and whether it holds history snapshots (the sidebar offers Chart growth). */
export function growthTarget(spreadsheet: Spreadsheet): { sheet: string; history: boolean } {
  const sheet = spreadsheet.getActiveSheet();
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  try {
    readHistoryHeader(header);
    return { sheet: sheet.getName(), history: sheet.getLastRow() > 1 };
  } catch {
    return { sheet: sheet.getName(), history: false };
  }
}
