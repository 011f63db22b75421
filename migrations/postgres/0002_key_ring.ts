/** The key ring's table is the same SQL on both dialects. */
export { default } from "../sqlite/0002_key_ring.ts"
