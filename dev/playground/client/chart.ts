// Draws the shown sheet's embedded charts as simple SVG line charts floating over the grid, where
// Sheets would place them: a title, axes with their extremes, one coloured line per series with
// dots at its points, and a legend. Built with DOM calls only: names from the sheet stay text.

import type { PlaygroundChart } from "../charts.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 560;
const HEIGHT = 320;
const PAD = { left: 64, right: 150, top: 34, bottom: 36 };
const COLOURS = [
  "#1a73e8",
  "#d93025",
  "#f9ab00",
  "#188038",
  "#9334e6",
  "#e8710a",
  "#12b5cb",
  "#c5221f",
  "#5f6368",
  "#b31412",
];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function shortNumber(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(
    value,
  );
}

function xLabel(chart: PlaygroundChart, x: number | string): string {
  if (typeof x === "string") return x;
  return chart.dates ? new Date(x).toISOString().slice(0, 10) : shortNumber(x);
}

/** One chart as an SVG figure. */
export function chartFigure(chart: PlaygroundChart): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "embedded-chart";
  figure.dataset.testid = "embedded-chart";
  figure.dataset.chartType = chart.type ?? "";
  const root = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: "img",
  });
  root.setAttribute("aria-label", chart.title || "Chart");
  root.append(svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: "#fff" }));
  root.append(
    svg(
      "text",
      { x: WIDTH / 2, y: 20, "text-anchor": "middle", class: "chart-title" },
      chart.title,
    ),
  );

  const numericX = chart.points.every((point) => typeof point.x === "number");
  const xs = chart.points.map((point, index) => (numericX ? (point.x as number) : index));
  // A log scale draws only positive values, as Google Charts does.
  const scale = (y: number) => (chart.logScale ? Math.log10(y) : y);
  const drawn = (y: number | null): y is number => y !== null && (!chart.logScale || y > 0);
  const ys = chart.points.flatMap((point) => point.ys.filter(drawn).map(scale));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const sx = (x: number) =>
    PAD.left + (xMax === xMin ? plotW / 2 : ((x - xMin) / (xMax - xMin)) * plotW);
  const sy = (y: number) =>
    PAD.top + plotH - (yMax === yMin ? plotH / 2 : ((y - yMin) / (yMax - yMin)) * plotH);

  const axis = { stroke: "#5f6368", "stroke-width": 1 };
  root.append(
    svg("line", { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: PAD.top + plotH, ...axis }),
  );
  root.append(
    svg("line", {
      x1: PAD.left,
      y1: PAD.top + plotH,
      x2: PAD.left + plotW,
      y2: PAD.top + plotH,
      ...axis,
    }),
  );
  const unscale = (y: number) => (chart.logScale ? 10 ** y : y);
  for (const y of ys.length ? [yMin, yMax] : []) {
    root.append(
      svg(
        "text",
        { x: PAD.left - 6, y: sy(y) + 4, "text-anchor": "end", class: "chart-tick" },
        shortNumber(unscale(y)),
      ),
    );
  }
  if (chart.points.length > 0) {
    const first = chart.points[0]!;
    const last = chart.points[chart.points.length - 1]!;
    root.append(
      svg(
        "text",
        { x: sx(xs[0]!), y: HEIGHT - 14, "text-anchor": "start", class: "chart-tick" },
        xLabel(chart, first.x),
      ),
    );
    if (chart.points.length > 1) {
      root.append(
        svg(
          "text",
          { x: sx(xs[xs.length - 1]!), y: HEIGHT - 14, "text-anchor": "end", class: "chart-tick" },
          xLabel(chart, last.x),
        ),
      );
    }
  }

  chart.names.forEach((name, series) => {
    const colour = COLOURS[series % COLOURS.length]!;
    const points = chart.points
      .map((point, index) => ({ x: xs[index]!, y: point.ys[series] ?? null }))
      .filter((point): point is { x: number; y: number } => drawn(point.y))
      .map((point) => ({ x: point.x, y: scale(point.y) }));
    const line = svg("polyline", {
      points: points
        .map((point) => `${sx(point.x).toFixed(1)},${sy(point.y).toFixed(1)}`)
        .join(" "),
      fill: "none",
      stroke: colour,
      "stroke-width": 2,
    });
    line.dataset.series = name;
    line.classList.add("chart-line");
    root.append(line);
    for (const point of points) {
      root.append(svg("circle", { cx: sx(point.x), cy: sy(point.y), r: 2.5, fill: colour }));
    }
    const legendY = PAD.top + series * 18;
    root.append(
      svg("rect", {
        x: WIDTH - PAD.right + 12,
        y: legendY - 8,
        width: 10,
        height: 10,
        fill: colour,
      }),
    );
    root.append(
      svg("text", { x: WIDTH - PAD.right + 28, y: legendY + 1, class: "chart-legend" }, name),
    );
  });
  figure.append(root);
  return figure;
}

/** Replaces the charts shown over the grid with the sheet's own. */
export function showCharts(container: HTMLElement, charts: readonly PlaygroundChart[]): void {
  container.replaceChildren(...charts.map(chartFigure));
  container.hidden = charts.length === 0;
}
