export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["operations.health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["operations.ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["tokens.get"];
        put: operations["tokens.save"];
        post?: never;
        delete: operations["tokens.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{name}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Replaces the token's values if it is still at the version in If-Match (required) */
        post: operations["tokens.refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["tokens.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["keys.list"];
        put?: never;
        post: operations["keys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["keys.get"];
        put?: never;
        post?: never;
        delete: operations["keys.delete"];
        options?: never;
        head?: never;
        patch: operations["keys.update"];
        trace?: never;
    };
    "/v1/keys/{keyId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["keys.stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["keys.usage"];
        put?: never;
        /** @description Records usage against the API key that authenticates the request */
        post: operations["keys.recordUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxes.list"];
        put?: never;
        post: operations["sandboxes.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{sandboxId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxes.get"];
        put?: never;
        post?: never;
        delete: operations["sandboxes.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{sandboxId}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Moves the sandbox through its lifecycle; an illegal move is 409 naming the current state */
        post: operations["sandboxes.transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reference-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxes.referenceData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credentials/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxes.getCredential"];
        put: operations["sandboxes.setCredential"];
        post?: never;
        delete: operations["sandboxes.deleteCredential"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sandboxes.listCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sessions.list"];
        put?: never;
        post: operations["sessions.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sessions.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["sessions.rename"];
        trace?: never;
    };
    "/v1/sessions/{sessionId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["sessions.archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{sessionId}/members/{member}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["sessions.addMember"];
        post?: never;
        delete: operations["sessions.removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{sessionId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A page of the history, newest first by default; pass `next` as `after` for the next page */
        get: operations["sessions.history"];
        put?: never;
        post: operations["sessions.post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{sessionId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["sessions.deleteMessage"];
        options?: never;
        head?: never;
        patch: operations["sessions.edit"];
        trace?: never;
    };
    "/v1/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["admin.createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/owners/{owner}/forget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Destroys the owner's data key: their secrets become unreadable everywhere */
        post: operations["admin.forgetOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The log by stream, type, actor and time range, paged by position */
        get: operations["admin.audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["cutover.status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Starts (or resumes) copying the log to the target in the background; follow it with GET /v1/admin/cutover */
        post: operations["cutover.start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cutover.verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover/switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cutover.switch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cutover.rollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cutover.finish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cutover/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cutover.abort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The request did not match the expected schema */
        HttpApiDecodeError: {
            issues: components["schemas"]["Issue"][];
            message: string;
            /** @enum {string} */
            _tag: "HttpApiDecodeError";
        };
        /** @description Represents an error encountered while parsing a value to match the schema */
        Issue: {
            /**
             * @description The tag identifying the type of parse issue
             * @enum {string}
             */
            _tag: "Pointer" | "Unexpected" | "Missing" | "Composite" | "Refinement" | "Transformation" | "Type" | "Forbidden";
            /** @description The path to the property where the issue occurred */
            path: components["schemas"]["PropertyKey"][];
            /** @description A descriptive message explaining the issue */
            message: string;
        };
        PropertyKey: string | number | {
            /** @enum {string} */
            _tag: "symbol";
            key: string;
        };
        /** @description The request is malformed or breaks a rule */
        BadRequest: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "BadRequest";
        };
        /** @description No valid bearer token */
        Unauthorized: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "Unauthorized";
        };
        /** @description The caller may not do this */
        Forbidden: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "Forbidden";
        };
        /** @description No such resource (or not the caller's) */
        NotFound: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "NotFound";
        };
        /** @description A version conflict or an illegal transition */
        Conflict: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "Conflict";
        };
        /** @description The data was shredded */
        Gone: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "Gone";
        };
        /** @description If-Match does not match the current version */
        PreconditionFailed: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "PreconditionFailed";
        };
        /** @description The Idempotency-Key was used for a different request; nothing was written */
        UnprocessableContent: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "UnprocessableContent";
        };
        /** @description This write needs If-Match */
        PreconditionRequired: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "PreconditionRequired";
        };
        /** @description The quota is used up */
        TooManyRequests: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "TooManyRequests";
        };
        /** @description strata failed; the request may be retried */
        InternalError: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "InternalError";
        };
        /** @description The database is unreachable or not the primary */
        Unavailable: {
            type: string;
            title: string;
            status: number;
            detail: string;
            issues?: {
                path: (string | number)[];
                message: string;
            }[];
            currentVersion?: number;
            currentState?: string;
            retryAfter?: number;
            remainingTokens?: number;
            resetsAt?: string;
            /** @enum {string} */
            _tag: "Unavailable";
        };
        /**
         * int
         * @description an integer
         */
        Int: number;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "operations.health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "operations.ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        head: number;
                        /** @description A cutover to another backend, while one is recorded */
                        cutover?: {
                            id: string;
                            phase: string;
                            target: string;
                            mirroring: boolean;
                            /** @description How far the mirror's target is behind the side that serves */
                            lag?: {
                                events: number;
                                seconds: number;
                            };
                        };
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "tokens.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        accessToken: string;
                        refreshToken: string;
                        expiresIn: number | null;
                        /** @description Milliseconds since the epoch */
                        obtainmentTimestamp: number;
                        scopes: string[];
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "tokens.save": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessToken: string;
                    refreshToken: string;
                    expiresIn: number | null;
                    /** @description Milliseconds since the epoch */
                    obtainmentTimestamp: number;
                    scopes: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "tokens.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the write expects (the resource's ETag); a mismatch is 412 */
                "if-match"?: string;
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "tokens.refresh": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the write expects (the resource's ETag); a mismatch is 412 */
                "if-match"?: string;
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessToken: string;
                    refreshToken: string;
                    expiresIn: number | null;
                    /** @description Milliseconds since the epoch */
                    obtainmentTimestamp: number;
                    scopes: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "tokens.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hasAny: boolean;
                        tokens: {
                            name: string;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            keyId: string;
                            name: string;
                            model: string | null;
                            tokenLimitPer5h: number;
                            expiresAt: string | null;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    model?: string | null;
                    /**
                     * positive
                     * @description a positive number
                     */
                    tokenLimitPer5h: components["schemas"]["Int"];
                    expiresAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                        /** @description Shown once, here: only its hash is kept */
                        secret: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the write expects (the resource's ETag); a mismatch is 412 */
                "if-match"?: string;
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    model?: string | null;
                    /**
                     * positive
                     * @description a positive number
                     */
                    tokenLimitPer5h?: components["schemas"]["Int"];
                    expiresAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.stats": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                        isExpired: boolean;
                        currentUsage: number;
                        remainingTokens: number;
                        lifetimeTokens: number;
                        lastUsed: string | null;
                        windows: {
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            start: string;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            end: string;
                            tokens: number;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                        isExpired: boolean;
                        currentUsage: number;
                        remainingTokens: number;
                        lifetimeTokens: number;
                        lastUsed: string | null;
                        windows: {
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            start: string;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            end: string;
                            tokens: number;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "keys.recordUsage": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * nonNegative
                     * @description a non-negative number
                     */
                    tokens: components["schemas"]["Int"];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                        isExpired: boolean;
                        currentUsage: number;
                        remainingTokens: number;
                        lifetimeTokens: number;
                        lastUsed: string | null;
                        windows: {
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            start: string;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            end: string;
                            tokens: number;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sandboxes: {
                            sandboxId: string;
                            name: string;
                            tierId: string;
                            flavorId: string;
                            addonIds: string[];
                            /** @enum {string} */
                            status: "pending" | "starting" | "running" | "stopping" | "stopped" | "failed" | "deleted";
                            failureReason: string | null;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            createdAt: string;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    tierId: string;
                    flavorId: string;
                    addonIds?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sandboxId: string;
                        name: string;
                        tierId: string;
                        flavorId: string;
                        addonIds: string[];
                        /** @enum {string} */
                        status: "pending" | "starting" | "running" | "stopping" | "stopped" | "failed" | "deleted";
                        failureReason: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sandboxId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sandboxId: string;
                        name: string;
                        tierId: string;
                        flavorId: string;
                        addonIds: string[];
                        /** @enum {string} */
                        status: "pending" | "starting" | "running" | "stopping" | "stopped" | "failed" | "deleted";
                        failureReason: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the write expects (the resource's ETag); a mismatch is 412 */
                "if-match"?: string;
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sandboxId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.transition": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the write expects (the resource's ETag); a mismatch is 412 */
                "if-match"?: string;
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sandboxId: string;
                action: "start" | "mark-running" | "stop" | "mark-stopped" | "fail";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sandboxId: string;
                        name: string;
                        tierId: string;
                        flavorId: string;
                        addonIds: string[];
                        /** @enum {string} */
                        status: "pending" | "starting" | "running" | "stopping" | "stopped" | "failed" | "deleted";
                        failureReason: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.referenceData": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * positive
                         * @description a positive number
                         */
                        version: components["schemas"]["Int"];
                        tiers: {
                            id: string;
                            name: string;
                            cpuCores: number;
                            memoryMb: number;
                            diskGb: number;
                            maxAddons: number;
                        }[];
                        flavors: {
                            id: string;
                            name: string;
                            image: string;
                            tiers: string[];
                        }[];
                        addons: {
                            id: string;
                            name: string;
                            tiers: string[];
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.getCredential": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        provider: string;
                        secret: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.setCredential": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    secret: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        provider: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.deleteCredential": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sandboxes.listCredentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: string[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: {
                            sessionId: string;
                            owner: string;
                            title: string;
                            sandboxId: string | null;
                            archived: boolean;
                            members: {
                                [key: string]: "admin" | "member";
                            };
                            messageCount: number;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            createdAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    sandboxId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        owner: string;
                        title: string;
                        sandboxId: string | null;
                        archived: boolean;
                        members: {
                            [key: string]: "admin" | "member";
                        };
                        messageCount: number;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        owner: string;
                        title: string;
                        sandboxId: string | null;
                        archived: boolean;
                        members: {
                            [key: string]: "admin" | "member";
                        };
                        messageCount: number;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.rename": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        owner: string;
                        title: string;
                        sandboxId: string | null;
                        archived: boolean;
                        members: {
                            [key: string]: "admin" | "member";
                        };
                        messageCount: number;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.archive": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        owner: string;
                        title: string;
                        sandboxId: string | null;
                        archived: boolean;
                        members: {
                            [key: string]: "admin" | "member";
                        };
                        messageCount: number;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.addMember": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
                member: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "member";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        owner: string;
                        title: string;
                        sandboxId: string | null;
                        archived: boolean;
                        members: {
                            [key: string]: "admin" | "member";
                        };
                        messageCount: number;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.removeMember": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
                member: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        owner: string;
                        title: string;
                        sandboxId: string | null;
                        archived: boolean;
                        members: {
                            [key: string]: "admin" | "member";
                        };
                        messageCount: number;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.history": {
        parameters: {
            query?: {
                order?: "asc" | "desc";
                after?: string;
                /** @description a string to be decoded into a number */
                limit?: string;
            };
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            messageId: string;
                            seq: number;
                            author: string;
                            /** @enum {string} */
                            type: "text" | "image" | "file";
                            /** @description Null once the message is deleted */
                            content: string | null;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            postedAt: string;
                            editedAt: string | null;
                            deletedAt: string | null;
                        }[];
                        next?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.post": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type?: "text" | "image" | "file";
                    content: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messageId: string;
                        seq: number;
                        author: string;
                        /** @enum {string} */
                        type: "text" | "image" | "file";
                        /** @description Null once the message is deleted */
                        content: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        postedAt: string;
                        editedAt: string | null;
                        deletedAt: string | null;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.deleteMessage": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "sessions.edit": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                sessionId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    content: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messageId: string;
                        seq: number;
                        author: string;
                        /** @enum {string} */
                        type: "text" | "image" | "file";
                        /** @description Null once the message is deleted */
                        content: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        postedAt: string;
                        editedAt: string | null;
                        deletedAt: string | null;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "admin.createKey": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    owner: string;
                    name: string;
                    model?: string | null;
                    /**
                     * positive
                     * @description a positive number
                     */
                    tokenLimitPer5h: components["schemas"]["Int"];
                    expiresAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keyId: string;
                        name: string;
                        model: string | null;
                        tokenLimitPer5h: number;
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number;
                        /** @description Shown once, here: only its hash is kept */
                        secret: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "admin.forgetOwner": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to send again: the same key with the same request (method, path, If-Match, body) is answered as the first was and writes nothing more — on any instance, across a cutover; the same key with another request is 422. 1 to 255 printable ASCII characters (a UUID, say); malformed is 400 */
                "idempotency-key"?: string;
            };
            path: {
                owner: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "admin.audit": {
        parameters: {
            query?: {
                stream?: string;
                type?: string;
                actor?: string;
                /** @description ISO 8601 */
                from?: string;
                /** @description ISO 8601 */
                to?: string;
                /** @description a string to be decoded into a number */
                after?: string;
                /** @description a string to be decoded into a number */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            position: number;
                            eventId: string;
                            streamId: string;
                            version: number;
                            type: string;
                            schemaVersion: number;
                            /** unknown */
                            data: unknown;
                            metadata: {
                                actor?: string;
                                correlationId?: string;
                                causationId?: string;
                            };
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            recordedAt: string;
                        }[];
                        next?: number;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        phase: string;
                        target: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        startedAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        originHead: number;
                        targetHead: number;
                        copy?: {
                            done: number;
                            total: number;
                            perSecond: number;
                            etaSeconds: number;
                        };
                        /** @description How far the mirror's target is behind the side that serves */
                        lag?: {
                            events: number;
                            seconds: number;
                        };
                        mirrorHolder?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The target's database URL */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        phase: string;
                        target: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        startedAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        originHead: number;
                        targetHead: number;
                        copy?: {
                            done: number;
                            total: number;
                            perSecond: number;
                            etaSeconds: number;
                        };
                        /** @description How far the mirror's target is behind the side that serves */
                        lag?: {
                            events: number;
                            seconds: number;
                        };
                        mirrorHolder?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        upTo: number;
                        originHead: number;
                        targetHead: number;
                        identical: boolean;
                        firstDifference?: number;
                        origin: {
                            count: number;
                            hash: string;
                        };
                        target: {
                            count: number;
                            hash: string;
                        };
                        projections?: {
                            name: string;
                            documents: number;
                            differing: string[];
                        }[];
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        phase: string;
                        target: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        startedAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        originHead: number;
                        targetHead: number;
                        copy?: {
                            done: number;
                            total: number;
                            perSecond: number;
                            etaSeconds: number;
                        };
                        /** @description How far the mirror's target is behind the side that serves */
                        lag?: {
                            events: number;
                            seconds: number;
                        };
                        mirrorHolder?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        phase: string;
                        target: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        startedAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        originHead: number;
                        targetHead: number;
                        copy?: {
                            done: number;
                            total: number;
                            perSecond: number;
                            etaSeconds: number;
                        };
                        /** @description How far the mirror's target is behind the side that serves */
                        lag?: {
                            events: number;
                            seconds: number;
                        };
                        mirrorHolder?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        phase: string;
                        target: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        startedAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        originHead: number;
                        targetHead: number;
                        copy?: {
                            done: number;
                            total: number;
                            perSecond: number;
                            etaSeconds: number;
                        };
                        /** @description How far the mirror's target is behind the side that serves */
                        lag?: {
                            events: number;
                            seconds: number;
                        };
                        mirrorHolder?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
    "cutover.abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        phase: string;
                        target: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        startedAt: string;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        updatedAt: string;
                        originHead: number;
                        targetHead: number;
                        copy?: {
                            done: number;
                            total: number;
                            perSecond: number;
                            etaSeconds: number;
                        };
                        /** @description How far the mirror's target is behind the side that serves */
                        lag?: {
                            events: number;
                            seconds: number;
                        };
                        mirrorHolder?: string;
                    };
                };
            };
            /** @description The request did not match the expected schema */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HttpApiDecodeError"] | components["schemas"]["BadRequest"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unauthorized"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Forbidden"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFound"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Conflict"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Gone"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailed"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContent"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequired"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequests"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalError"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Unavailable"];
                };
            };
        };
    };
}
