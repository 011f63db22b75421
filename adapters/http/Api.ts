import { Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "effect/http-api"
import * as ApiKey from "../../domain/ApiKey.ts"
import { ReferenceData } from "../../domain/ReferenceData.ts"
import * as Sandbox from "../../domain/Sandbox.ts"
import * as Session from "../../domain/Session.ts"
import { MessageDocument, SessionDocument } from "../../application/features/Sessions.ts"
import { Authorization } from "./Auth.ts"
import { SchemaProblems } from "./BadInput.ts"
import * as Problem from "./Problem.ts"

/**
 * The HTTP API: every request and response described by a Schema, and the OpenAPI
 * document derived from these definitions. Times are ISO 8601 strings; every resource
 * carries its `version`, which is also its `ETag`, and writes take `If-Match`.
 */

/** Every write takes one (draft-ietf-httpapi-idempotency-key-header). */
const Idempotent = Schema.Struct({
  "idempotency-key": Schema.optional(Schema.String.annotate({
    description: "Makes the write safe to send again: the same key with the same request (method, path, If-Match, " +
      "body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same " +
      "key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400",
    examples: ["8e03978e-40d5-43e8-bc93-6894a57f9324"]
  }))
})
const IfMatch = Schema.Struct({
  "if-match": Schema.optional(Schema.String.annotate({
    description: "The version the write expects (the resource's ETag); a mismatch is 412"
  })),
  ...Idempotent.fields
})
const Instant = Schema.String.annotate({ description: "ISO 8601", examples: ["2026-11-22T12:00:00.000Z"] })
const Deleted = HttpApiSchema.NoContent

// Operations

export const Health = Schema.Struct({ status: Schema.Literal("ok") })
const MirrorLag = Schema.Struct({
  events: Schema.Number,
  seconds: Schema.Number
}).annotate({ description: "How far the mirror's target is behind the side that serves" })

export const Readiness = Schema.Struct({
  status: Schema.Literal("ready"),
  head: Schema.Number,
  database: Schema.optional(Schema.String.annotate({
    description: "The database this process was started with, without credentials (during a cutover, its origin)"
  })),
  cutover: Schema.optional(Schema.Struct({
    id: Schema.String,
    phase: Schema.String,
    target: Schema.String,
    /** Whether this process holds the mirror's lease. */
    mirroring: Schema.Boolean,
    lag: Schema.optional(MirrorLag)
  }).annotate({ description: "A cutover to another backend, while one is recorded" }))
})

export class OperationsApi extends HttpApiGroup.make("operations")
  .add(HttpApiEndpoint.get("health", "/health", { success: Health, error: Problem.errors }))
  .add(HttpApiEndpoint.get("ready", "/ready", { success: Readiness, error: Problem.errors }))
  .annotate(OpenApi.Description, "Liveness and readiness; no authentication")
{}

// Tokens

// Finite: as JSON, a Number would also take "Infinity" and "NaN" (strings) for numbers.
const TokenFields = {
  accessToken: Schema.String,
  refreshToken: Schema.String,
  expiresIn: Schema.NullOr(Schema.Finite),
  obtainmentTimestamp: Schema.Finite.annotate({ description: "Milliseconds since the epoch" })
}
const TokenValues = Schema.Struct({ ...TokenFields, scopes: Schema.Array(Schema.String) })
/**
 * A token as a client sends it: strata's shape, or `@twurple/auth`'s `AccessToken` as it
 * is (seed 000's bot saves what its `onRefresh` hands over, with `scope`).
 */
export const TokenInput = Schema.Union([
  TokenValues,
  Schema.Struct({ ...TokenFields, scope: Schema.Array(Schema.String) }).annotate({
    description: "@twurple/auth's AccessToken, as it is: its scopes are `scope`"
  })
])
const TokenSaved = Schema.Struct({ name: Schema.String, version: Schema.Number })
const Token = Schema.Struct({ name: Schema.String, ...TokenValues.fields, updatedAt: Instant, version: Schema.Number })
/** Keyset paging, the same on every list (see `application/eventsourcing/Paging.ts`). */
const PageParams = Schema.Struct({
  after: Schema.optional(Schema.String).annotate({ description: "The `next` of the page before; absent: from the start" }),
  /** Clamped to 1–500; a whole number (NaN and Infinity are numbers too). */
  limit: Schema.optional(Schema.Int).annotate({ description: "Items per page, 1–500 (default 100); out of range it is clamped" })
})
/** What a list answers besides its items: where the next page starts, while one remains. */
const Next = { next: Schema.optional(Schema.String).annotate({ description: "Pass as `after` for the next page; absent on the last one" }) }

const TokenList = Schema.Struct({
  hasAny: Schema.Boolean,
  tokens: Schema.Array(Schema.Struct({ name: Schema.String, updatedAt: Instant, version: Schema.Number })),
  ...Next
})
const TokenName = Schema.Struct({ name: Schema.String })

export class TokensApi extends HttpApiGroup.make("tokens")
  .add(HttpApiEndpoint.put("save", "/v1/tokens/:name", { params: TokenName, headers: Idempotent, payload: TokenInput, success: TokenSaved, error: Problem.errors }))
  .add(
    HttpApiEndpoint.post("refresh", "/v1/tokens/:name/refresh", { params: TokenName, headers: IfMatch, payload: TokenInput, success: TokenSaved, error: Problem.errors }).annotate(OpenApi.Description, "Replaces the token's values if it is still at the version in If-Match (required)")
  )
  .add(HttpApiEndpoint.get("get", "/v1/tokens/:name", { params: TokenName, success: Token, error: Problem.errors }))
  .add(HttpApiEndpoint.get("list", "/v1/tokens", { query: PageParams, success: TokenList, error: Problem.errors }))
  .add(HttpApiEndpoint.delete("delete", "/v1/tokens/:name", { params: TokenName, headers: IfMatch, success: Deleted, error: Problem.errors }))
  .middleware(Authorization)
  .annotate(OpenApi.Description, "Named OAuth tokens of the calling owner")
{}

// API keys and usage

const KeyInput = Schema.Struct({
  name: Schema.String,
  model: Schema.optional(Schema.NullOr(Schema.String)),
  // The event's own bounds: what the edge accepts, the log can record.
  tokenLimitPer5h: ApiKey.TokenLimit,
  expiresAt: Schema.optional(Schema.NullOr(Instant))
})
const KeySummary = Schema.Struct({
  keyId: Schema.String,
  name: Schema.String,
  model: Schema.NullOr(Schema.String),
  tokenLimitPer5h: Schema.Number,
  expiresAt: Schema.NullOr(Instant),
  createdAt: Instant
})
const Key = Schema.Struct({ ...KeySummary.fields, version: Schema.Number })
const CreatedKey = Schema.Struct({
  ...Key.fields,
  secret: Schema.String.annotate({ description: "Shown once, here: only its hash is kept" })
})
const KeyUpdate = Schema.Struct({
  name: Schema.optional(Schema.String),
  model: Schema.optional(Schema.NullOr(Schema.String)),
  tokenLimitPer5h: Schema.optional(ApiKey.TokenLimit),
  expiresAt: Schema.optional(Schema.NullOr(Instant))
})
const Window = Schema.Struct({ start: Instant, end: Instant, tokens: Schema.Number })
const KeyStats = Schema.Struct({
  ...Key.fields,
  isExpired: Schema.Boolean,
  currentUsage: Schema.Number,
  remainingTokens: Schema.Number,
  lifetimeTokens: Schema.Number,
  lastUsed: Schema.NullOr(Instant),
  windows: Schema.Array(Window)
})
const KeyId = Schema.Struct({ keyId: Schema.String })
const Usage = Schema.Struct({ tokens: ApiKey.UsageTokens })

export class KeysApi extends HttpApiGroup.make("keys")
  .add(HttpApiEndpoint.post("create", "/v1/keys", { headers: Idempotent, payload: KeyInput, success: CreatedKey.pipe(HttpApiSchema.status(201)), error: Problem.errors }))
  .add(HttpApiEndpoint.get("list", "/v1/keys", { query: PageParams, success: Schema.Struct({ keys: Schema.Array(KeySummary), ...Next }), error: Problem.errors }))
  .add(HttpApiEndpoint.get("get", "/v1/keys/:keyId", { params: KeyId, success: Key, error: Problem.errors }))
  .add(HttpApiEndpoint.patch("update", "/v1/keys/:keyId", { params: KeyId, headers: IfMatch, payload: KeyUpdate, success: Key, error: Problem.errors }))
  .add(HttpApiEndpoint.delete("delete", "/v1/keys/:keyId", { params: KeyId, headers: Idempotent, success: Deleted, error: Problem.errors }))
  .add(HttpApiEndpoint.get("stats", "/v1/keys/:keyId/stats", { params: KeyId, success: KeyStats, error: Problem.errors }))
  .add(
    HttpApiEndpoint.post("recordUsage", "/v1/usage", { headers: Idempotent, payload: Usage, success: KeyStats, error: Problem.errors }).annotate(OpenApi.Description, "Records usage against the API key that authenticates the request")
  )
  .add(HttpApiEndpoint.get("usage", "/v1/usage", { success: KeyStats, error: Problem.errors }))
  .middleware(Authorization)
  .annotate(OpenApi.Description, "API keys with a token quota per 5 hours")
{}

// Sandboxes, provider credentials, reference data

const SandboxInput = Schema.Struct({
  name: Schema.String,
  tierId: Schema.String,
  flavorId: Schema.String,
  addonIds: Schema.optional(Schema.Array(Schema.String))
})
const SandboxView = Schema.Struct({
  sandboxId: Schema.String,
  name: Schema.String,
  tierId: Schema.String,
  flavorId: Schema.String,
  addonIds: Schema.Array(Schema.String),
  status: Sandbox.Status,
  failureReason: Schema.NullOr(Schema.String),
  createdAt: Instant,
  updatedAt: Instant,
  version: Schema.Number
})
const SandboxId = Schema.Struct({ sandboxId: Schema.String })
const Transition = Schema.Struct({ sandboxId: Schema.String, action: Schema.Literals(["start", "mark-running", "stop", "mark-stopped", "fail"]) })
const Provider = Schema.Struct({ provider: Schema.String })

export class SandboxesApi extends HttpApiGroup.make("sandboxes")
  .add(HttpApiEndpoint.post("create", "/v1/sandboxes", { headers: Idempotent, payload: SandboxInput, success: SandboxView.pipe(HttpApiSchema.status(201)), error: Problem.errors }))
  .add(HttpApiEndpoint.get("list", "/v1/sandboxes", { query: PageParams, success: Schema.Struct({ sandboxes: Schema.Array(SandboxView), ...Next }), error: Problem.errors }))
  .add(HttpApiEndpoint.get("get", "/v1/sandboxes/:sandboxId", { params: SandboxId, success: SandboxView, error: Problem.errors }))
  .add(
    HttpApiEndpoint.post("transition", "/v1/sandboxes/:sandboxId/:action", { params: Transition, headers: IfMatch, payload: Schema.Struct({ reason: Schema.optional(Schema.String) }), success: SandboxView, error: Problem.errors }).annotate(OpenApi.Description, "Moves the sandbox through its lifecycle; an illegal move is 409 naming the current state")
  )
  .add(HttpApiEndpoint.delete("delete", "/v1/sandboxes/:sandboxId", { params: SandboxId, headers: IfMatch, success: Deleted, error: Problem.errors }))
  .add(HttpApiEndpoint.get("referenceData", "/v1/reference-data", { success: ReferenceData, error: Problem.errors }))
  .add(
    HttpApiEndpoint.put("setCredential", "/v1/credentials/:provider", { params: Provider, headers: Idempotent, payload: Schema.Struct({ secret: Schema.String }), success: Schema.Struct({ provider: Schema.String, version: Schema.Number }), error: Problem.errors })
  )
  .add(HttpApiEndpoint.get("listCredentials", "/v1/credentials", { query: PageParams, success: Schema.Struct({ providers: Schema.Array(Schema.String), ...Next }), error: Problem.errors }))
  .add(
    HttpApiEndpoint.get("getCredential", "/v1/credentials/:provider", { params: Provider, success: Schema.Struct({ provider: Schema.String, secret: Schema.String }), error: Problem.errors })
  )
  .add(HttpApiEndpoint.delete("deleteCredential", "/v1/credentials/:provider", { params: Provider, headers: Idempotent, success: Deleted, error: Problem.errors }))
  .middleware(Authorization)
  .annotate(OpenApi.Description, "Sandboxes, the reference data they are chosen from, and provider credentials")
{}

// Sessions

/** The read models, with times as ISO 8601 instead of milliseconds. */
const SessionView = Schema.Struct({
  ...SessionDocument.fields,
  joinedAt: Schema.Record(Schema.String, Instant).annotate({ description: "When each member joined" }),
  createdAt: Instant
})
const MessageView = Schema.Struct({
  ...MessageDocument.fields,
  content: Schema.NullOr(Schema.String).annotate({ description: "Null once the message is deleted" }),
  postedAt: Instant,
  editedAt: Schema.NullOr(Instant),
  deletedAt: Schema.NullOr(Instant)
})
const SessionId = Schema.Struct({ sessionId: Schema.String })
const MessageId = Schema.Struct({ sessionId: Schema.String, messageId: Schema.String })
const HistoryParams = Schema.Struct({
  order: Schema.optional(Schema.Literals(["asc", "desc"])),
  ...PageParams.fields
})

export class SessionsApi extends HttpApiGroup.make("sessions")
  .add(
    HttpApiEndpoint.post("create", "/v1/sessions", { headers: Idempotent, payload: Schema.Struct({ title: Schema.String, sandboxId: Schema.optional(Schema.NullOr(Schema.String)) }), success: SessionView.pipe(HttpApiSchema.status(201)), error: Problem.errors })
  )
  .add(HttpApiEndpoint.get("list", "/v1/sessions", { query: PageParams, success: Schema.Struct({ sessions: Schema.Array(SessionView), ...Next }), error: Problem.errors }))
  .add(HttpApiEndpoint.get("get", "/v1/sessions/:sessionId", { params: SessionId, success: SessionView, error: Problem.errors }))
  .add(
    HttpApiEndpoint.patch("rename", "/v1/sessions/:sessionId", { params: SessionId, headers: Idempotent, payload: Schema.Struct({ title: Schema.String }), success: SessionView, error: Problem.errors })
  )
  .add(HttpApiEndpoint.post("archive", "/v1/sessions/:sessionId/archive", { params: SessionId, headers: Idempotent, success: SessionView, error: Problem.errors }))
  .add(
    HttpApiEndpoint.put("addMember", "/v1/sessions/:sessionId/members/:member", { params: Schema.Struct({ sessionId: Schema.String, member: Schema.String }), headers: Idempotent, payload: Schema.Struct({ role: Session.Role }), success: SessionView, error: Problem.errors })
  )
  .add(
    HttpApiEndpoint.delete("removeMember", "/v1/sessions/:sessionId/members/:member", { params: Schema.Struct({ sessionId: Schema.String, member: Schema.String }), headers: Idempotent, success: SessionView, error: Problem.errors })
  )
  .add(
    HttpApiEndpoint.post("post", "/v1/sessions/:sessionId/messages", { params: SessionId, headers: Idempotent, payload: Schema.Struct({ type: Schema.optional(Session.MessageType), content: Schema.String }), success: MessageView.pipe(HttpApiSchema.status(201)), error: Problem.errors })
  )
  .add(
    HttpApiEndpoint.get("history", "/v1/sessions/:sessionId/messages", { params: SessionId, query: HistoryParams, success: Schema.Struct({ messages: Schema.Array(MessageView), next: Schema.optional(Schema.String) }), error: Problem.errors }).annotate(OpenApi.Description, "A page of the history, newest first by default; pass `next` as `after` for the next page")
  )
  .add(
    HttpApiEndpoint.patch("edit", "/v1/sessions/:sessionId/messages/:messageId", { params: MessageId, headers: Idempotent, payload: Schema.Struct({ content: Schema.String }), success: MessageView, error: Problem.errors })
  )
  .add(HttpApiEndpoint.delete("deleteMessage", "/v1/sessions/:sessionId/messages/:messageId", { params: MessageId, headers: Idempotent, success: Deleted, error: Problem.errors }))
  .middleware(Authorization)
  .annotate(OpenApi.Description, "Chat sessions the caller is a member of")
{}

// Admin

const AuditEvent = Schema.Struct({
  position: Schema.Number,
  eventId: Schema.String,
  streamId: Schema.String,
  version: Schema.Number,
  type: Schema.String,
  schemaVersion: Schema.Number,
  data: Schema.Unknown,
  metadata: Schema.Struct({
    actor: Schema.optional(Schema.String),
    correlationId: Schema.optional(Schema.String),
    causationId: Schema.optional(Schema.String)
  }),
  recordedAt: Instant
})
const AuditParams = Schema.Struct({
  stream: Schema.optional(Schema.String),
  streamPrefix: Schema.optional(Schema.String.annotate({ description: "Streams whose id starts with this (case-sensitive, no wildcards)" })),
  correlationId: Schema.optional(Schema.String.annotate({
    description: "Caused by this request: its X-Request-Id, recorded as the events' correlation id"
  })),
  type: Schema.optional(Schema.String),
  actor: Schema.optional(Schema.String.annotate({
    description: "This actor exactly, as recorded: `bob (key <keyId>)`, `admin (for bob)`, `admin`, `cutover`, `import`"
  })),
  owner: Schema.optional(Schema.String.annotate({
    description: "Done by this owner, through any of their API keys, or by the admin acting for them (X-Strata-Owner)"
  })),
  key: Schema.optional(Schema.String.annotate({ description: "Done through this API key (its id)" })),
  from: Schema.optional(Instant),
  to: Schema.optional(Instant),
  /** A position: a whole number ≥ 0. */
  after: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  limit: Schema.optional(Schema.Int)
})

export class AdminApi extends HttpApiGroup.make("admin")
  .add(
    HttpApiEndpoint.post("createKey", "/v1/admin/keys", { headers: Idempotent, payload: Schema.Struct({ owner: Schema.String, ...KeyInput.fields }), success: CreatedKey.pipe(HttpApiSchema.status(201)), error: Problem.errors })
  )
  .add(
    HttpApiEndpoint.post("forgetOwner", "/v1/admin/owners/:owner/forget", { params: Schema.Struct({ owner: Schema.String }), headers: Idempotent, success: Deleted, error: Problem.errors }).annotate(OpenApi.Description, "Destroys the owner's data key: their secrets become unreadable everywhere")
  )
  .add(
    HttpApiEndpoint.get("audit", "/v1/admin/audit", { query: AuditParams, success: Schema.Struct({ events: Schema.Array(AuditEvent), next: Schema.optional(Schema.Number) }), error: Problem.errors }).annotate(OpenApi.Description, "The log by stream, type, actor, owner, API key and time range, paged by position")
  )
  .middleware(Authorization)
  .annotate(OpenApi.Description, "For the admin token only")
{}

// Cutover: moving the log to another backend (the same steps as `strata cutover`)

export const CutoverView = Schema.Struct({
  id: Schema.String,
  phase: Schema.String,
  /** The target without credentials. */
  target: Schema.String,
  startedAt: Instant,
  updatedAt: Instant,
  originHead: Schema.Number,
  targetHead: Schema.Number,
  copy: Schema.optional(Schema.Struct({
    done: Schema.Number,
    total: Schema.Number,
    perSecond: Schema.Number,
    etaSeconds: Schema.Number
  })),
  lag: Schema.optional(MirrorLag),
  mirrorHolder: Schema.optional(Schema.String),
  pauseMillis: Schema.optional(Schema.Number.annotate({
    description: "Answered by a switch: how long writes were held (from the fence to the target serving)"
  }))
})

const LogDigestView = Schema.Struct({ count: Schema.Number, hash: Schema.String })
export const VerificationView = Schema.Struct({
  upTo: Schema.Number,
  originHead: Schema.Number,
  targetHead: Schema.Number,
  identical: Schema.Boolean,
  firstDifference: Schema.optional(Schema.Number),
  origin: LogDigestView,
  target: LogDigestView,
  projections: Schema.optional(Schema.Array(Schema.Struct({
    name: Schema.String,
    documents: Schema.Number,
    differing: Schema.Array(Schema.String)
  })))
})

export class CutoverApi extends HttpApiGroup.make("cutover")
  .add(HttpApiEndpoint.get("status", "/v1/admin/cutover", { success: CutoverView, error: Problem.errors }))
  .add(
    HttpApiEndpoint.post("start", "/v1/admin/cutover/start", { payload: Schema.Struct({ to: Schema.String.annotate({ description: "The target's database URL" }) }), success: CutoverView.pipe(HttpApiSchema.status(202)), error: Problem.errors }).annotate(OpenApi.Description, "Starts (or resumes) copying the log to the target in the background; follow it with GET /v1/admin/cutover")
  )
  .add(HttpApiEndpoint.post("verify", "/v1/admin/cutover/verify", { success: VerificationView, error: Problem.errors }))
  .add(HttpApiEndpoint.post("switch", "/v1/admin/cutover/switch", { success: CutoverView, error: Problem.errors }))
  .add(HttpApiEndpoint.post("rollback", "/v1/admin/cutover/rollback", { success: CutoverView, error: Problem.errors }))
  .add(HttpApiEndpoint.post("finish", "/v1/admin/cutover/finish", { success: CutoverView, error: Problem.errors }))
  .add(HttpApiEndpoint.post("abort", "/v1/admin/cutover/abort", { success: CutoverView, error: Problem.errors }))
  .middleware(Authorization)
  .annotate(OpenApi.Description, "Moving the log to another backend; for the admin token only. 409 when the cutover's phase does not allow the step")
{}

// Projections: rebuilt from the log on demand (the same as `strata replay --fresh`)

const ProjectionName = Schema.Struct({ projection: Schema.String })

export class ProjectionsApi extends HttpApiGroup.make("projections")
  .add(
    HttpApiEndpoint.post("rebuild", "/v1/admin/projections/:projection/rebuild", {
      params: ProjectionName,
      success: Schema.Struct({ name: Schema.String, rebuilding: Schema.Boolean }).pipe(HttpApiSchema.status(202)),
      error: Problem.errors
    }).annotate(OpenApi.Summary, "Rebuild a projection").annotate(
      OpenApi.Description,
      "Starts a fresh rebuild of the projection from the log in the background; the old generation answers until the " +
        "new one is live (follow it with strata_projection_lag_events in /metrics). 404 for a projection that is not " +
        "registered, 409 while a rebuild this process started is under way"
    )
  )
  .middleware(Authorization)
  .annotate(OpenApi.Description, "For the admin token only")
{}

// The live log: server-sent events, resumed by position

const Position = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const LiveParams = {
  after: Schema.optional(Position.annotate({
    description: "Events after this position; absent: from the head (only what happens from now on)"
  }))
}
const LastEventId = Schema.Struct({
  "last-event-id": Schema.optional(Schema.String.annotate({
    description: "Sent by an EventSource on reconnect: the id (position) of the last event received; it takes " +
      "precedence over `after`. A whole number ≥ 0; anything else is 400"
  }))
})
const SessionEvent = Schema.Struct({
  position: Schema.Number,
  version: Schema.Number,
  type: Schema.String,
  data: Schema.Unknown,
  recordedAt: Instant
})
/** The stream's SSE events: the log's, and the notice to a reader that fell behind. */
const liveEvents = <S extends Schema.Top>(data: S) =>
  Schema.Union([
    Schema.Struct({
      id: Schema.String.annotate({ description: "The event's position" }),
      event: Schema.Literal("message").annotate({ description: "Absent on the wire: SSE's default" }),
      data: Schema.fromJsonString(data)
    }),
    Schema.Struct({
      id: Schema.String.annotate({ description: "Where to resume: the last position the reader was given" }),
      event: Schema.Literal("behind"),
      data: Schema.fromJsonString(Schema.Struct({ position: Schema.Number }))
    })
  ])
const liveDescription = (what: string) =>
  `${what} as \`text/event-stream\`: each event is one SSE event whose \`id\` is its position and whose \`data\` is ` +
  "its JSON. A comment line (`: heartbeat`) every 5 seconds keeps idle connections open. A reader that falls " +
  "1,000 events behind is sent `event: behind` (its `id` and `data.position`: where to resume) and disconnected; " +
  "it reconnects with `Last-Event-ID` (an EventSource does so itself) or `after`, and loses nothing. Sealed " +
  "secrets stay sealed."

export class LiveApi extends HttpApiGroup.make("live")
  .add(
    HttpApiEndpoint.get("log", "/v1/admin/events/live", {
      query: Schema.Struct({
        ...LiveParams,
        stream: Schema.optional(Schema.String.annotate({ description: "Only streams whose id starts with this" })),
        type: Schema.optional(Schema.String.annotate({ description: "Only events of this type" }))
      }),
      headers: LastEventId,
      success: HttpApiSchema.StreamSse({ events: liveEvents(AuditEvent) }),
      error: Problem.errors
    }).annotate(OpenApi.Summary, "Follow the log live").annotate(
      OpenApi.Description,
      liveDescription("The log from a position, by stream prefix and type (admin token only),") +
        " It follows the log across a cutover's switch without a gap or a repeat."
    )
  )
  .add(
    HttpApiEndpoint.get("session", "/v1/sessions/:sessionId/live", {
      params: SessionId,
      query: Schema.Struct(LiveParams),
      headers: LastEventId,
      success: HttpApiSchema.StreamSse({ events: liveEvents(SessionEvent) }),
      error: Problem.errors
    }).annotate(OpenApi.Summary, "Follow a session live").annotate(
      OpenApi.Description,
      liveDescription("A session's events — messages posted, edited and deleted, members added and removed — for its members,") +
        " Not a member: 404. The stream ends once the caller is removed from the session (after that event)."
    )
  )
  .middleware(Authorization)
  .annotate(OpenApi.Description, "The log and chat sessions as they happen, by server-sent events")
{}

// The document as its users' tools read it (Redocly's recommended rules, checked in the suite)

/** One line per operation, as a docs page's menu and a generated client's comments show it. */
const summaries: Record<string, string> = {
  "operations.health": "Is the process alive",
  "operations.ready": "Is it ready to serve",
  "tokens.save": "Save a token",
  "tokens.get": "Read a token",
  "tokens.delete": "Delete a token",
  "tokens.refresh": "Refresh a token at its version",
  "tokens.list": "List tokens",
  "keys.create": "Create an API key",
  "keys.list": "List API keys",
  "keys.get": "Read an API key",
  "keys.update": "Change an API key",
  "keys.delete": "Delete an API key",
  "keys.stats": "An API key's usage and quota",
  "keys.recordUsage": "Record usage",
  "keys.usage": "The calling key's usage and quota",
  "sandboxes.create": "Create a sandbox",
  "sandboxes.list": "List sandboxes",
  "sandboxes.get": "Read a sandbox",
  "sandboxes.delete": "Delete a sandbox",
  "sandboxes.transition": "Move a sandbox through its lifecycle",
  "sandboxes.referenceData": "Tiers, flavors and add-ons",
  "sandboxes.setCredential": "Store a provider credential",
  "sandboxes.getCredential": "Read a provider credential",
  "sandboxes.deleteCredential": "Delete a provider credential",
  "sandboxes.listCredentials": "List provider credentials",
  "sessions.create": "Create a session",
  "sessions.list": "List my sessions",
  "sessions.get": "Read a session",
  "sessions.rename": "Rename a session",
  "sessions.archive": "Archive a session",
  "sessions.addMember": "Add a member, or change their role",
  "sessions.removeMember": "Remove a member",
  "sessions.post": "Post a message",
  "sessions.history": "Read the history",
  "sessions.edit": "Edit a message",
  "sessions.deleteMessage": "Delete a message",
  "admin.createKey": "Create an API key for an owner",
  "admin.forgetOwner": "Forget an owner (crypto-shredding)",
  "admin.audit": "Query the log",
  "cutover.status": "The cutover's progress",
  "cutover.start": "Start copying to another backend",
  "cutover.verify": "Compare both logs and read models",
  "cutover.switch": "Switch to the target",
  "cutover.rollback": "Roll back",
  "cutover.finish": "Finish: the target serves for good",
  "cutover.abort": "Abort before a switch",
  "live.log": "Follow the log live",
  "live.session": "Follow a session live",
  "projections.rebuild": "Rebuild a projection"
}

/** A JSON Schema's list of alternatives with each one once; a list of one is that one. */
const distinct = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(distinct)
  if (typeof node !== "object" || node === null) return node
  const object = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, distinct(value)]))
  if (!Array.isArray(object.anyOf)) return object
  const seen = new Set<string>()
  const anyOf = object.anyOf.filter((schema) => {
    const text = JSON.stringify(schema)
    return seen.has(text) ? false : (seen.add(text), true)
  })
  const { anyOf: _, ...rest } = object
  const [only] = anyOf
  // One alternative left: it stands for itself, with the annotations beside it (unless they clash).
  if (anyOf.length === 1 && typeof only === "object" && only !== null && Object.keys(rest).every((key) => !(key in only))) {
    return { ...only, ...rest }
  }
  return { ...rest, anyOf }
}

