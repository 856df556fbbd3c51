// Query validation: the filter specifications of both sources, their schemas, and
// validateQuery, which turns what users type into the validated query model.

export * from "./issues.js";
export * from "./paging.js";
export * from "./specs.js";
export * from "./types.js";
export * from "./validate.js";
export {
  type FieldResult,
  type FilterValue,
  filterSchema,
  readNumber,
  validateFilterValue,
} from "./values.js";
