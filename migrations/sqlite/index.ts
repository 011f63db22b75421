import * as Migrator from "effect/sql/Migrator"
import eventLog from "./0001_event_log.ts"
import keyRing from "./0002_key_ring.ts"
import auditIndexes from "./0003_audit_indexes.ts"
import controlRecords from "./0004_control_records.ts"
import compactEvents from "./0005_compact_events.ts"
import streamsNamedInLog from "./0006_streams_named_in_log.ts"

export const migrations = Migrator.fromRecord({
  "0001_event_log": eventLog,
  "0002_key_ring": keyRing,
  "0003_audit_indexes": auditIndexes,
  "0004_control_records": controlRecords,
  "0005_compact_events": compactEvents,
  "0006_streams_named_in_log": streamsNamedInLog
})
