/** The control records' table is the same SQL on both dialects. */
export { default } from "../sqlite/0004_control_records.ts"
