// The add-on writes up to 100,000 rows in blocks and reads big sheets back for upserts: the
// emulated sheet must take that in seconds.

import { expect, it } from "vitest";
import { harness } from "./harness.js";

it("writes 100,000 × 20 in blocks of 5,000 and reads it back in a few seconds", () => {
  const { execution, model } = harness();
  const { app, exec } = execution({ timeLimitMs: 3_600_000 });
  const sheet = app.getActiveSheet();
  const columns = 20;
  const started = performance.now();
  sheet.getRange(1, 1, 1, columns).setNumberFormat("@");
  sheet.insertRowsAfter(sheet.getMaxRows(), 100_000 - sheet.getMaxRows());
  sheet.getRange(1, 1, 100_000, 1).setNumberFormat("@");
  for (let start = 1; start <= 100_000; start += 5000) {
    const block = Array.from({ length: 5000 }, (_, i) => {
      const row = start + i;
      const line: unknown[] = [`${6_787_580_688_797_713_413n + BigInt(row)}`];
      for (let c = 1; c < columns; c++) line.push(c % 3 === 0 ? `name ${row}` : row * c + 0.5);
      return line;
    });
    sheet.getRange(start, 1, 5000, columns).setValues(block);
  }
  const values = sheet.getDataRange().getValues();
  const elapsed = performance.now() - started;
  expect(values).toHaveLength(100_000);
  expect(values[99_999]![0]).toBe("6787580688797813413");
  expect(values[0]![1]).toBe(1.5);
  expect(values[12_345]![3]).toBe("name 12346");
  expect(exec.calls.get("Range.setValues")).toBe(20);
  expect(model.sheet("Sheet1").lastRow()).toBe(100_000);
  expect(elapsed).toBeLessThan(5000);
});

it("reads a 20,000-row sheet for an upsert quickly", () => {
  const { execution, model } = harness();
  const fixture = Array.from({ length: 20_000 }, (_, i) => [`id${i}`, i, `creator ${i}`, i / 7]);
  model.sheet("Sheet1").setValuesDirect(1, 1, fixture);
  const { app } = execution();
  const started = performance.now();
  const ids = app.getActiveSheet().getRange(1, 1, 20_000, 1).getValues();
  const display = app.getActiveSheet().getDataRange().getDisplayValues();
  expect(ids[19_999]![0]).toBe("id19999");
  expect(display[7]![3]).toBe("1");
  // Far less alone; the margin is for a loaded machine, the bound for a regression.
  expect(performance.now() - started).toBeLessThan(4000);
});
