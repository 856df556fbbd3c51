// An Intl without time-zone data, as a JavaScript engine built with small ICU has: any zone but UTC
// is refused with a RangeError. Google doesn't document Intl's zones in Apps Script; a test turns
// them off to see the add-on fall back to Utilities.formatDate.

import vm from "node:vm";

const WITHOUT_ZONES = `(function () {
  const Original = Intl.DateTimeFormat;
  const utc = new Set(["UTC", "ETC/UTC", "ETC/GMT", "GMT"]);
  function DateTimeFormat(locales, options) {
    const zone = options && options.timeZone;
    if (zone !== undefined && !utc.has(String(zone).toUpperCase())) {
      throw new RangeError("Invalid time zone specified: " + zone);
    }
    return new Original(locales, Object.assign({}, options, { timeZone: "UTC" }));
  }
  DateTimeFormat.prototype = Original.prototype;
  DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
  Object.defineProperty(Intl, "DateTimeFormat", { value: DateTimeFormat, writable: true, configurable: true });
})()`;

/** Takes the time zones out of a script realm's Intl (Date's own UTC methods stay). */
export function removeIntlTimeZones(context: vm.Context): void {
  vm.runInContext(WITHOUT_ZONES, context);
}
