// The one time-driven trigger an add-on may have per user and document, firing hourly: it carries
// on long pulls nobody is driving and runs the saved queries that are due. Installed while there
// is work for it, never twice.

import type { TriggerManager } from "../platform/types.js";

/** The public function the trigger calls. */
export const HOURLY_HANDLER = "onHourlyTrigger";

/** Makes sure exactly one hourly trigger calls the handler; answers its id. */
export function ensureHourlyTrigger(triggers: TriggerManager): string {
  const ours = triggers.list().filter((trigger) => trigger.handler === HOURLY_HANDLER);
  for (const extra of ours.slice(1)) triggers.delete(extra.id);
  return ours[0]?.id ?? triggers.createHourly(HOURLY_HANDLER);
}

export function removeHourlyTrigger(triggers: TriggerManager): void {
  for (const trigger of triggers.list()) {
    if (trigger.handler === HOURLY_HANDLER) triggers.delete(trigger.id);
  }
}
