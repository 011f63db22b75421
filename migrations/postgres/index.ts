import * as Migrator from "@effect/sql/Migrator"
import eventLog from "./0001_event_log.ts"

export const migrations = Migrator.fromRecord({
  "0001_event_log": eventLog
})
