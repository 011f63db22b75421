import { describe, test } from "bun:test"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"
import * as Token from "../../domain/Token.ts"

const sealed = (text: string) => ({ keyId: "k", iv: "iv", ciphertext: text })
const values = { accessToken: sealed("a1"), refreshToken: sealed("r1"), expiresIn: 3600, obtainmentTimestamp: 1_700_000_000_000, scopes: ["chat:read"] }
const refreshed = { accessToken: sealed("a2"), refreshToken: sealed("r2"), expiresIn: 3600, obtainmentTimestamp: 1_700_000_360_000, scopes: ["chat:read"] }
const saved = Token.TokenSaved.make({ name: "bot", owner: "alice", ...values })
const tokens = DeciderSpec.for(Token.decider)

describe("tokens", () => {
  test("saving a token records it", () => {
    tokens.given([]).when(Token.SaveToken.make({ name: "bot", owner: "alice", ...values })).then([saved])
  })

  test("saving again replaces it", () => {
    tokens.given([saved]).when(Token.SaveToken.make({ name: "bot", owner: "alice", ...refreshed }))
      .then([Token.TokenSaved.make({ name: "bot", owner: "alice", ...refreshed })])
  })

  test("a token needs a name, a non-negative lifetime and obtainment time", () => {
    tokens.given([]).when(Token.SaveToken.make({ name: " ", owner: "alice", ...values }))
      .thenRefused(new Token.InvalidToken({ reason: "the name is empty" }))
    tokens.given([]).when(Token.SaveToken.make({ name: "bot", owner: "alice", ...values, expiresIn: -1 }))
      .thenRefused(new Token.InvalidToken({ reason: "expiresIn must be ≥ 0" }))
    tokens.given([saved]).when(Token.RefreshToken.make({ name: "bot", ...refreshed, obtainmentTimestamp: -5 }))
      .thenRefused(new Token.InvalidToken({ reason: "obtainmentTimestamp must be ≥ 0" }))
  })

  test("a token without an expiry is fine", () => {
    tokens.given([]).when(Token.SaveToken.make({ name: "bot", owner: "alice", ...values, expiresIn: null }))
      .then([Token.TokenSaved.make({ name: "bot", owner: "alice", ...values, expiresIn: null })])
  })

  test("refreshing a token records its new values", () => {
    tokens.given([saved]).when(Token.RefreshToken.make({ name: "bot", ...refreshed })).then([Token.TokenRefreshed.make(refreshed)])
  })

  test("refreshing a token that does not exist or was deleted is a not-found", () => {
    tokens.given([]).when(Token.RefreshToken.make({ name: "bot", ...refreshed })).thenRefused(new Token.TokenNotFound({ name: "bot" }))
    tokens.given([saved, Token.TokenDeleted.make({})]).when(Token.RefreshToken.make({ name: "bot", ...refreshed }))
      .thenRefused(new Token.TokenNotFound({ name: "bot" }))
  })

  test("deleting a token; deleting it twice is a not-found; saving brings it back", () => {
    tokens.given([saved]).when(Token.DeleteToken.make({ name: "bot" })).then([Token.TokenDeleted.make({})])
    tokens.given([saved, Token.TokenDeleted.make({})]).when(Token.DeleteToken.make({ name: "bot" }))
      .thenRefused(new Token.TokenNotFound({ name: "bot" }))
    tokens.given([saved, Token.TokenDeleted.make({})]).when(Token.SaveToken.make({ name: "bot", owner: "alice", ...values }))
      .then([saved])
  })
})
