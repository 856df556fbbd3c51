// The one path from a search field's control into the search form: what the person types or picks
// goes through a change of the form, and a select of the form is a field like any other.

import type { ViewContext } from "../context.js";
import { controlValue, type FieldOptions, field, select } from "../views/field.js";
import type { SearchForm } from "./form.js";

type FormChange = (form: SearchForm, value: string) => SearchForm;

/** An input handler writing the control's value into the search form through `change`. */
export function onSearchInput(ctx: ViewContext, change: FormChange): (event: Event) => void {
  return (event) => {
    const value = controlValue(event);
    ctx.actions.updateSearch((form) => change(form, value));
  };
}

export interface SearchSelectOptions extends Omit<FieldOptions, "control"> {
  readonly testid: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  readonly selected: string;
  readonly choose: FormChange;
}

/** A labelled select whose choice goes into the search form. */
export function searchSelect(ctx: ViewContext, options: SearchSelectOptions): HTMLElement {
  const { testid, choices, selected, choose, ...rest } = options;
  const onInput = onSearchInput(ctx, choose);
  return field(ctx, {
    ...rest,
    control: select({ "data-testid": testid, name: rest.name, onInput }, choices, selected),
  });
}
