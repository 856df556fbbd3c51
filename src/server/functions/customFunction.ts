// Runs a custom function's body and turns any failure into the Error Sheets shows on the cell:
// its message begins with the function's name, so the user knows which formula to fix.

import { AddonError, describeError, isAddonError } from "../errors.js";

export function runCustomFunction<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new AddonError(
      isAddonError(error) ? error.code : "INTERNAL",
      `${name}: ${describeError(error)}`,
      { cause: error },
    );
  }
}
