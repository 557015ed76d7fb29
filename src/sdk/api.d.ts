// Generated from docs/openapi.json by `npm run sdk:generate`: do not edit by hand.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store answers and every migration is applied */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard session of this browser's cookie, with its CSRF token */
        get: operations["getSession"];
        put?: never;
        /**
         * Sign in to the dashboard with an API key or the operator token (sets an HttpOnly cookie)
         * @description The token is checked and forgotten: the browser keeps only a random session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) that lasts SESSION_TTL_HOURS. An API key opens the customer pages, ADMIN_TOKEN the operator pages.
         */
        post: operations["createSession"];
        /** Sign out: the session ends in the store and its cookie is cleared */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts, oldest first */
        get: operations["listAccounts"];
        put?: never;
        /** Create an account with an opening balance and its first API key */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account, with its keys (never the keys themselves) */
        get: operations["showAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/accounts/{account_id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant credits to an account (a ledger entry) */
        post: operations["grantCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/accounts/{account_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create another API key for an account */
        post: operations["createAccountKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (it stops working at once; revoking twice is harmless) */
        delete: operations["revokeAccountKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/system": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queue depth, live workers and webhook deliveries waiting, across every process */
        get: operations["getSystemStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your balance and a page of your ledger, newest first */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Credits used per day over the last days (from the ledger) */
        get: operations["getAccountUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate one phone number or one email address (1 credit)
         * @description Send `{phone, country?}` or `{email, smtp_check?, use_cache?}`. An input that cannot be a phone number or an address at all (reason `not_a_number`, `invalid_syntax`) is answered for nothing. The `X-Credits-Charged` header says what the call cost (0 or 1), `X-Credits-Remaining` the balance after it. With `webhook_url` (and `webhook_headers`), the result is also POSTed there as a per-lookup callback (`{contact, request_id, webhook_id, result_v1}`, retried until a 200). Endpoints subscribed to `validation.completed` get the result as an event.
         */
        post: operations["validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate-bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate up to 200 phones or emails in one call (1 credit per distinct item)
         * @description Send `{phones, country?}` or `{emails, smtp_check?, use_cache?}`. Items are deduplicated by meaning: phones with the same E.164 form once read with `country`, emails equal but for case, are one item, checked and charged once (its `input` is the first spelling seen). Results come in order of first appearance. An item that cannot be a phone number or an address at all (reason `not_a_number`, `invalid_syntax`) is answered and costs nothing.
         */
        post: operations["validateBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/validate-async": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit up to 10000 phones or emails for background checking (credits for the whole batch up front)
         * @description Send `phones` or `emails` (not both). Items are deduplicated by meaning (phones by their E.164 form with `country`, emails ignoring case): one result and one credit per distinct item, its `input` the first spelling seen. An item that cannot be a phone number or an address at all (reason `not_a_number`, `invalid_syntax`) is answered at once and costs nothing: `credits_charged` says what was charged. Poll `status_url`, or give `webhook_url` to be called when the batch completes (`webhook_format` batch), or once per item as it is checked (lookup; verification, which also calls at the end), with `webhook_headers` on every call. An `Idempotency-Key` header makes retries safe for 24 hours.
         */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a CSV or text list of phones or emails: a batch of its distinct items, or a preview (dry_run)
         * @description Send the file as multipart/form-data (field `file`, option fields before it) or as the raw body (text/csv, text/plain), up to 104857600 bytes and 1000000 data rows. UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252; the delimiter, the header row, the column to check and its kind are detected unless given. Items are deduplicated by meaning; one credit per distinct item; rows with nothing to check are free. `dry_run=true` answers the counts and the credits needed and charges nothing. Otherwise 202 with the batch: follow `status_url`, then download `results_url` (every row of the file, its fields unchanged, then Sieve's verdict). An `Idempotency-Key` header (same options, same bytes) makes retries safe for 24 hours.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch/{batch_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of a batch and, once it has ended, its results in input order (Accept: text/csv for CSV) */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch/{batch_id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch's results as CSV, streamed: an upload's every row with Sieve's verdict, or a list's items
         * @description For an upload: every row of the file in order, its header (or column_1, column_2...) and fields as they were (UTF-8, the file's delimiter), then Sieve's columns: status, reason, duplicate_of, normalized, and line_type, carrier, country for phones or disposable, role, free, catch_all, mx, suggestion for emails (prefixed sieve_ when the file has a column of one of those names). For a list sent to validate-async: one row per distinct item. `status` keeps the rows of those verdicts: `valid,risky` is the clean list.
         */
        get: operations["getBatchResultsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch/{batch_id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of a batch's results as rows (those of results.csv), with the count of every verdict
         * @description An upload's rows are its file's, with Sieve's columns after them; a list's are its items. Rows without a result yet count as not_checked. `status` keeps the rows of those verdicts (the counts are always of all rows).
         */
        get: operations["getBatchRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your batches, newest first */
        get: operations["listBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch/{batch_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a batch; the items not checked yet are refunded */
        post: operations["cancelBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your webhook endpoints (never their secrets) */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Add a webhook endpoint for some event types; its signing secret is in this answer only */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint; its deliveries not sent yet are cancelled */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint: its URL, event types, description, format, extra headers, signature header, retries or timeout
         * @description Fields left out stay as they are; null puts back the default (no headers, the format's signature header, schedule or timeout). `headers` replaces every extra header at once. Deliveries not sent yet go to the new URL, in the format they were made in.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{endpoint_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret (shown once); the old one keeps signing beside it for a grace period */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{endpoint_id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable an endpoint again (after a 410 disabled it) */
        post: operations["enableWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{endpoint_id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every delivery to this endpoint that failed since a given time (one attempt each) */
        post: operations["recoverWebhookEndpointDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{endpoint_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the endpoint a test event now, in its format, and answer with the attempt
         * @description A real delivery made and sent by the server at once, with the endpoint's headers, secret and timeout: a lookup body for `lookup`, a task item (`data.job`) for `verification`, a `validation.completed` event otherwise (its `data.test` is true), for the number +14155552671. It is not retried, never disables the endpoint, and is kept in the delivery log. Sent to a disabled endpoint too.
         */
        post: operations["sendWebhookEndpointTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, newest first, with their attempts */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery and its attempts */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (one attempt; the same webhook-id) */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account's API keys, revoked ones included (never the keys themselves) */
        get: operations["listKeys"];
        put?: never;
        /** Create another API key for your account (the key is shown once) */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of your API keys: it stops working at once (revoking twice is harmless)
         * @description Another account's key is not found. The account's last active key cannot be revoked this way.
         */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorResponse: {
            error: {
                /** @description Stable, machine-readable code */
                code: string;
                /** @description What went wrong, for humans */
                message: string;
                details?: {
                    field: string;
                    message: string;
                }[];
            };
            request_id: string;
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
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
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
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        store: string;
                    };
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description `account` (opened with an API key: the customer pages) or `operator` (opened with ADMIN_TOKEN) */
                        kind: "account" | "operator";
                        account_id: string | null;
                        key_id: string | null;
                        /** @description Send it as X-CSRF-Token with every write made with the session cookie */
                        csrf_token: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An API key (sv_live_…) or ADMIN_TOKEN */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description `account` (opened with an API key: the customer pages) or `operator` (opened with ADMIN_TOKEN) */
                        kind: "account" | "operator";
                        account_id: string | null;
                        key_id: string | null;
                        /** @description Send it as X-CSRF-Token with every write made with the session cookie */
                        csrf_token: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error; `error.code` is `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listAccounts: {
        parameters: {
            query: {
                /** @description Items per page */
                limit: number;
                /** @description acc_ + 32 hex digits */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            account_id: string;
                            name: string | null;
                            credits_remaining: number;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @default 0 */
                    credits?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        name: string | null;
                        credits_remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        key_id: string;
                        /** @description Shown once: store it now, it cannot be read again */
                        api_key: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    showAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description acc_ + 32 hex digits */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        name: string | null;
                        credits_remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        keys: {
                            key_id: string;
                            account_id: string;
                            name: string | null;
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            /** Format: date-time */
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    grantCredits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description acc_ + 32 hex digits */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    reason?: string;
                    /** @description Applied once per account: a retry with the same reference is refused */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        credits_remaining: number;
                        ledger_entry_id: number;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `duplicate_reference` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createAccountKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description acc_ + 32 hex digits */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key_id: string;
                        account_id: string;
                        name: string | null;
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                        /** @description Shown once: store it now, it cannot be read again */
                        api_key: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokeAccountKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description key_ + 32 hex digits */
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key_id: string;
                        account_id: string;
                        name: string | null;
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSystemStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queues: {
                            queue: string;
                            queued: number;
                            active: number;
                        }[];
                        /** @description Jobs waiting or due for a retry */
                        jobs_queued: number;
                        jobs_active: number;
                        /** @description Worker processes heard from within WORKER_LOST_SECONDS */
                        workers: number;
                        /** @description Jobs those workers hold */
                        jobs_in_flight: number;
                        /** @description Webhook deliveries waiting (retries not yet due included) */
                        deliveries_pending: number;
                        deliveries_sending: number;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled`, `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query: {
                /** @description Items per page */
                limit: number;
                /** @description next_cursor of the previous page */
                cursor?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        name: string | null;
                        credits_remaining: number;
                        /** Format: date-time */
                        created_at: string;
                        ledger: {
                            id: number;
                            kind: "grant" | "debit" | "refund";
                            /** @description Negative for debits */
                            amount: number;
                            balance_after: number;
                            reason: string;
                            reference: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: number | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAccountUsage: {
        parameters: {
            query: {
                days: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: number;
                        credits_used: number;
                        credits_remaining: number;
                        daily: {
                            /** @description UTC date, YYYY-MM-DD */
                            day: string;
                            /** @description Debits, less the refunds of that day */
                            credits_used: number;
                            debited: number;
                            refunded: number;
                            granted: number;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The number as written: E.164, international, national (with country), tel: URI, extension, letters */
                    phone?: string;
                    /** @description ISO 3166-1 alpha-2 country used for numbers written without their country code */
                    country?: string;
                    /** @description The address as written */
                    email?: string;
                    /** @description Emails: probe the mail server (default true) */
                    smtp_check?: boolean;
                    /** @description Emails: reuse a recent result (default true) */
                    use_cache?: boolean;
                    /** @description Also POST the result here (format lookup) */
                    webhook_url?: string;
                    /** @description Up to 10 extra headers sent with every delivery, such as Authorization or User-Agent. Host, Content-Length, Content-Type, Connection, Transfer-Encoding and the format's own signature headers are refused. Values are write-only: later reads show them masked. */
                    webhook_headers?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The input exactly as sent */
                        input: string;
                        valid: boolean;
                        /** @description verified: valid and of one definite type; likely: valid, type ambiguous (fixed_line_or_mobile); unknown: not valid */
                        confidence: "verified" | "likely" | "unknown";
                        reason: ("not_a_number" | "invalid_country_code" | "too_short" | "too_long" | "invalid_length" | "invalid_number" | "valid_for_other_region") | null;
                        /**
                         * @description What the numbering plan allocates the number to; unknown when it is not valid
                         * @enum {unknown}
                         */
                        line_type: "mobile" | "fixed_line" | "fixed_line_or_mobile" | "toll_free" | "premium_rate" | "shared_cost" | "voip" | "personal_number" | "pager" | "uan" | "voicemail" | "unknown";
                        carrier: string | null;
                        carrier_source: "original_allocation" | null;
                        country: {
                            iso2: string | null;
                            iso3: string | null;
                            /** @description Country calling code */
                            code: number;
                            name: string | null;
                            flag: string | null;
                            numeric: number | null;
                            description: string | null;
                        } | null;
                        format: {
                            e164: string;
                            international: string;
                            national: string;
                            /** @description As dialled from the United States */
                            out_of_usa: string;
                            rfc3966: string;
                        } | null;
                        extension: string | null;
                        time_zones: string[];
                        currencies: string[];
                        metadata_version: string;
                    } | {
                        /** @description The input exactly as sent */
                        email: string;
                        normalized: string | null;
                        local: string | null;
                        domain: string | null;
                        /** @description false only when the address is known to be bad (status undeliverable); true for deliverable, risky and unknown */
                        valid: boolean;
                        /**
                         * @description deliverable, undeliverable, risky or unknown
                         * @enum {unknown}
                         */
                        status: "deliverable" | "undeliverable" | "risky" | "unknown";
                        /**
                         * @description Why the status is what it is: 'ok' for deliverable; see docs/email.md for the full list
                         * @enum {unknown}
                         */
                        reason: "ok" | "invalid_syntax" | "domain_not_found" | "null_mx" | "no_mail_server" | "mailbox_not_found" | "mailbox_disabled" | "catch_all" | "disposable" | "mailbox_full" | "greylisted" | "throttled" | "smtp_temporary" | "smtp_timeout" | "smtp_unavailable" | "smtp_blocked" | "smtp_error" | "smtp_unsupported" | "blocked_mx_address" | "dns_error" | "smtp_not_checked";
                        /**
                         * @description verified: a definite answer (the mail server, DNS or syntax); likely: indirect evidence (catch-all, lists, full inbox); low: only syntax and domain checked; unknown: not even the domain could be checked
                         * @enum {unknown}
                         */
                        confidence: "verified" | "likely" | "low" | "unknown";
                        suggestion: string | null;
                        /** @description The domain gives out throwaway addresses */
                        disposable: boolean;
                        /** @description The local part names a role (admin, info, sales...) rather than a person */
                        role: boolean;
                        /** @description The domain is a free mailbox provider (gmail.com, gmx.de...) */
                        free: boolean;
                        catch_all: boolean | null;
                        mx: {
                            /** @description The MX host (the domain itself when it has no MX record) */
                            host: string;
                            priority: number;
                            address: string | null;
                        } | null;
                        smtp: {
                            code: number;
                            message: string;
                        } | null;
                        verification_steps: {
                            step: "syntax" | "domain" | "smtp";
                            status: "completed" | "failed" | "skipped";
                        }[];
                        retry_after: number | null;
                        /** @description The result comes from the cache (checked_at tells when it was made) */
                        cached: boolean;
                        /** Format: date-time */
                        checked_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `insufficient_credits` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable`, `webhook_url_insecure` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    validateBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phones?: string[];
                    emails?: string[];
                    /** @description ISO 3166-1 alpha-2 country used for numbers written without their country code */
                    country?: string;
                    smtp_check?: boolean;
                    use_cache?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Items received */
                        batch_size: number;
                        /** @description Distinct items answered (one result each) */
                        processed: number;
                        /** @description Distinct items that could be a phone number or an address */
                        credits_charged: number;
                        credits_remaining: number;
                        elapsed_ms: number;
                        /** @description Most checks in flight at once (SMTP connections for emails) */
                        concurrency: number;
                        results: {
                            /** @description The input exactly as sent */
                            input: string;
                            valid: boolean;
                            /** @description verified: valid and of one definite type; likely: valid, type ambiguous (fixed_line_or_mobile); unknown: not valid */
                            confidence: "verified" | "likely" | "unknown";
                            reason: ("not_a_number" | "invalid_country_code" | "too_short" | "too_long" | "invalid_length" | "invalid_number" | "valid_for_other_region") | null;
                            /**
                             * @description What the numbering plan allocates the number to; unknown when it is not valid
                             * @enum {unknown}
                             */
                            line_type: "mobile" | "fixed_line" | "fixed_line_or_mobile" | "toll_free" | "premium_rate" | "shared_cost" | "voip" | "personal_number" | "pager" | "uan" | "voicemail" | "unknown";
                            carrier: string | null;
                            carrier_source: "original_allocation" | null;
                            country: {
                                iso2: string | null;
                                iso3: string | null;
                                /** @description Country calling code */
                                code: number;
                                name: string | null;
                                flag: string | null;
                                numeric: number | null;
                                description: string | null;
                            } | null;
                            format: {
                                e164: string;
                                international: string;
                                national: string;
                                /** @description As dialled from the United States */
                                out_of_usa: string;
                                rfc3966: string;
                            } | null;
                            extension: string | null;
                            time_zones: string[];
                            currencies: string[];
                            metadata_version: string;
                        }[] | {
                            /** @description The input exactly as sent */
                            email: string;
                            normalized: string | null;
                            local: string | null;
                            domain: string | null;
                            /** @description false only when the address is known to be bad (status undeliverable); true for deliverable, risky and unknown */
                            valid: boolean;
                            /**
                             * @description deliverable, undeliverable, risky or unknown
                             * @enum {unknown}
                             */
                            status: "deliverable" | "undeliverable" | "risky" | "unknown";
                            /**
                             * @description Why the status is what it is: 'ok' for deliverable; see docs/email.md for the full list
                             * @enum {unknown}
                             */
                            reason: "ok" | "invalid_syntax" | "domain_not_found" | "null_mx" | "no_mail_server" | "mailbox_not_found" | "mailbox_disabled" | "catch_all" | "disposable" | "mailbox_full" | "greylisted" | "throttled" | "smtp_temporary" | "smtp_timeout" | "smtp_unavailable" | "smtp_blocked" | "smtp_error" | "smtp_unsupported" | "blocked_mx_address" | "dns_error" | "smtp_not_checked";
                            /**
                             * @description verified: a definite answer (the mail server, DNS or syntax); likely: indirect evidence (catch-all, lists, full inbox); low: only syntax and domain checked; unknown: not even the domain could be checked
                             * @enum {unknown}
                             */
                            confidence: "verified" | "likely" | "low" | "unknown";
                            suggestion: string | null;
                            /** @description The domain gives out throwaway addresses */
                            disposable: boolean;
                            /** @description The local part names a role (admin, info, sales...) rather than a person */
                            role: boolean;
                            /** @description The domain is a free mailbox provider (gmail.com, gmx.de...) */
                            free: boolean;
                            catch_all: boolean | null;
                            mx: {
                                /** @description The MX host (the domain itself when it has no MX record) */
                                host: string;
                                priority: number;
                                address: string | null;
                            } | null;
                            smtp: {
                                code: number;
                                message: string;
                            } | null;
                            verification_steps: {
                                step: "syntax" | "domain" | "smtp";
                                status: "completed" | "failed" | "skipped";
                            }[];
                            retry_after: number | null;
                            /** @description The result comes from the cache (checked_at tells when it was made) */
                            cached: boolean;
                            /** Format: date-time */
                            checked_at: string;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `insufficient_credits` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createBatch: {
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
                    phones?: string[];
                    emails?: string[];
                    /** @description ISO 3166-1 alpha-2 country used for numbers written without their country code */
                    country?: string;
                    /** @description basic (the default); hlr is not offered */
                    level?: string;
                    /** @description Emails: probe the mail server (default true) */
                    smtp_check?: boolean;
                    webhook_url?: string;
                    /** @description Signs the callback (HMAC-SHA256) */
                    webhook_secret?: string;
                    /** @description How the webhook_url is called (default batch). `batch`: the batch's status and results, as the phone batch API and the email bulk and batch API call back; retries after 2s, 4s, 8s; timeout 15 s. `lookup`: one POST per item: `{contact, request_id, webhook_id, result_v1}`, unsigned (check your own Authorization header); retries after 10 × 30s, 10 × 3m, 10 × 15m; timeout 15 s. `verification`: `{event_type, task_id, completed_at, data}`: `data.job` per item, `data.stats` and `data.jobs` at the end; `X-Webhook-Signature: sha256=<hex>`; retries after 2s, 4s, 8s; timeout 15 s; https:// only */
                    webhook_format?: "batch" | "lookup" | "verification";
                    /** @description Up to 10 extra headers sent with every delivery, such as Authorization or User-Agent. Host, Content-Length, Content-Type, Connection, Transfer-Encoding and the format's own signature headers are refused. Values are write-only: later reads show them masked. */
                    webhook_headers?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_id: string;
                        /** @description completed when every item was answered at once (none could be a phone number or an address) */
                        status: "queued" | "completed";
                        /** @description Distinct items */
                        total: number;
                        level: string;
                        credits_charged: number;
                        credits_remaining: number;
                        webhook_configured: boolean;
                        status_url: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `insufficient_credits` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `idempotency_key_reused` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed`, `level_not_supported`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable`, `webhook_url_insecure` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createUpload: {
        parameters: {
            query?: {
                /** @description The column to check: its header name, or its 0-based index (detected by default) */
                column?: string;
                /** @description Detected by default */
                kind?: "phone" | "email";
                /** @description ISO 3166-1 alpha-2 country used for numbers written without their country code */
                country?: string;
                /** @description A column holding each row's ISO alpha-2 country (name or 0-based index) */
                country_column?: string;
                /** @description Detected by default; none detected means one value a line */
                delimiter?: "comma" | "semicolon" | "tab" | "pipe";
                /** @description Whether the first row names the columns (detected by default) */
                header?: boolean;
                /** @description Answer a preview and charge nothing */
                dry_run?: boolean;
                /** @description The file name, for a raw body (multipart gives its own) */
                filename?: string;
                /** @description Emails: probe the mail server (default true) */
                smtp_check?: boolean;
                /** @description basic (the default) */
                level?: string;
                webhook_url?: string;
                /** @description Signs the callback (HMAC-SHA256) */
                webhook_secret?: string;
                /** @description How the webhook_url is called, as for validate-async: batch (once, at the end; the default), lookup (once per item), verification (once per item and at the end) */
                webhook_format?: "batch" | "lookup" | "verification";
                /** @description Extra headers for every call of the webhook_url, as a JSON object (`{"Authorization":"Bearer …"}`), up to 10; the same rules as validate-async */
                webhook_headers?: string;
            };
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The column to check: its header name, or its 0-based index (detected by default) */
                    column?: string;
                    /** @description Detected by default */
                    kind?: "phone" | "email";
                    /** @description ISO 3166-1 alpha-2 country used for numbers written without their country code */
                    country?: string;
                    /** @description A column holding each row's ISO alpha-2 country (name or 0-based index) */
                    country_column?: string;
                    /** @description Detected by default; none detected means one value a line */
                    delimiter?: "comma" | "semicolon" | "tab" | "pipe";
                    /** @description Whether the first row names the columns (detected by default) */
                    header?: boolean;
                    /** @description Answer a preview and charge nothing */
                    dry_run?: boolean;
                    /** @description The file name, for a raw body (multipart gives its own) */
                    filename?: string;
                    /** @description Emails: probe the mail server (default true) */
                    smtp_check?: boolean;
                    /** @description basic (the default) */
                    level?: string;
                    webhook_url?: string;
                    /** @description Signs the callback (HMAC-SHA256) */
                    webhook_secret?: string;
                    /** @description How the webhook_url is called, as for validate-async: batch (once, at the end; the default), lookup (once per item), verification (once per item and at the end) */
                    webhook_format?: "batch" | "lookup" | "verification";
                    /** @description Extra headers for every call of the webhook_url, as a JSON object (`{"Authorization":"Bearer …"}`), up to 10; the same rules as validate-async */
                    webhook_headers?: string;
                    /**
                     * Format: binary
                     * @description The file: CSV (any of , ; tab |) or one value a line
                     */
                    file: string;
                };
                "text/csv": string;
                "text/plain": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        dry_run: true;
                        file_name: string;
                        /** @description Data rows (the header and blank lines are not rows) */
                        rows: number;
                        /** @description Distinct items: one credit each */
                        distinct: number;
                        /** @description Rows repeating an earlier row (the same number or address) */
                        duplicates: number;
                        /** @description Rows that cannot be checked: no phone number or address at all, or no such field */
                        malformed: number;
                        /** @description Rows with nothing in the column */
                        empty: number;
                        /** @description utf-8, utf-16le, utf-16be or windows-1252 */
                        encoding: string;
                        delimiter: string | null;
                        header: boolean;
                        column: {
                            /** @description 0-based */
                            index: number;
                            name: string;
                        };
                        kind: "phone" | "email";
                        country: string | null;
                        country_column: {
                            /** @description 0-based */
                            index: number;
                            name: string;
                        } | null;
                        /** @description Column names as results.csv will have them (column_1... without a header) */
                        columns: string[];
                        /** @description The first 20 */
                        malformed_rows: {
                            /** @description 1-based data row */
                            row: number;
                            reason: string;
                            detail: string;
                        }[];
                        /** @description The first 5 data rows, and the value of the column to check */
                        sample: {
                            row: number;
                            fields: string[];
                            value: string | null;
                        }[];
                        credits_needed: number;
                        credits_remaining: number;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_id: string;
                        /** @description completed at once when no row has anything to check */
                        status: "queued" | "completed";
                        /** @description Distinct items */
                        total: number;
                        level: string;
                        credits_charged: number;
                        credits_remaining: number;
                        webhook_configured: boolean;
                        status_url: string;
                        /** @enum {string} */
                        source: "upload";
                        file_name: string;
                        /** @description results.csv of the batch, once it has ended */
                        results_url: string;
                        upload: {
                            /** @description Data rows (the header and blank lines are not rows) */
                            rows: number;
                            /** @description Distinct items: one credit each */
                            distinct: number;
                            /** @description Rows repeating an earlier row (the same number or address) */
                            duplicates: number;
                            /** @description Rows that cannot be checked: no phone number or address at all, or no such field */
                            malformed: number;
                            /** @description Rows with nothing in the column */
                            empty: number;
                            /** @description utf-8, utf-16le, utf-16be or windows-1252 */
                            encoding: string;
                            delimiter: string | null;
                            header: boolean;
                            column: {
                                /** @description 0-based */
                                index: number;
                                name: string;
                            };
                            kind: "phone" | "email";
                            country: string | null;
                            country_column: {
                                /** @description 0-based */
                                index: number;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `insufficient_credits` */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `idempotency_key_reused` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large`, `upload_too_large`, `upload_too_many_rows` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed`, `level_not_supported`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable`, `webhook_url_insecure`, `upload_empty`, `upload_not_text`, `upload_no_column`, `upload_row_too_large`, `upload_malformed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query: {
                /** @description First result to return */
                offset: number;
                /** @description Results to return (all by default) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description bat_ + 32 hex digits */
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_id: string;
                        kind: "phone" | "email";
                        /** @description api: a list sent to validate-async; upload: a file sent to uploads */
                        source: "api" | "upload";
                        file_name: string | null;
                        upload: {
                            /** @description Data rows (the header and blank lines are not rows) */
                            rows: number;
                            /** @description Distinct items: one credit each */
                            distinct: number;
                            /** @description Rows repeating an earlier row (the same number or address) */
                            duplicates: number;
                            /** @description Rows that cannot be checked: no phone number or address at all, or no such field */
                            malformed: number;
                            /** @description Rows with nothing in the column */
                            empty: number;
                            /** @description utf-8, utf-16le, utf-16be or windows-1252 */
                            encoding: string;
                            delimiter: string | null;
                            header: boolean;
                            column: {
                                /** @description 0-based */
                                index: number;
                                name: string;
                            };
                            kind: "phone" | "email";
                            country: string | null;
                            country_column: {
                                /** @description 0-based */
                                index: number;
                                name: string;
                            } | null;
                        } | null;
                        /** @enum {unknown} */
                        status: "queued" | "processing" | "completed" | "failed" | "cancelled";
                        total: number;
                        processed: number;
                        /** @description processed / total, from 0 to 1 */
                        progress: number;
                        level: string;
                        /** Format: date-time */
                        created_at: string;
                        started_at: string | null;
                        completed_at: string | null;
                        has_webhook: boolean;
                        webhook_sent_at: string | null;
                        webhook_status_code: number | null;
                        credits_charged: number;
                        credits_refunded: number;
                        error: {
                            code: string;
                            message: string;
                        } | null;
                        waiting: {
                            /** @description Items waiting for a later attempt */
                            items: number;
                            /** @description Why, for most of them: greylisted, smtp_temporary (a 4xx reply), smtp_timeout... */
                            reason: string;
                            /** Format: date-time */
                            next_attempt_at: string;
                        } | null;
                        /** Format: date-time */
                        expires_at: string;
                        /** @description Present once the batch has ended */
                        results?: unknown[];
                        next_offset?: number | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `batch_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBatchResultsCsv: {
        parameters: {
            query?: {
                /** @description Verdicts to keep, comma separated: valid, risky, invalid, unknown, malformed, duplicate, empty, not_checked */
                status?: string;
            };
            header?: never;
            path: {
                /** @description bat_ + 32 hex digits */
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `batch_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBatchRows: {
        parameters: {
            query: {
                /** @description Comma list of: valid, risky, invalid, unknown, malformed, duplicate, empty, not_checked */
                status?: string;
                offset: number;
                limit: number;
            };
            header?: never;
            path: {
                /** @description bat_ + 32 hex digits */
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: string[];
                        /** @description Index of the verdict in columns and in every row */
                        status_column: number;
                        /** @description Rows of each verdict */
                        counts: {
                            [key: string]: number;
                        };
                        total_rows: number;
                        /** @description Rows of the chosen verdicts */
                        matching: number;
                        rows: {
                            /** @description 1-based */
                            row: number;
                            cells: string[];
                        }[];
                        next_offset: number | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `batch_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listBatches: {
        parameters: {
            query: {
                /** @description Items per page */
                limit: number;
                /** @description next_cursor of the previous page */
                cursor?: string;
                status?: "queued" | "processing" | "completed" | "failed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            batch_id: string;
                            kind: "phone" | "email";
                            /** @description api: a list sent to validate-async; upload: a file sent to uploads */
                            source: "api" | "upload";
                            file_name: string | null;
                            upload: {
                                /** @description Data rows (the header and blank lines are not rows) */
                                rows: number;
                                /** @description Distinct items: one credit each */
                                distinct: number;
                                /** @description Rows repeating an earlier row (the same number or address) */
                                duplicates: number;
                                /** @description Rows that cannot be checked: no phone number or address at all, or no such field */
                                malformed: number;
                                /** @description Rows with nothing in the column */
                                empty: number;
                                /** @description utf-8, utf-16le, utf-16be or windows-1252 */
                                encoding: string;
                                delimiter: string | null;
                                header: boolean;
                                column: {
                                    /** @description 0-based */
                                    index: number;
                                    name: string;
                                };
                                kind: "phone" | "email";
                                country: string | null;
                                country_column: {
                                    /** @description 0-based */
                                    index: number;
                                    name: string;
                                } | null;
                            } | null;
                            /** @enum {unknown} */
                            status: "queued" | "processing" | "completed" | "failed" | "cancelled";
                            total: number;
                            processed: number;
                            /** @description processed / total, from 0 to 1 */
                            progress: number;
                            level: string;
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            completed_at: string | null;
                            has_webhook: boolean;
                            webhook_sent_at: string | null;
                            webhook_status_code: number | null;
                            credits_charged: number;
                            credits_refunded: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            waiting: {
                                /** @description Items waiting for a later attempt */
                                items: number;
                                /** @description Why, for most of them: greylisted, smtp_temporary (a 4xx reply), smtp_timeout... */
                                reason: string;
                                /** Format: date-time */
                                next_attempt_at: string;
                            } | null;
                            /** Format: date-time */
                            expires_at: string;
                            expired: boolean;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    cancelBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description bat_ + 32 hex digits */
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_id: string;
                        kind: "phone" | "email";
                        /** @description api: a list sent to validate-async; upload: a file sent to uploads */
                        source: "api" | "upload";
                        file_name: string | null;
                        upload: {
                            /** @description Data rows (the header and blank lines are not rows) */
                            rows: number;
                            /** @description Distinct items: one credit each */
                            distinct: number;
                            /** @description Rows repeating an earlier row (the same number or address) */
                            duplicates: number;
                            /** @description Rows that cannot be checked: no phone number or address at all, or no such field */
                            malformed: number;
                            /** @description Rows with nothing in the column */
                            empty: number;
                            /** @description utf-8, utf-16le, utf-16be or windows-1252 */
                            encoding: string;
                            delimiter: string | null;
                            header: boolean;
                            column: {
                                /** @description 0-based */
                                index: number;
                                name: string;
                            };
                            kind: "phone" | "email";
                            country: string | null;
                            country_column: {
                                /** @description 0-based */
                                index: number;
                                name: string;
                            } | null;
                        } | null;
                        /** @enum {unknown} */
                        status: "queued" | "processing" | "completed" | "failed" | "cancelled";
                        total: number;
                        processed: number;
                        /** @description processed / total, from 0 to 1 */
                        progress: number;
                        level: string;
                        /** Format: date-time */
                        created_at: string;
                        started_at: string | null;
                        completed_at: string | null;
                        has_webhook: boolean;
                        webhook_sent_at: string | null;
                        webhook_status_code: number | null;
                        credits_charged: number;
                        credits_refunded: number;
                        error: {
                            code: string;
                            message: string;
                        } | null;
                        waiting: {
                            /** @description Items waiting for a later attempt */
                            items: number;
                            /** @description Why, for most of them: greylisted, smtp_temporary (a 4xx reply), smtp_timeout... */
                            reason: string;
                            /** Format: date-time */
                            next_attempt_at: string;
                        } | null;
                        /** Format: date-time */
                        expires_at: string;
                        /** @description Credits returned by this cancellation */
                        refunded: number;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `batch_not_cancellable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `batch_expired` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            endpoint_id: string;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            /** @description standard, lookup, events or verification */
                            format: string;
                            /** @description Extra headers, values masked */
                            headers: {
                                [key: string]: string;
                            };
                            signature_header: string | null;
                            retry_schedule: number[] | null;
                            timeout_seconds: number | null;
                            enabled: boolean;
                            disabled_at: string | null;
                            disabled_reason: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    /** @description validation.completed (each item of a sync /validate or /validate-bulk call) is sent only to endpoints that ask for it */
                    event_types: ("validation.completed" | "batch.started" | "batch.completed" | "batch.failed" | "batch.item.completed" | "usage.threshold")[];
                    description?: string;
                    /** @description How deliveries look, are signed and retried (default standard). `standard`: `{id, type, created, data}` signed for Standard Webhooks and with `X-Webhook-Signature: sha256=<hex>`; retries after 1m, 5m, 30m, 2h; timeout 15 s. `lookup`: one POST per item: `{contact, request_id, webhook_id, result_v1}`, unsigned (check your own Authorization header); retries after 10 × 30s, 10 × 3m, 10 × 15m; timeout 15 s. `events`: `{id, type, created, data}` signed with the hex HMAC-SHA256 of the body in `signature_header` (X-Signature); retries after 1m, 5m, 30m, 2h; timeout 30 s; https:// only. `verification`: `{event_type, task_id, completed_at, data}`: `data.job` per item, `data.stats` and `data.jobs` at the end; `X-Webhook-Signature: sha256=<hex>`; retries after 1m, 5m, 30m, 2h; timeout 15 s; https:// only */
                    format?: "standard" | "lookup" | "events" | "verification";
                    /** @description Up to 10 extra headers sent with every delivery, such as Authorization or User-Agent. Host, Content-Length, Content-Type, Connection, Transfer-Encoding and the format's own signature headers are refused. Values are write-only: later reads show them masked. */
                    headers?: {
                        [key: string]: string;
                    };
                    /** @description events format: the header carrying the hex HMAC-SHA256 of the body (default X-Signature) */
                    signature_header?: string;
                    /** @description The waits between attempts after the first, immediate one (`["30s","5m"]`: three attempts in all), each up to 24 h; replaces the format's schedule */
                    retry_schedule?: (string | number)[];
                    /** @description Deadline of one attempt; replaces the format's */
                    timeout_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        /** @description standard, lookup, events or verification */
                        format: string;
                        /** @description Extra headers: their values are shown in this answer only */
                        headers: {
                            [key: string]: string;
                        };
                        signature_header: string | null;
                        retry_schedule: number[] | null;
                        timeout_seconds: number | null;
                        enabled: boolean;
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description whsec_…: shown once */
                        secret: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable`, `webhook_url_insecure` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        /** @description standard, lookup, events or verification */
                        format: string;
                        /** @description Extra headers, values masked */
                        headers: {
                            [key: string]: string;
                        };
                        signature_header: string | null;
                        retry_schedule: number[] | null;
                        timeout_seconds: number | null;
                        enabled: boolean;
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        /** @enum {boolean} */
                        deleted: true;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    /** @description validation.completed (each item of a sync /validate or /validate-bulk call) is sent only to endpoints that ask for it */
                    event_types?: ("validation.completed" | "batch.started" | "batch.completed" | "batch.failed" | "batch.item.completed" | "usage.threshold")[];
                    description?: string | null;
                    /** @description How deliveries look, are signed and retried (default standard). `standard`: `{id, type, created, data}` signed for Standard Webhooks and with `X-Webhook-Signature: sha256=<hex>`; retries after 1m, 5m, 30m, 2h; timeout 15 s. `lookup`: one POST per item: `{contact, request_id, webhook_id, result_v1}`, unsigned (check your own Authorization header); retries after 10 × 30s, 10 × 3m, 10 × 15m; timeout 15 s. `events`: `{id, type, created, data}` signed with the hex HMAC-SHA256 of the body in `signature_header` (X-Signature); retries after 1m, 5m, 30m, 2h; timeout 30 s; https:// only. `verification`: `{event_type, task_id, completed_at, data}`: `data.job` per item, `data.stats` and `data.jobs` at the end; `X-Webhook-Signature: sha256=<hex>`; retries after 1m, 5m, 30m, 2h; timeout 15 s; https:// only */
                    format?: "standard" | "lookup" | "events" | "verification";
                    headers?: {
                        [key: string]: string;
                    } | null;
                    signature_header?: string | null;
                    retry_schedule?: (string | number)[] | null;
                    timeout_seconds?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        /** @description standard, lookup, events or verification */
                        format: string;
                        /** @description Extra headers, values masked */
                        headers: {
                            [key: string]: string;
                        };
                        signature_header: string | null;
                        retry_schedule: number[] | null;
                        timeout_seconds: number | null;
                        enabled: boolean;
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable`, `webhook_url_insecure` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default: 24 hours */
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        secret: string;
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    enableWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        /** @description standard, lookup, events or verification */
                        format: string;
                        /** @description Extra headers, values masked */
                        headers: {
                            [key: string]: string;
                        };
                        signature_header: string | null;
                        retry_schedule: number[] | null;
                        timeout_seconds: number | null;
                        enabled: boolean;
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    recoverWebhookEndpointDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint_id: string;
                        recovered: number;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `endpoint_disabled` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sendWebhookEndpointTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: string;
                        event_id: string;
                        event_type: string;
                        /** @description As the endpoint's format classifies the answer */
                        status: "succeeded" | "failed";
                        attempt: {
                            status_code: number | null;
                            error: string | null;
                            duration_ms: number;
                            response_body: string | null;
                        };
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query: {
                /** @description Items per page */
                limit: number;
                cursor?: string;
                status?: "pending" | "sending" | "succeeded" | "failed" | "cancelled";
                endpoint_id?: string;
                batch_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Also the webhook-id and X-Webhook-ID header: the same on every attempt */
                            delivery_id: string;
                            event_id: string;
                            event_type: string;
                            /** @description callback: a batch's own webhook_url */
                            kind: "callback" | "endpoint";
                            endpoint_id: string | null;
                            batch_id: string | null;
                            url: string;
                            /** @description pending, sending, succeeded, failed or cancelled */
                            status: string;
                            attempts: number;
                            next_attempt_at: string | null;
                            last_status_code: number | null;
                            last_error: string | null;
                            succeeded_at: string | null;
                            failed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            attempt_log: {
                                attempt: number;
                                /** @description scheduled or manual */
                                trigger: string;
                                /** Format: date-time */
                                scheduled_for: string;
                                /** Format: date-time */
                                started_at: string;
                                duration_ms: number;
                                status_code: number | null;
                                error: string | null;
                                response_body: string | null;
                            }[];
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also the webhook-id and X-Webhook-ID header: the same on every attempt */
                        delivery_id: string;
                        event_id: string;
                        event_type: string;
                        /** @description callback: a batch's own webhook_url */
                        kind: "callback" | "endpoint";
                        endpoint_id: string | null;
                        batch_id: string | null;
                        url: string;
                        /** @description pending, sending, succeeded, failed or cancelled */
                        status: string;
                        attempts: number;
                        next_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        succeeded_at: string | null;
                        failed_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        attempt_log: {
                            attempt: number;
                            /** @description scheduled or manual */
                            trigger: string;
                            /** Format: date-time */
                            scheduled_for: string;
                            /** Format: date-time */
                            started_at: string;
                            duration_ms: number;
                            status_code: number | null;
                            error: string | null;
                            response_body: string | null;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also the webhook-id and X-Webhook-ID header: the same on every attempt */
                        delivery_id: string;
                        event_id: string;
                        event_type: string;
                        /** @description callback: a batch's own webhook_url */
                        kind: "callback" | "endpoint";
                        endpoint_id: string | null;
                        batch_id: string | null;
                        url: string;
                        /** @description pending, sending, succeeded, failed or cancelled */
                        status: string;
                        attempts: number;
                        next_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        succeeded_at: string | null;
                        failed_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        attempt_log: {
                            attempt: number;
                            /** @description scheduled or manual */
                            trigger: string;
                            /** Format: date-time */
                            scheduled_for: string;
                            /** Format: date-time */
                            started_at: string;
                            duration_ms: number;
                            status_code: number | null;
                            error: string | null;
                            response_body: string | null;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `endpoint_disabled`, `delivery_not_retryable` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            key_id: string;
                            account_id: string;
                            name: string | null;
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            /** Format: date-time */
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                            /** @description The key this request was made with */
                            current: boolean;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key_id: string;
                        account_id: string;
                        name: string | null;
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                        /** @description Shown once: store it now, it cannot be read again */
                        api_key: string;
                    };
                };
            };
            /** @description Error; `error.code` is `invalid_json`, `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description key_ + 32 hex digits */
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key_id: string;
                        account_id: string;
                        name: string | null;
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key`, `invalid_session` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `csrf_token_invalid`, `session_not_allowed` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `last_active_key` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `service_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
