import { Layer } from "effect"
import type { Projection } from "../../application/eventsourcing/Projection.ts"
import * as AesGcmSecrets from "../../adapters/secrets/AesGcmSecrets.ts"
import * as MasterKeys from "../../adapters/secrets/MasterKeys.ts"
import { projections } from "../../main.ts"
import type { Backend } from "./backends.ts"

/** A backend with the deployment's projections and a secrets layer, as the server wires it. */
export const appLayer = (
  backend: Backend,
  options: { readonly masterKeys?: AesGcmSecrets.MasterKeys; readonly extra?: ReadonlyArray<Projection> } = {}
) =>
  Layer.provideMerge(
    AesGcmSecrets.layer(options.masterKeys ?? MasterKeys.ephemeral()),
    backend.layer([...projections, ...(options.extra ?? [])])
  )

export const reopenedAppLayer = (backend: Backend, masterKeys: AesGcmSecrets.MasterKeys) =>
  Layer.provideMerge(AesGcmSecrets.layer(masterKeys), backend.reopen(projections))
