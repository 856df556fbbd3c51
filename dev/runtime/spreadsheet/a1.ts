// A1 notation: column letters, cell and range references ("B2", "A1:C3", "A:C", "2:5", "A2:C",
// "'My sheet'!A1:B2"), resolved against a sheet's size the way Sheets resolves open-ended ranges.

import { LIMITS, MESSAGES, SheetsError } from "./errors.js";

export interface GridRect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rectA1(rect: GridRect): string {
  const start = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/** A sheet name as it must be written before "!" in A1 notation. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
}

/** Splits "'It''s'!A1:B2" into the sheet name and the reference; no name when there is no "!". */
export function splitSheetName(text: string): { sheetName?: string; reference: string } {
  if (text.startsWith("'")) {
    let name = "";
    for (let index = 1; index < text.length; index++) {
      const char = text[index]!;
      if (char === "'") {
        if (text[index + 1] === "'") {
          name += "'";
          index++;
          continue;
        }
        if (text[index + 1] !== "!") break;
        return { sheetName: name, reference: text.slice(index + 2) };
      }
      name += char;
    }
    return { reference: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { reference: text };
  return { sheetName: text.slice(0, bang), reference: text.slice(bang + 1) };
}

interface Endpoint {
  readonly column?: number;
  readonly row?: number;
}

const ENDPOINT = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parseEndpoint(text: string): Endpoint | null {
  const match = ENDPOINT.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const column = match[1] === undefined ? undefined : columnNumber(match[1]);
  const row = match[2] === undefined ? undefined : Number(match[2]);
  if (column !== undefined && column > LIMITS.columnsPerSheet) return null;
  if (row !== undefined && row < 1) return null;
  return { column, row };
}

/**
 * Resolves a reference without sheet name against a sheet of `maxRows` × `maxColumns`. A single
 * cell needs both its column and row; a missing end of a range reaches the sheet's edge.
 */
export function resolveA1(reference: string, maxRows: number, maxColumns: number): GridRect {
  const parts = reference.split(":");
  if (parts.length > 2) throw new SheetsError(MESSAGES.rangeNotFound);
  const start = parseEndpoint(parts[0]!);
  if (!start) throw new SheetsError(MESSAGES.rangeNotFound);
  if (parts.length === 1) {
    if (start.column === undefined || start.row === undefined) {
      throw new SheetsError(MESSAGES.rangeNotFound);
    }
    return checkedRect(start.row, start.column, start.row, start.column, maxRows, maxColumns);
  }
  const end = parseEndpoint(parts[1]!);
  if (!end) throw new SheetsError(MESSAGES.rangeNotFound);
  // "A:C" and "2:5" must be whole columns or rows on both sides.
  if ((start.row === undefined) !== (end.row === undefined) && start.row === undefined) {
    throw new SheetsError(MESSAGES.rangeNotFound);
  }
  if (start.column === undefined && end.column !== undefined) {
    throw new SheetsError(MESSAGES.rangeNotFound);
  }
  const top = start.row ?? 1;
  const left = start.column ?? 1;
  const bottom = end.row ?? maxRows;
  const right = end.column ?? maxColumns;
  return checkedRect(
    Math.min(top, bottom),
    Math.min(left, right),
    Math.max(top, bottom),
    Math.max(left, right),
    maxRows,
    maxColumns,
  );
}

function checkedRect(
  top: number,
  left: number,
  bottom: number,
  right: number,
  maxRows: number,
  maxColumns: number,
): GridRect {
  // (assumed) an A1 reference past the sheet's edge fails like a numeric one does.
  if (bottom > maxRows || right > maxColumns) throw new SheetsError(MESSAGES.outsideSheet);
  return { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
}
