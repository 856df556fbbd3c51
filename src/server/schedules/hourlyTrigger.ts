// The one time-driven trigger an add-on may have per user and document, firing hourly: it carries
// on long pulls nobody is driving and runs the saved queries that are due. Installed while there
// is work for it, never twice. A trigger belongs to the user who made it and to one spreadsheet:
// its id is kept in the user's properties under the spreadsheet's id, and only this spreadsheet's
// triggers are ever listed, made or deleted — another spreadsheet's schedules are none of ours.

import type { PropertyStore, TriggerManager } from "../platform/types.js";

/** The public function the trigger calls. */
export const HOURLY_HANDLER = "onHourlyTrigger";
const STORED_ID_PREFIX = "tt.hourlyTriggerId.";

function storedIdName(triggers: TriggerManager): string {
  return STORED_ID_PREFIX + triggers.documentId;
}

/** Makes sure exactly one hourly trigger calls the handler in this spreadsheet; answers its id. */
export function ensureHourlyTrigger(
  triggers: TriggerManager,
  userProperties: PropertyStore,
): string {
  const name = storedIdName(triggers);
  const stored = userProperties.get(name);
  const ours = triggers.list().filter((trigger) => trigger.handler === HOURLY_HANDLER);
  const keep = ours.find((trigger) => trigger.id === stored) ?? ours[0];
  for (const extra of ours) if (extra !== keep) triggers.delete(extra.id);
  const id = keep?.id ?? triggers.createHourly(HOURLY_HANDLER);
  if (stored !== id) userProperties.set(name, id);
  return id;
}

export function removeHourlyTrigger(triggers: TriggerManager, userProperties: PropertyStore): void {
  for (const trigger of triggers.list()) {
    if (trigger.handler === HOURLY_HANDLER) triggers.delete(trigger.id);
  }
  userProperties.delete(storedIdName(triggers));
}

/** The stored id of this spreadsheet's trigger, if any (the setup check compares it). */
export function storedHourlyTriggerId(
  triggers: TriggerManager,
  userProperties: PropertyStore,
): string | null {
  return userProperties.get(storedIdName(triggers));
}
