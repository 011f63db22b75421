/** The fields of a tagged value without its tag: a command's payload becomes an event's. */
export const untagged = <A extends { readonly _tag: string }>(tagged: A): Omit<A, "_tag"> => {
  const { _tag, ...rest } = tagged
  void _tag
  return rest
}
