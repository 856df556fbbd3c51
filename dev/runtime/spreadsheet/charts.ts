// Embedded charts of the local runtime, in Apps Script's shapes: `Sheet.newChart()` gives an
// EmbeddedChartBuilder (addRange, setChartType, setPosition, setOption, build…), `insertChart`,
// `getCharts`, `updateChart` and `removeChart` keep a sheet's charts, `chart.modify()` starts a
// builder from a chart, and the global `Charts.ChartType` enum names the types. Charts are kept per
// sheet model, outlive executions, and are drawn by the playground from their ranges.

import { COST_MS } from "../costs.js";
import { type GridRect, rectA1 } from "./a1.js";
import { READ, type ServiceContext, WRITE } from "./context.js";
import { SheetsError } from "./errors.js";
import { RangeFacade } from "./range.js";
import type { SheetModel } from "./sheet-model.js";

const META = COST_MS.sheetsMetadataCall;

/** `Charts.ChartType`, whose values are their names here as in the runtime's other enums. */
export const CHART_TYPES = [
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TIMELINE",
  "TREEMAP",
  "WATERFALL",
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The `Charts` global: the enums the add-on needs. */
export function createCharts(): { ChartType: Readonly<Record<ChartType, ChartType>> } {
  return {
    ChartType: Object.freeze(
      Object.fromEntries(CHART_TYPES.map((type) => [type, type])) as Record<ChartType, ChartType>,
    ),
  };
}

interface ChartRange {
  readonly sheet: SheetModel;
  readonly rect: GridRect;
}

/** What a chart is: kept in the model, copied into builders and built charts. */
interface ChartState {
  /** Null until the chart is inserted into a sheet. */
  chartId: number | null;
  type: ChartType | null;
  ranges: ChartRange[];
  options: Record<string, unknown>;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transposed: boolean;
}

export interface ChartSnapshot {
  readonly chartId: number;
  readonly type: string | null;
  readonly anchorRow: number;
  readonly anchorColumn: number;
  readonly options: Record<string, unknown>;
  readonly numHeaders: number;
  readonly ranges: {
    readonly sheet: string;
    readonly a1: string;
    readonly row: number;
    readonly column: number;
    readonly numRows: number;
    readonly numColumns: number;
  }[];
}

const chartsBySheet = new WeakMap<SheetModel, ChartState[]>();
let nextChartId = 1_000_001;

function chartsOf(sheet: SheetModel): ChartState[] {
  let charts = chartsBySheet.get(sheet);
  if (!charts) {
    charts = [];
    chartsBySheet.set(sheet, charts);
  }
  return charts;
}

function copyState(state: ChartState): ChartState {
  return {
    ...state,
    ranges: [...state.ranges],
    options: { ...state.options },
    anchor: { ...state.anchor },
  };
}

function freshState(): ChartState {
  return {
    chartId: null,
    type: null,
    ranges: [],
    options: {},
    anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transposed: false,
  };
}

/** The charts of a sheet as plain data, for snapshots and tests. */
export function chartSnapshots(sheet: SheetModel): ChartSnapshot[] {
  return (chartsBySheet.get(sheet) ?? []).map((chart) => ({
    chartId: chart.chartId!,
    type: chart.type,
    anchorRow: chart.anchor.row,
    anchorColumn: chart.anchor.column,
    options: structuredClone(chart.options),
    numHeaders: chart.numHeaders,
    ranges: chart.ranges.map(({ sheet, rect }) => ({
      sheet: sheet.name,
      a1: rectA1(rect),
      ...rect,
    })),
  }));
}

// Facades the script holds: which state each stands for (the script can't forge one).
const builtCharts = new WeakMap<object, SheetChart>();

/** A chart's state and the sheet it is on: what an EmbeddedChart or a builder stands for. */
interface SheetChart {
  readonly sheet: SheetModel;
  readonly state: ChartState;
}

/** The chart methods of a Sheet facade: newChart, insertChart, getCharts, updateChart, removeChart. */
export class SheetCharts {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly sheet: SheetModel,
  ) {}

  #call<T>(method: string, capability: typeof READ, body: () => T): T {
    return this.ctx.sheetCall(this.sheet, `Sheet.${method}`, capability, META, body);
  }

  newChart(): object {
    return this.#call(
      "newChart",
      READ,
      () => new EmbeddedChartBuilder(this.ctx, { sheet: this.sheet, state: freshState() }),
    );
  }

  getCharts(): object[] {
    return this.#call("getCharts", READ, () =>
      this.ctx.array(
        chartsOf(this.sheet).map((state) => embeddedChart(this.ctx, { sheet: this.sheet, state })),
      ),
    );
  }

  insertChart(chart: unknown): void {
    this.#call("insertChart", WRITE, () => {
      const built = builtCharts.get(chart as object);
      if (!built) this.ctx.signature("Sheet.insertChart", [chart]);
      const state = copyState(built!.state);
      // (assumed) inserting a chart that is already on the sheet adds a copy with a new id.
      state.chartId = nextChartId++;
      chartsOf(this.sheet).push(state);
      this.ctx.model.changed({ type: "structure", sheet: this.sheet.name });
    });
  }

  updateChart(chart: unknown): void {
    this.#call("updateChart", WRITE, () => {
      const built = builtCharts.get(chart as object);
      if (!built) this.ctx.signature("Sheet.updateChart", [chart]);
      const charts = chartsOf(this.sheet);
      const index = charts.findIndex((state) => state.chartId === built!.state.chartId);
      // (assumed) Sheets' wording for a chart that is not on this sheet.
      if (built!.state.chartId === null || index < 0) throw new SheetsError("Chart not found.");
      charts[index] = copyState(built!.state);
      this.ctx.model.changed({ type: "structure", sheet: this.sheet.name });
    });
  }

  removeChart(chart: unknown): void {
    this.#call("removeChart", WRITE, () => {
      const built = builtCharts.get(chart as object);
      if (!built) this.ctx.signature("Sheet.removeChart", [chart]);
      const charts = chartsOf(this.sheet);
      const index = charts.findIndex((state) => state.chartId === built!.state.chartId);
      if (built!.state.chartId === null || index < 0) throw new SheetsError("Chart not found.");
      charts.splice(index, 1);
      this.ctx.model.changed({ type: "structure", sheet: this.sheet.name });
    });
  }
}