/**
 * HttpApi lists a schema once per place it is declared, and an optional value once more
 * as `null` beside its own `null`: a status's problem (declared by the endpoint and by a
 * middleware: each place makes its own copy) and `optional(NullOr(…))` fields were listed
 * twice in their `anyOf`, which tools read as a mistake; an optional query parameter was an
 * `anyOf` of one. Every operation gets its summary.
 */
const readable = (spec: Record<string, any>) => {
  const document = distinct(spec) as Record<string, any>
  for (const operations of Object.values(document.paths as Record<string, Record<string, any>>)) {
    for (const operation of Object.values(operations)) {
      const summary = summaries[operation.operationId]
      if (summary !== undefined && operation.summary === undefined) operation.summary = summary
    }
  }
  return document
}

export class StrataApi extends HttpApi.make("strata")
  .add(OperationsApi)
  .add(TokensApi)
  .add(KeysApi)
  .add(SandboxesApi)
  .add(SessionsApi)
  .add(AdminApi)
  .add(CutoverApi)
  .add(LiveApi)
  .add(ProjectionsApi)
  // Requests that do not match their Schemas: 400 problems naming the issues.
  .middleware(SchemaProblems)
  .annotate(OpenApi.Title, "strata")
  // Relative: the document describes the server that serves it, wherever it runs.
  .annotate(OpenApi.Servers, [{ url: "/", description: "The server that serves this document" }])
  .annotate(OpenApi.Transform, readable)
  .annotate(OpenApi.Description, "An event-sourced storage core: tokens, API keys with quotas, sandboxes, chat sessions")
{}
