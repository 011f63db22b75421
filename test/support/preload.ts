// The suite runs Schema as the server does (see main.ts): compiled.
import "effect/schema/SchemaJITCompiler/enable"
import { afterAll } from "bun:test"
import { stopPostgres } from "./postgres.ts"

afterAll(stopPostgres)