/** EmbeddedChart: a snapshot of a chart, read-only; `modify()` starts a builder from it. */
function embeddedChart(ctx: ServiceContext, source: SheetChart): object {
  const { sheet } = source;
  const state = copyState(source.state);
  const call = <T>(method: string, body: () => T): T =>
    ctx.call(`EmbeddedChart.${method}`, READ, 0, body);
  const chart = {
    getChartId: () => call("getChartId", () => state.chartId),
    getRanges: () =>
      call("getRanges", () =>
        ctx.array(state.ranges.map((range) => ctx.facades.range(range.sheet, range.rect))),
      ),
    getOptions: () =>
      call("getOptions", () => ({
        get: (option: unknown) => state.options[String(option)] ?? null,
        getOrDefault: (option: unknown) => state.options[String(option)] ?? null,
        toString: () => "ChartOptions",
      })),
    getContainerInfo: () =>
      call("getContainerInfo", () => ({
        getAnchorRow: () => state.anchor.row,
        getAnchorColumn: () => state.anchor.column,
        getOffsetX: () => state.anchor.offsetX,
        getOffsetY: () => state.anchor.offsetY,
        toString: () => "ContainerInfo",
      })),
    getNumHeaders: () => call("getNumHeaders", () => state.numHeaders),
    getTransposeRowsAndColumns: () => call("getTransposeRowsAndColumns", () => state.transposed),
    modify: () =>
      call("modify", () => new EmbeddedChartBuilder(ctx, { sheet, state: copyState(state) })),
    getAs: () =>
      call("getAs", () => ctx.fail("Charts can't be drawn as images in the local runtime.")),
    getBlob: () =>
      call("getBlob", () => ctx.fail("Charts can't be drawn as images in the local runtime.")),
    toString: () => "EmbeddedChart",
  };
  builtCharts.set(chart, { sheet, state });
  return chart;
}

