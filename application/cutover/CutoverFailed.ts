import { Schema } from "effect"

/** A cutover step that cannot go on, with why in the operator's words (`strata cutover`, the admin API). */
export class CutoverFailed extends Schema.TaggedError<CutoverFailed>()("CutoverFailed", {
  reason: Schema.String
}) {
  override get message() {
    return this.reason
  }
}

/** Two cutover commands wrote the same record at once: the loser says so and is run again. */
export const concurrentChange = () =>
  new CutoverFailed({ reason: "another cutover command changed the cutover at the same time; run this one again" })
