/** The audit indexes are the same SQL on both dialects. */
export { default } from "../sqlite/0003_audit_indexes.ts"