/** EmbeddedChartBuilder: changes nothing until `build()` and then insertChart or updateChart. */
export class EmbeddedChartBuilder {
  readonly #ctx: ServiceContext;
  /** The chart being built: a fresh one, or a copy of one on the sheet. */
  readonly #chart: SheetChart;

  constructor(ctx: ServiceContext, chart: SheetChart) {
    this.#ctx = ctx;
    this.#chart = chart;
  }

  #call<T>(method: string, body: () => T): T {
    return this.#ctx.call(`EmbeddedChartBuilder.${method}`, READ, 0, body);
  }

  #range(method: string, range: unknown): ChartRange {
    const located = RangeFacade.locate(range);
    if (!located) this.#ctx.signature(`EmbeddedChartBuilder.${method}`, [range]);
    return located!;
  }

  toString(): string {
    return "EmbeddedChartBuilder";
  }

  addRange(range: unknown): this {
    return this.#call("addRange", () => {
      this.#chart.state.ranges.push(this.#range("addRange", range));
      return this;
    });
  }

  removeRange(range: unknown): this {
    return this.#call("removeRange", () => {
      const { sheet, rect } = this.#range("removeRange", range);
      this.#chart.state.ranges = this.#chart.state.ranges.filter(
        (kept) => kept.sheet !== sheet || rectA1(kept.rect) !== rectA1(rect),
      );
      return this;
    });
  }

  clearRanges(): this {
    return this.#call("clearRanges", () => {
      this.#chart.state.ranges = [];
      return this;
    });
  }

  getRanges(): object[] {
    return this.#call("getRanges", () =>
      this.#ctx.array(
        this.#chart.state.ranges.map((r) => this.#ctx.facades.range(r.sheet, r.rect)),
      ),
    );
  }

  setChartType(type: unknown): this {
    return this.#call("setChartType", () => {
      if (!CHART_TYPES.includes(type as ChartType))
        this.#ctx.signature("EmbeddedChartBuilder.setChartType", [type]);
      this.#chart.state.type = type as ChartType;
      return this;
    });
  }

  getChartType(): ChartType | null {
    return this.#call("getChartType", () => this.#chart.state.type);
  }

  asLineChart(): this {
    return this.#call("asLineChart", () => {
      this.#chart.state.type = "LINE";
      return this;
    });
  }

  setOption(option: unknown, value: unknown): this {
    return this.#call("setOption", () => {
      if (typeof option !== "string")
        this.#ctx.signature("EmbeddedChartBuilder.setOption", [option, value]);
      this.#chart.state.options[option as string] = structuredClone(value);
      return this;
    });
  }

  setPosition(
    anchorRowPos: unknown,
    anchorColPos: unknown,
    offsetX: unknown,
    offsetY: unknown,
  ): this {
    return this.#call("setPosition", () => {
      const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
      const [row, column, x, y] = args.map((arg) =>
        this.#ctx.integer(arg, "EmbeddedChartBuilder.setPosition", args),
      );
      this.#chart.state.anchor = { row: row!, column: column!, offsetX: x!, offsetY: y! };
      return this;
    });
  }

  getContainer(): object {
    return this.#call("getContainer", () => {
      const anchor = { ...this.#chart.state.anchor };
      return {
        getAnchorRow: () => anchor.row,
        getAnchorColumn: () => anchor.column,
        getOffsetX: () => anchor.offsetX,
        getOffsetY: () => anchor.offsetY,
        toString: () => "ContainerInfo",
      };
    });
  }

  setNumHeaders(headers: unknown): this {
    return this.#call("setNumHeaders", () => {
      this.#chart.state.numHeaders = this.#ctx.integer(
        headers,
        "EmbeddedChartBuilder.setNumHeaders",
        [headers],
      );
      return this;
    });
  }

  setTransposeRowsAndColumns(transpose: unknown): this {
    return this.#call("setTransposeRowsAndColumns", () => {
      this.#chart.state.transposed = Boolean(transpose);
      return this;
    });
  }

  build(): object {
    return this.#call("build", () => embeddedChart(this.#ctx, this.#chart));
  }
}
