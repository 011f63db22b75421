export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the process alive */
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
        /** Is it ready to serve */
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
        /** Read a token */
        get: operations["tokens.get"];
        /** Save a token */
        put: operations["tokens.save"];
        post?: never;
        /** Delete a token */
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
        /**
         * Refresh a token at its version
         * @description Replaces the token's values if it is still at the version in If-Match (required)
         */
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
        /** List tokens */
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
        /** List API keys */
        get: operations["keys.list"];
        put?: never;
        /** Create an API key */
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
        /** Read an API key */
        get: operations["keys.get"];
        put?: never;
        post?: never;
        /** Delete an API key */
        delete: operations["keys.delete"];
        options?: never;
        head?: never;
        /** Change an API key */
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
        /** An API key's usage and quota */
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
        /** The calling key's usage and quota */
        get: operations["keys.usage"];
        put?: never;
        /**
         * Record usage
         * @description Records usage against the API key that authenticates the request
         */
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
        /** List sandboxes */
        get: operations["sandboxes.list"];
        put?: never;
        /** Create a sandbox */
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
        /** Read a sandbox */
        get: operations["sandboxes.get"];
        put?: never;
        post?: never;
        /** Delete a sandbox */
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
        /**
         * Move a sandbox through its lifecycle
         * @description Moves the sandbox through its lifecycle; an illegal move is 409 naming the current state
         */
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
        /** Tiers, flavors and add-ons */
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
        /** Read a provider credential */
        get: operations["sandboxes.getCredential"];
        /** Store a provider credential */
        put: operations["sandboxes.setCredential"];
        post?: never;
        /** Delete a provider credential */
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
        /** List provider credentials */
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
        /** List my sessions */
        get: operations["sessions.list"];
        put?: never;
        /** Create a session */
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
        /** Read a session */
        get: operations["sessions.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a session */
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
        /** Archive a session */
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
        /** Add a member, or change their role */
        put: operations["sessions.addMember"];
        post?: never;
        /** Remove a member */
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
        /**
         * Read the history
         * @description A page of the history, newest first by default; pass `next` as `after` for the next page
         */
        get: operations["sessions.history"];
        put?: never;
        /** Post a message */
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
        /** Delete a message */
        delete: operations["sessions.deleteMessage"];
        options?: never;
        head?: never;
        /** Edit a message */
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
        /** Create an API key for an owner */
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
        /**
         * Forget an owner (crypto-shredding)
         * @description Destroys the owner's data key: their secrets become unreadable everywhere
         */
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
        /**
         * Query the log
         * @description The log by stream, type, actor, owner, API key and time range, paged by position
         */
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
        /** The cutover's progress */
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
        /**
         * Start copying to another backend
         * @description Starts (or resumes) copying the log to the target in the background; follow it with GET /v1/admin/cutover
         */
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
        /** Compare both logs and read models */
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
        /** Switch to the target */
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
        /** Roll back */
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
        /** Finish: the target serves for good */
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
        /** Abort before a switch */
        post: operations["cutover.abort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/events/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the log live
         * @description The log from a position, by stream prefix and type (admin token only), as `text/event-stream`: each event is one SSE event whose `id` is its position and whose `data` is its JSON. A comment line (`: heartbeat`) every 5 seconds keeps idle connections open. A reader that falls 1,000 events behind is sent `event: behind` (its `id` and `data.position`: where to resume) and disconnected; it reconnects with `Last-Event-ID` (an EventSource does so itself) or `after`, and loses nothing. Sealed secrets stay sealed. It follows the log across a cutover's switch without a gap or a repeat.
         */
        get: operations["live.log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{sessionId}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a session live
         * @description A session's events — messages posted, edited and deleted, members added and removed — for its members, as `text/event-stream`: each event is one SSE event whose `id` is its position and whose `data` is its JSON. A comment line (`: heartbeat`) every 5 seconds keeps idle connections open. A reader that falls 1,000 events behind is sent `event: behind` (its `id` and `data.position`: where to resume) and disconnected; it reconnects with `Last-Event-ID` (an EventSource does so itself) or `after`, and loses nothing. Sealed secrets stay sealed. Not a member: 404. The stream ends once the caller is removed from the session (after that event).
         */
        get: operations["live.session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/projections/{projection}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild a projection
         * @description Starts a fresh rebuild of the projection from the log in the background; the old generation answers until the new one is live (follow it with strata_projection_lag_events in /metrics). 404 for a projection that is not registered, 409 while a rebuild this process started is under way
         */
        post: operations["projections.rebuild"];
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
        UnavailableEncoded: {
            /** @enum {string} */
            _tag: "Unavailable";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        InternalErrorEncoded: {
            /** @enum {string} */
            _tag: "InternalError";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        TooManyRequestsEncoded: {
            /** @enum {string} */
            _tag: "TooManyRequests";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        PreconditionRequiredEncoded: {
            /** @enum {string} */
            _tag: "PreconditionRequired";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        UnprocessableContentEncoded: {
            /** @enum {string} */
            _tag: "UnprocessableContent";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        PreconditionFailedEncoded: {
            /** @enum {string} */
            _tag: "PreconditionFailed";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        GoneEncoded: {
            /** @enum {string} */
            _tag: "Gone";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        ConflictEncoded: {
            /** @enum {string} */
            _tag: "Conflict";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        NotFoundEncoded: {
            /** @enum {string} */
            _tag: "NotFound";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        ForbiddenEncoded: {
            /** @enum {string} */
            _tag: "Forbidden";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        UnauthorizedEncoded: {
            /** @enum {string} */
            _tag: "Unauthorized";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
        BadRequestEncoded: {
            /** @enum {string} */
            _tag: "BadRequest";
            type: string;
            title: string;
            status: number | ("Infinity" | "-Infinity" | "NaN");
            detail: string;
            issues?: {
                path: (string | number | ("Infinity" | "-Infinity" | "NaN"))[];
                message: string;
            }[] | null;
            currentVersion?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            currentState?: string | null;
            retryAfter?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            remainingTokens?: number | ("Infinity" | "-Infinity" | "NaN") | null;
            resetsAt?: string | null;
        };
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
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        head: number | ("Infinity" | "-Infinity" | "NaN");
                        database?: string | null;
                        cutover?: {
                            id: string;
                            phase: string;
                            target: string;
                            mirroring: boolean;
                            lag?: {
                                events: number | ("Infinity" | "-Infinity" | "NaN");
                                seconds: number | ("Infinity" | "-Infinity" | "NaN");
                            } | null;
                        } | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "tokens.save": {
        parameters: {
            query?: never;
            header?: {
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
                } | {
                    accessToken: string;
                    refreshToken: string;
                    expiresIn: number | null;
                    /** @description Milliseconds since the epoch */
                    obtainmentTimestamp: number;
                    scope: string[];
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "tokens.delete": {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
                "idempotency-key"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "tokens.refresh": {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
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
                } | {
                    accessToken: string;
                    refreshToken: string;
                    expiresIn: number | null;
                    /** @description Milliseconds since the epoch */
                    obtainmentTimestamp: number;
                    scope: string[];
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "tokens.list": {
        parameters: {
            query?: {
                after?: string;
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
                        hasAny: boolean;
                        tokens: {
                            name: string;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            updatedAt: string;
                            version: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                        /** @description Pass as `after` for the next page; absent on the last one */
                        next?: string | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "keys.list": {
        parameters: {
            query?: {
                after?: string;
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
                        keys: {
                            keyId: string;
                            name: string;
                            model: string | null;
                            tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                            expiresAt: string | null;
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            createdAt: string;
                        }[];
                        /** @description Pass as `after` for the next page; absent on the last one */
                        next?: string | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "keys.create": {
        parameters: {
            query?: never;
            header?: {
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
                    tokenLimitPer5h: number;
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                        /** @description Shown once, here: only its hash is kept */
                        secret: string;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "keys.delete": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "keys.update": {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
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
                    name?: string | null;
                    model?: string | null;
                    tokenLimitPer5h?: number | null;
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                        isExpired: boolean;
                        currentUsage: number | ("Infinity" | "-Infinity" | "NaN");
                        remainingTokens: number | ("Infinity" | "-Infinity" | "NaN");
                        lifetimeTokens: number | ("Infinity" | "-Infinity" | "NaN");
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
                            tokens: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                        isExpired: boolean;
                        currentUsage: number | ("Infinity" | "-Infinity" | "NaN");
                        remainingTokens: number | ("Infinity" | "-Infinity" | "NaN");
                        lifetimeTokens: number | ("Infinity" | "-Infinity" | "NaN");
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
                            tokens: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "keys.recordUsage": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tokens: number;
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                        isExpired: boolean;
                        currentUsage: number | ("Infinity" | "-Infinity" | "NaN");
                        remainingTokens: number | ("Infinity" | "-Infinity" | "NaN");
                        lifetimeTokens: number | ("Infinity" | "-Infinity" | "NaN");
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
                            tokens: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.list": {
        parameters: {
            query?: {
                after?: string;
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
                            version: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                        /** @description Pass as `after` for the next page; absent on the last one */
                        next?: string | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.create": {
        parameters: {
            query?: never;
            header?: {
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
                    addonIds?: string[] | null;
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.delete": {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
                "idempotency-key"?: string;
            };
            path: {
                sandboxId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.transition": {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
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
                    reason?: string | null;
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        version: number;
                        tiers: [
                            {
                                id: string;
                                name: string;
                                cpuCores: number | ("Infinity" | "-Infinity" | "NaN");
                                memoryMb: number | ("Infinity" | "-Infinity" | "NaN");
                                diskGb: number | ("Infinity" | "-Infinity" | "NaN");
                                maxAddons: number | ("Infinity" | "-Infinity" | "NaN");
                            }
                        ];
                        flavors: [
                            {
                                id: string;
                                name: string;
                                image: string;
                                tiers: string[];
                            }
                        ];
                        addons: {
                            id: string;
                            name: string;
                            tiers: string[];
                        }[];
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.setCredential": {
        parameters: {
            query?: never;
            header?: {
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
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.deleteCredential": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sandboxes.listCredentials": {
        parameters: {
            query?: {
                after?: string;
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
                        providers: string[];
                        /** @description Pass as `after` for the next page; absent on the last one */
                        next?: string | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.list": {
        parameters: {
            query?: {
                after?: string;
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
                        sessions: {
                            sessionId: string;
                            owner: string;
                            title: string;
                            sandboxId: string | null;
                            archived: boolean;
                            members: {
                                [key: string]: "admin" | "member";
                            };
                            /** @description When each member joined */
                            joinedAt: {
                                [key: string]: string;
                            };
                            messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            createdAt: string;
                            version: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                        /** @description Pass as `after` for the next page; absent on the last one */
                        next?: string | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.create": {
        parameters: {
            query?: never;
            header?: {
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
                        /** @description When each member joined */
                        joinedAt: {
                            [key: string]: string;
                        };
                        messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        /** @description When each member joined */
                        joinedAt: {
                            [key: string]: string;
                        };
                        messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.rename": {
        parameters: {
            query?: never;
            header?: {
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
                        /** @description When each member joined */
                        joinedAt: {
                            [key: string]: string;
                        };
                        messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.archive": {
        parameters: {
            query?: never;
            header?: {
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
                        /** @description When each member joined */
                        joinedAt: {
                            [key: string]: string;
                        };
                        messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.addMember": {
        parameters: {
            query?: never;
            header?: {
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
                        /** @description When each member joined */
                        joinedAt: {
                            [key: string]: string;
                        };
                        messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.removeMember": {
        parameters: {
            query?: never;
            header?: {
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
                        /** @description When each member joined */
                        joinedAt: {
                            [key: string]: string;
                        };
                        messageCount: number | ("Infinity" | "-Infinity" | "NaN");
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.history": {
        parameters: {
            query?: {
                order?: "asc" | "desc";
                after?: string;
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
                            seq: number | ("Infinity" | "-Infinity" | "NaN");
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
                        next?: string | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.post": {
        parameters: {
            query?: never;
            header?: {
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
                    type?: ("text" | "image" | "file") | null;
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
                        seq: number | ("Infinity" | "-Infinity" | "NaN");
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
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.deleteMessage": {
        parameters: {
            query?: never;
            header?: {
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
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "sessions.edit": {
        parameters: {
            query?: never;
            header?: {
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
                        seq: number | ("Infinity" | "-Infinity" | "NaN");
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
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "admin.createKey": {
        parameters: {
            query?: never;
            header?: {
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
                    tokenLimitPer5h: number;
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
                        tokenLimitPer5h: number | ("Infinity" | "-Infinity" | "NaN");
                        expiresAt: string | null;
                        /**
                         * @description ISO 8601
                         * @example 2026-11-22T12:00:00.000Z
                         */
                        createdAt: string;
                        version: number | ("Infinity" | "-Infinity" | "NaN");
                        /** @description Shown once, here: only its hash is kept */
                        secret: string;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "admin.forgetOwner": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                owner: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "admin.audit": {
        parameters: {
            query?: {
                stream?: string;
                streamPrefix?: string;
                correlationId?: string;
                type?: string;
                actor?: string;
                owner?: string;
                key?: string;
                from?: string;
                to?: string;
                after?: string;
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
                            position: number | ("Infinity" | "-Infinity" | "NaN");
                            eventId: string;
                            streamId: string;
                            version: number | ("Infinity" | "-Infinity" | "NaN");
                            type: string;
                            schemaVersion: number | ("Infinity" | "-Infinity" | "NaN");
                            data: unknown;
                            metadata: {
                                actor?: string | null;
                                correlationId?: string | null;
                                causationId?: string | null;
                            };
                            /**
                             * @description ISO 8601
                             * @example 2026-11-22T12:00:00.000Z
                             */
                            recordedAt: string;
                        }[];
                        next?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        copy?: {
                            done: number | ("Infinity" | "-Infinity" | "NaN");
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                            perSecond: number | ("Infinity" | "-Infinity" | "NaN");
                            etaSeconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        lag?: {
                            events: number | ("Infinity" | "-Infinity" | "NaN");
                            seconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        mirrorHolder?: string | null;
                        pauseMillis?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        copy?: {
                            done: number | ("Infinity" | "-Infinity" | "NaN");
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                            perSecond: number | ("Infinity" | "-Infinity" | "NaN");
                            etaSeconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        lag?: {
                            events: number | ("Infinity" | "-Infinity" | "NaN");
                            seconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        mirrorHolder?: string | null;
                        pauseMillis?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        upTo: number | ("Infinity" | "-Infinity" | "NaN");
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        identical: boolean;
                        firstDifference?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                        origin: {
                            count: number | ("Infinity" | "-Infinity" | "NaN");
                            hash: string;
                        };
                        target: {
                            count: number | ("Infinity" | "-Infinity" | "NaN");
                            hash: string;
                        };
                        projections?: {
                            name: string;
                            documents: number | ("Infinity" | "-Infinity" | "NaN");
                            differing: string[];
                        }[] | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        copy?: {
                            done: number | ("Infinity" | "-Infinity" | "NaN");
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                            perSecond: number | ("Infinity" | "-Infinity" | "NaN");
                            etaSeconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        lag?: {
                            events: number | ("Infinity" | "-Infinity" | "NaN");
                            seconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        mirrorHolder?: string | null;
                        pauseMillis?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        copy?: {
                            done: number | ("Infinity" | "-Infinity" | "NaN");
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                            perSecond: number | ("Infinity" | "-Infinity" | "NaN");
                            etaSeconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        lag?: {
                            events: number | ("Infinity" | "-Infinity" | "NaN");
                            seconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        mirrorHolder?: string | null;
                        pauseMillis?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        copy?: {
                            done: number | ("Infinity" | "-Infinity" | "NaN");
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                            perSecond: number | ("Infinity" | "-Infinity" | "NaN");
                            etaSeconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        lag?: {
                            events: number | ("Infinity" | "-Infinity" | "NaN");
                            seconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        mirrorHolder?: string | null;
                        pauseMillis?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
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
                        originHead: number | ("Infinity" | "-Infinity" | "NaN");
                        targetHead: number | ("Infinity" | "-Infinity" | "NaN");
                        copy?: {
                            done: number | ("Infinity" | "-Infinity" | "NaN");
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                            perSecond: number | ("Infinity" | "-Infinity" | "NaN");
                            etaSeconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        lag?: {
                            events: number | ("Infinity" | "-Infinity" | "NaN");
                            seconds: number | ("Infinity" | "-Infinity" | "NaN");
                        } | null;
                        mirrorHolder?: string | null;
                        pauseMillis?: number | ("Infinity" | "-Infinity" | "NaN") | null;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "live.log": {
        parameters: {
            query?: {
                after?: string;
                stream?: string;
                type?: string;
            };
            header?: {
                "last-event-id"?: string;
            };
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
                    "text/event-stream": {
                        /** @description The event's position */
                        id: string;
                        /**
                         * @description Absent on the wire: SSE's default
                         * @enum {string}
                         */
                        event: "message";
                        data: string;
                    } | {
                        /** @description Where to resume: the last position the reader was given */
                        id: string;
                        /** @enum {string} */
                        event: "behind";
                        data: string;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "live.session": {
        parameters: {
            query?: {
                after?: string;
            };
            header?: {
                "last-event-id"?: string;
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
                    "text/event-stream": {
                        /** @description The event's position */
                        id: string;
                        /**
                         * @description Absent on the wire: SSE's default
                         * @enum {string}
                         */
                        event: "message";
                        data: string;
                    } | {
                        /** @description Where to resume: the last position the reader was given */
                        id: string;
                        /** @enum {string} */
                        event: "behind";
                        data: string;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
    "projections.rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projection: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        rebuilding: boolean;
                    };
                };
            };
            /** @description The request is malformed or breaks a rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BadRequestEncoded"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedEncoded"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenEncoded"];
                };
            };
            /** @description No such resource (or not the caller's) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundEncoded"];
                };
            };
            /** @description A version conflict or an illegal transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictEncoded"];
                };
            };
            /** @description The data was shredded */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["GoneEncoded"];
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionFailedEncoded"];
                };
            };
            /** @description The Idempotency-Key was used for a different request; nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnprocessableContentEncoded"];
                };
            };
            /** @description This write needs If-Match */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PreconditionRequiredEncoded"];
                };
            };
            /** @description The quota is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["TooManyRequestsEncoded"];
                };
            };
            /** @description strata failed; the request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorEncoded"];
                };
            };
            /** @description The database is unreachable or not the primary */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnavailableEncoded"];
                };
            };
        };
    };
}
