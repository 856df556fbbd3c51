// Embedded charts in the runtime, in Apps Script's shapes: newChart's builder, insertChart,
// getCharts, modify + updateChart, removeChart, the ranges and type a chart keeps, the Charts enum,
// the snapshot the playground draws from, and charts being writes that custom functions can't do.

import { describe, expect, it } from "vitest";
import { createCharts } from "../../../../dev/runtime/spreadsheet/index.js";
import { harness, thrown } from "./harness.js";

const Charts = createCharts();

describe("embedded charts", () => {
  it("builds, inserts, lists, modifies and removes a line chart", () => {
    const { execution, model } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    sheet.getRange("A1:C3").setValues([
      ["Day", "a", "b"],
      [1, 10, 20],
      [2, 15, 18],
    ]);
    const builder = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange("A1:C3"))
      .setNumHeaders(1)
      .setPosition(2, 5, 0, 0)
      .setOption("title", "Growth");
    expect(builder.getChartType()).toBe("LINE");
    const chart = builder.build();
    expect(chart.getChartId()).toBeNull();
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.insertChart(chart);

    const [inserted] = sheet.getCharts();
    expect(typeof inserted.getChartId()).toBe("number");
    expect(
      inserted.getRanges().map((range: { getA1Notation(): string }) => range.getA1Notation()),
    ).toEqual(["A1:C3"]);
    expect(inserted.getOptions().get("title")).toBe("Growth");
    expect(inserted.getContainerInfo().getAnchorColumn()).toBe(5);
    expect(inserted.modify().getChartType()).toBe("LINE");

    // A builder changes nothing until updateChart.
    const changed = inserted
      .modify()
      .clearRanges()
      .addRange(sheet.getRange("A1:B3"))
      .setChartType(Charts.ChartType.COLUMN)
      .build();
    expect(sheet.getCharts()[0].modify().getChartType()).toBe("LINE");
    sheet.updateChart(changed);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getChartId()).toBe(inserted.getChartId());
    expect(sheet.getCharts()[0].modify().getChartType()).toBe("COLUMN");

    const [snapshot] = model.snapshot().sheets[0]!.charts;
    expect(snapshot).toMatchObject({
      type: "COLUMN",
      anchorRow: 2,
      anchorColumn: 5,
      numHeaders: 1,
      options: { title: "Growth" },
      ranges: [{ sheet: "Sheet1", a1: "A1:B3", row: 1, column: 1, numRows: 3, numColumns: 2 }],
    });

    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(thrown(() => sheet.removeChart(chart)).message).toBe("Chart not found.");
    expect(thrown(() => sheet.updateChart(chart)).message).toBe("Chart not found.");
  });

  it("refuses what isn't a range, a chart type or a chart, and writes in custom functions", () => {
    const { execution } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    expect(thrown(() => sheet.newChart().addRange("A1:B2")).message).toMatch(
      /parameters \(String\) don't match the method signature/,
    );
    expect(thrown(() => sheet.newChart().setChartType("LINES")).message).toMatch(
      /don't match the method signature/,
    );
    expect(thrown(() => sheet.insertChart({})).message).toMatch(/don't match the method signature/);

    const custom = execution({ kind: "customFunction", authMode: "CUSTOM_FUNCTION" }).app;
    const readOnly = custom.getActiveSheet();
    const chart = readOnly.newChart().setChartType("LINE").build();
    expect(readOnly.getCharts()).toHaveLength(0);
    expect(thrown(() => readOnly.insertChart(chart)).message).toMatch(/permission/);
  });
});
