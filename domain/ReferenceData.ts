import { Schema } from "effect"

/**
 * What sandboxes are made of: resource tiers, flavors and add-ons, with their limits.
 * Versioned data, published into the log (`reference/reference-data.json` ships with
 * strata): a rule change is a new version of the data, not a new branch in the code.
 */
export const Tier = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  cpuCores: Schema.Number,
  memoryMb: Schema.Number,
  diskGb: Schema.Number,
  /** How many add-ons a sandbox of this tier may have. */
  maxAddons: Schema.Number
})

export const Flavor = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  image: Schema.String,
  /** The tiers it runs on. */
  tiers: Schema.Array(Schema.String)
})

export const Addon = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  /** The tiers it is offered on. */
  tiers: Schema.Array(Schema.String)
})

export const ReferenceData = Schema.Struct({
  version: Schema.Int.check(Schema.isGreaterThan(0)),
  tiers: Schema.NonEmptyArray(Tier),
  flavors: Schema.NonEmptyArray(Flavor),
  addons: Schema.Array(Addon)
})
export type ReferenceData = typeof ReferenceData.Type

export interface Choice {
  readonly tierId: string
  readonly flavorId: string
  readonly addonIds: ReadonlyArray<string>
}

/** Why a choice does not fit the reference data, or undefined when it does. */
export const unfit = (data: ReferenceData, { addonIds, flavorId, tierId }: Choice): string | undefined => {
  const tier = data.tiers.find((candidate) => candidate.id === tierId)
  if (tier === undefined) return `no resource tier "${tierId}"`
  const flavor = data.flavors.find((candidate) => candidate.id === flavorId)
  if (flavor === undefined) return `no flavor "${flavorId}"`
  if (!flavor.tiers.includes(tierId)) return `flavor "${flavorId}" does not run on tier "${tierId}"`
  if (new Set(addonIds).size !== addonIds.length) return "an add-on is chosen twice"
  if (addonIds.length > tier.maxAddons) return `tier "${tierId}" takes at most ${tier.maxAddons} add-ons`
  for (const addonId of addonIds) {
    const addon = data.addons.find((candidate) => candidate.id === addonId)
    if (addon === undefined) return `no add-on "${addonId}"`
    if (!addon.tiers.includes(tierId)) return `add-on "${addonId}" is not offered on tier "${tierId}"`
  }
  return undefined
}
