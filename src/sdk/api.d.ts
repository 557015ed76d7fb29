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
         * @description Send `{phone, country?}` or `{email, smtp_check?, use_cache?}`.
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
         * @description Send `{phones, country?}` or `{emails, smtp_check?, use_cache?}`. Repeated items are checked and charged once (emails that differ only in the case of the domain are the same). Results come in order of first appearance.
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
         * @description Send `phones` or `emails` (not both). Items are deduplicated; one credit per distinct item. Poll `status_url`, or give `webhook_url` to be called when the batch completes. An `Idempotency-Key` header makes retries safe for 24 hours.
         */
        post: operations["createBatch"];
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
        /** A batch's results as CSV, one row per item in input order, streamed */
        get: operations["getBatchResultsCsv"];
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
        patch?: never;
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
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled` */
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
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled` */
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
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled` */
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
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled` */
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
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled` */
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
            /** @description Error; `error.code` is `missing_admin_token`, `invalid_admin_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error; `error.code` is `admin_disabled` */
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
                        reason: "ok" | "invalid_syntax" | "domain_not_found" | "null_mx" | "no_mail_server" | "mailbox_not_found" | "mailbox_disabled" | "catch_all" | "disposable" | "mailbox_full" | "greylisted" | "smtp_temporary" | "smtp_timeout" | "smtp_unavailable" | "smtp_blocked" | "smtp_error" | "smtp_unsupported" | "blocked_mx_address" | "dns_error" | "smtp_not_checked";
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
                        /** @description Distinct items validated (and charged) */
                        processed: number;
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
                            reason: "ok" | "invalid_syntax" | "domain_not_found" | "null_mx" | "no_mail_server" | "mailbox_not_found" | "mailbox_disabled" | "catch_all" | "disposable" | "mailbox_full" | "greylisted" | "smtp_temporary" | "smtp_timeout" | "smtp_unavailable" | "smtp_blocked" | "smtp_error" | "smtp_unsupported" | "blocked_mx_address" | "dns_error" | "smtp_not_checked";
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
                        /** @enum {string} */
                        status: "queued";
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
            /** @description Error; `error.code` is `validation_failed`, `level_not_supported`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable` */
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
                        /** Format: date-time */
                        expires_at: string;
                        /** @description Present once the batch has ended */
                        results?: unknown[];
                        next_offset?: number | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
            /** @description text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
                            /** Format: date-time */
                            expires_at: string;
                            expired: boolean;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
                        /** Format: date-time */
                        expires_at: string;
                        /** @description Credits returned by this cancellation */
                        refunded: number;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
                            enabled: boolean;
                            disabled_at: string | null;
                            disabled_reason: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
                    event_types: ("batch.started" | "batch.completed" | "batch.failed" | "batch.item.completed" | "usage.threshold")[];
                    description?: string;
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
            /** @description Error; `error.code` is `validation_failed`, `webhook_url_invalid`, `webhook_url_forbidden`, `webhook_url_unresolvable` */
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
                        enabled: boolean;
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
                        enabled: boolean;
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
            /** @description Error; `error.code` is `missing_api_key`, `malformed_api_key`, `invalid_api_key`, `revoked_api_key` */
            401: {
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
}
