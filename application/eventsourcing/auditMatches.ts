import type { AuditQuery, RecordedEvent } from "../ports/EventStore.ts"
import * as Actor from "./Actor.ts"

/**
 * Whether an event answers an audit query's filters (not its paging): the audit's
 * questions asked of events in hand — the memory store's log, an archive's files — as
 * the SQL backends ask them of their rows.
 */
export const auditMatches = (audit: Omit<AuditQuery, "after" | "limit">, event: RecordedEvent): boolean =>
  (audit.eventIds === undefined || audit.eventIds.includes(event.eventId)) &&
  (audit.streamId === undefined || event.streamId === audit.streamId) &&
  (audit.streamPrefix === undefined || event.streamId.startsWith(audit.streamPrefix)) &&
  (audit.correlationId === undefined || event.metadata.correlationId === audit.correlationId) &&
  (audit.type === undefined || event.type === audit.type) &&
  (audit.actor === undefined || event.metadata.actor === audit.actor) &&
  (audit.owner === undefined || (event.metadata.actor !== undefined && Actor.isOwners(event.metadata.actor, audit.owner))) &&
  (audit.keyId === undefined || (event.metadata.actor !== undefined && Actor.isKeys(event.metadata.actor, audit.keyId))) &&
  (audit.from === undefined || event.recordedAt >= audit.from) &&
  (audit.to === undefined || event.recordedAt < audit.to)
