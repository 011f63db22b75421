import { describe, test } from "bun:test"
import { DeciderSpec } from "../../domain/DeciderSpec.ts"
import * as Credentials from "../../domain/ProviderCredentials.ts"

const sealed = (text: string) => ({ keyId: "k", iv: "iv", ciphertext: text })
const credentials = DeciderSpec.for(Credentials.decider)
const setGithub = Credentials.CredentialSet.make({ provider: "github", secret: sealed("one") })

describe("provider credentials", () => {
  test("one credential per provider: setting again replaces it", () => {
    credentials.given([]).when(Credentials.SetCredential.make({ provider: "github", secret: sealed("one") })).then([setGithub])
    credentials.given([setGithub]).when(Credentials.SetCredential.make({ provider: "github", secret: sealed("two") }))
      .then([Credentials.CredentialSet.make({ provider: "github", secret: sealed("two") })])
  })

  test("a provider id is required", () => {
    credentials.given([]).when(Credentials.SetCredential.make({ provider: "", secret: sealed("x") }))
      .thenRefused(new Credentials.InvalidCredential({ reason: "the provider id is empty" }))
  })

  test("deleting a credential; deleting a missing one is a not-found", () => {
    credentials.given([setGithub]).when(Credentials.DeleteCredential.make({ provider: "github" }))
      .then([Credentials.CredentialDeleted.make({ provider: "github" })])
    credentials.given([setGithub, Credentials.CredentialDeleted.make({ provider: "github" })])
      .when(Credentials.DeleteCredential.make({ provider: "github" }))
      .thenRefused(new Credentials.CredentialNotFound({ provider: "github" }))
  })
})
