// The one time-driven trigger an add-on may have per user and document, firing hourly: it carries
// on long pulls nobody is driving and runs the saved queries that are due. Installed while there
// is work for it, never twice: its id is kept in the user's properties (a trigger belongs to the
// user who made it) and checked against the project's triggers.

import type { PropertyStore, TriggerManager } from "../platform/types.js";

/** The public function the trigger calls. */
export const HOURLY_HANDLER = "onHourlyTrigger";
const STORED_ID = "tt.hourlyTriggerId";

/** Makes sure exactly one hourly trigger calls the handler; answers its id. */
export function ensureHourlyTrigger(
  triggers: TriggerManager,
  userProperties: PropertyStore,
): string {
  const stored = userProperties.get(STORED_ID);
  const ours = triggers.list().filter((trigger) => trigger.handler === HOURLY_HANDLER);
  const keep = ours.find((trigger) => trigger.id === stored) ?? ours[0];
  for (const extra of ours) if (extra !== keep) triggers.delete(extra.id);
  const id = keep?.id ?? triggers.createHourly(HOURLY_HANDLER);
  if (stored !== id) userProperties.set(STORED_ID, id);
  return id;
}

export function removeHourlyTrigger(triggers: TriggerManager, userProperties: PropertyStore): void {
  for (const trigger of triggers.list()) {
    if (trigger.handler === HOURLY_HANDLER) triggers.delete(trigger.id);
  }
  userProperties.delete(STORED_ID);
}
