// Simulated time that emulated services charge to the virtual clock. Apps Script service calls are
// remote calls: a batched write takes about as long as one small write, which is why batching wins.
// UrlFetch charges no fixed cost: its time is the latency the fake server declares per response.

export const COST_MS = {
  /** One SpreadsheetApp call that reads or writes cells, plus a share per thousand cells. */
  sheetsDataCall: 10,
  sheetsPerThousandCells: 5,
  /** One SpreadsheetApp call that reads or changes metadata (names, sizes, formats, frozen rows). */
  sheetsMetadataCall: 2,
  propertiesCall: 5,
  cacheCall: 3,
  lockCall: 1,
} as const;

/** The time a Sheets data call costs for a block of `cells` cells. */
export function sheetsDataCost(cells: number): number {
  return COST_MS.sheetsDataCall + Math.ceil((cells * COST_MS.sheetsPerThousandCells) / 1000);
}
