/**
 * Generated from openapi/gateway.yaml by openapi-typescript (npm run openapi:types). Do not edit by hand.
 */

export interface paths {
    "/auth/realms/zignsec/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OIDC discovery
         * @description Keycloak's discovery document; every URL in it is built from the base URL the caller used (or the configured public URL).
         */
        get: operations["getDiscovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/realms/zignsec/protocol/openid-connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Client-credentials token
         * @description The `client_credentials` grant. Authenticate the client with HTTP Basic (`client_secret_basic`) or with
         *     `client_id` and `client_secret` in the form (`client_secret_post`); form values win when both are sent.
         *     OpenAPI cannot express credentials in a form body as a security scheme, so `client_secret_post` is the
         *     scheme-less alternative `{}` plus the form fields.
         */
        post: operations["requestToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/realms/zignsec/protocol/openid-connect/certs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * JSON Web Key Set
         * @description The realm's signing keys; a rotated-out key stays here for its grace period.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/realms/zignsec/protocol/openid-connect/token/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token introspection (RFC 7662)
         * @description Client authentication as for the token endpoint. Any token that would not be accepted answers `{"active": false}`.
         */
        post: operations["introspectToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an authorization session
         * @description The session id is the `tag` of the liveness and Document Reader transactions made for it.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/sessions/{sessionId}/liveness/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session's `id`. Another client's session answers exactly like one that does not exist. */
                sessionId: components["parameters"]["SessionId"];
                /** @description The Regula transaction id, a UUID. Anything else answers 400 with `errors.transactionId`. */
                transactionId: components["parameters"]["TransactionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bind a Face liveness transaction to the session
         * @description The transaction id is FaceSDK's `LivenessResponse.transactionId`. Repeating a binding answers 204 again.
         */
        post: operations["bindLivenessTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/sessions/{sessionId}/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session's `id`. Another client's session answers exactly like one that does not exist. */
                sessionId: components["parameters"]["SessionId"];
                /** @description The Regula transaction id, a UUID. Anything else answers 400 with `errors.transactionId`. */
                transactionId: components["parameters"]["TransactionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bind a Document Reader transaction to the session
         * @description The transaction id is `info.transactionId` from the Document Reader SDK's `finalizePackage`. Repeating a binding answers 204 again.
         */
        post: operations["bindDocumentTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Document Reader ping
         * @description Checks the credentials and the Document Reader service behind the gateway in one call.
         */
        get: operations["pingDocreader"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Face API ping
         * @description Checks the credentials and the Face API service behind the gateway. The Face definitions omit `/api/ping`; it answers Document Reader's `DeviceInfo` shape.
         */
        get: operations["pingFaceapi"];
        put?: never;
        post?: never;
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
        TokenRequest: {
            /**
             * @description `client_credentials`; anything else answers 400 `unsupported_grant_type`.
             * @example client_credentials
             */
            grant_type: string;
            /** @description `client_secret_post` (overrides the Basic credentials when both are sent). */
            client_id?: string;
            /** @description `client_secret_post`. */
            client_secret?: string;
            /** @description Space-separated; a scope the client lacks answers 400 `invalid_scope`. */
            scope?: string;
        };
        TokenResponse: {
            /** @description An RS256 JWT whose `kid` is in the JWKS. */
            access_token: string;
            /** @description Seconds; 1200 unless a scenario says otherwise. */
            expires_in: number;
            /** @constant */
            refresh_expires_in: 0;
            /** @constant */
            token_type: "Bearer";
            "not-before-policy": number;
            /** @example api */
            scope: string;
        };
        IntrospectionRequest: {
            token: string;
            /** @enum {string} */
            token_type_hint?: "access_token" | "refresh_token" | "requesting_party_token";
            client_id?: string;
            client_secret?: string;
        };
        /** @description With `active` true, every claim of the token plus `client_id`, `username` and `token_type`. */
        IntrospectionResponse: {
            active: boolean;
            client_id?: string;
            username?: string;
            token_type?: string;
            exp?: number;
            iat?: number;
            jti?: string;
            iss?: string;
            aud?: string;
            sub?: string;
            azp?: string;
            scope?: string;
        };
        /** @description Keycloak's field set (only the fields a client relies on are listed; the mock sends them all). */
        DiscoveryDocument: {
            /** Format: uri */
            issuer: string;
            /** Format: uri */
            authorization_endpoint: string;
            /** Format: uri */
            token_endpoint: string;
            /** Format: uri */
            introspection_endpoint: string;
            /** Format: uri */
            userinfo_endpoint?: string;
            /** Format: uri */
            end_session_endpoint?: string;
            /** Format: uri */
            jwks_uri: string;
            /** Format: uri */
            revocation_endpoint?: string;
            grant_types_supported: string[];
            token_endpoint_auth_methods_supported: string[];
            response_types_supported: string[];
            subject_types_supported: string[];
            id_token_signing_alg_values_supported: string[];
            scopes_supported?: string[];
        };
        Jwks: {
            keys: components["schemas"]["Jwk"][];
        };
        Jwk: {
            kid: string;
            /** @constant */
            kty: "RSA";
            /** @constant */
            alg: "RS256";
            /** @constant */
            use: "sig";
            n: string;
            e: string;
        };
        Session: {
            /**
             * @description `clientId` + `uniqueId`.
             * @example sy89z8wWF0moddTGa0S3dAP8gZm2B2kXl0ie
             */
            id: string;
            /**
             * @description The client GUID's 16 bytes in .NET `Guid.ToByteArray()` order, unpadded base64url.
             * @example sy89z8wWF0moddTGa0S3dA
             */
            clientId: string;
            /**
             * Format: uuid
             * @example cf3d2fb3-16cc-4917-a875-d4c66b44b774
             */
            clientIdLong: string;
            /** @example P8gZm2B2kXl0ie */
            uniqueId: string;
        };
        DeviceInfo: {
            "app-name": string;
            version: string;
            "license-id"?: string;
            "license-serial"?: string;
            "license-type"?: string;
            /** Format: date-time */
            "valid-until"?: string;
            /** @description `YYYY-MM-DD hh:mm:ss.ffffff+00:00` */
            "server-time": string;
            "supported-scenarios"?: string[];
            metadata?: {
                [key: string]: unknown;
            };
            "documents-database"?: {
                id: string | null;
                version: string | null;
                "export-date": string | null;
                description: string | null;
            };
        };
        /** @description Keycloak's error body. */
        OAuthError: {
            /**
             * @example invalid_client
             * @example unauthorized_client
             * @example invalid_request
             * @example unsupported_grant_type
             * @example invalid_scope
             */
            error: string;
            error_description: string;
            /** @description The mock only, on 404s. */
            hint?: string;
            /** @description The mock only, with `mock_invalid_scenario`. */
            knownScenarios?: string[];
        };
        RealmNotFound: {
            /** @constant */
            error: "Realm does not exist";
        };
        /** @description The gateway's body (Azure API Management's shape). */
        GatewayError: {
            statusCode: number;
            /**
             * @example Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.
             * @example Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.
             * @example Unauthorized. Access token is missing or invalid.
             * @example Rate limit is exceeded. Try again in 10 seconds.
             */
            message: string;
            /** @description The mock only, on 404s. */
            hint?: string;
        };
        /** @description ASP.NET Core ProblemDetails (RFC 9457), as the .NET session API answers. */
        ProblemDetails: {
            /**
             * Format: uri
             * @example https://tools.ietf.org/html/rfc9110#section-15.5.5
             */
            type: string;
            title: string;
            status: number;
            detail: string;
            traceId: string;
            /** @description The mock only, on 404s for unknown routes. */
            hint?: string;
            /** @description The mock only, for an unknown `X-Mock-Scenario`. */
            knownScenarios?: string[];
        };
        /** @description ProblemDetails with the offending fields, as ASP.NET model binding answers. */
        ValidationProblemDetails: components["schemas"]["ProblemDetails"] & {
            errors: {
                [key: string]: string[];
            };
        };
    };
    responses: {
        /** @description A malformed request: `invalid_request` (missing `grant_type`, "duplicated parameter", "Token not provided."), `unsupported_grant_type`, `invalid_scope`; from the mock itself, `mock_invalid_scenario` for an unknown `X-Mock-Scenario`. */
        OAuthBadRequest: {
            headers: {
                "Cache-Control": components["headers"]["NoStore"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description Client authentication failed: `invalid_client` (no or unknown client), `unauthorized_client` (missing or wrong secret: Keycloak's own quirk), or `invalid_request` "Authentication failed." on introspection. */
        OAuthUnauthorized: {
            headers: {
                "Cache-Control": components["headers"]["NoStore"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticateBasic"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The form is larger than the realm accepts (64 KiB by default). */
        OAuthTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The body is not `application/x-www-form-urlencoded`, or its charset is not supported. */
        OAuthUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The product key is missing, unknown, revoked or rotated away, or the bearer token is missing or refused. Retry once with your other product key; on `invalid_token`, fetch a new token. */
        GatewayUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The product key belongs to another client (when so configured) or was rotated away under a scenario that answers 403. Retry once with your other product key. */
        GatewayForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description Too many calls (the `rate-limited` scenario). */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The service behind the gateway failed (the `flaky` scenario). */
        BadGateway: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The service is unavailable (the `unavailable` and `flaky` scenarios), or the mock is shutting down. */
        Unavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The mock is shutting down; the connection is closed after this answer. */
        ShuttingDown: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description A request body that is not valid JSON. */
        GatewayBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description A request body larger than the gateway accepts (1 MiB by default). */
        GatewayTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description A request body whose encoding or charset is not supported. */
        GatewayUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description A request body that is not valid JSON, or (the mock only) an unknown `X-Mock-Scenario`, which names the known scenarios in `knownScenarios`. */
        SessionsBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The transaction id is not a UUID. */
        InvalidTransactionId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ValidationProblemDetails"];
            };
        };
        /** @description No such session, or one that belongs to another client (the same answer, so ids cannot be probed). */
        SessionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The transaction is already bound to another session. */
        TransactionBoundElsewhere: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A request body larger than the session API accepts (1 MiB by default). */
        SessionsTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A request body whose encoding or charset is not supported. */
        SessionsUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Regula's `DeviceInfo`. */
        DeviceInfo: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeviceInfo"];
            };
        };
        /** @description No such route: 404 in the body of the surface that owns the path (`OAuthError` under `/auth`, ProblemDetails under `/mobilesdk/sessions` and `/__admin`, `GatewayError` elsewhere), with `hint` naming the nearest known route. */
        UnknownRoute: {
            headers: {
                "X-Mock-Hint": components["headers"]["MockHint"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"] | components["schemas"]["GatewayError"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A known path with another method; `Allow` lists the methods it takes. In the body of the surface that owns the path. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"] | components["schemas"]["GatewayError"];
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description A realm other than `zignsec`, as Keycloak answers it. */
        RealmNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RealmNotFound"];
            };
        };
    };
    parameters: {
        /** @description The mock only: the scenario for the resource this request creates, `name` or `name;param=value` (e.g. `token-expiry;lifetimeSeconds=30`). An unknown name answers 400. */
        MockScenario: string;
        /** @description The session's `id`. Another client's session answers exactly like one that does not exist. */
        SessionId: string;
        /** @description The Regula transaction id, a UUID. Anything else answers 400 with `errors.transactionId`. */
        TransactionId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Token answers are never cached. */
        NoStore: "no-store";
        NoCache: "no-cache";
        /** @description Seconds to wait before trying again. */
        RetryAfter: string;
        /** @description `Bearer` when no token was sent; `Bearer error="invalid_token", error_description="…"` when the token was refused. Absent on product-key failures. */
        WwwAuthenticate: string;
        /** @description `Basic realm="zignsec"` when the client sent an `Authorization` header that is not Basic (or, with the `rfc` error profile, whenever Basic was used). */
        WwwAuthenticateBasic: string;
        /** @description The nearest known route, as `METHOD /path`. */
        MockHint: string;
        /** @description The methods the path does allow. */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getDiscovery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The realm's OpenID Provider metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoveryDocument"];
                };
            };
            503: components["responses"]["ShuttingDown"];
        };
    };
    requestToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description The mock only: the scenario for the resource this request creates, `name` or `name;param=value` (e.g. `token-expiry;lifetimeSeconds=30`). An unknown name answers 400. */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description A fresh access token. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    Pragma: components["headers"]["NoCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["OAuthBadRequest"];
            401: components["responses"]["OAuthUnauthorized"];
            413: components["responses"]["OAuthTooLarge"];
            415: components["responses"]["OAuthUnsupportedMediaType"];
            503: components["responses"]["ShuttingDown"];
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys that verify the realm's tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            503: components["responses"]["ShuttingDown"];
        };
    };
    introspectToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["IntrospectionRequest"];
            };
        };
        responses: {
            /** @description The token's claims and `active: true`, or only `active: false`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntrospectionResponse"];
                };
            };
            400: components["responses"]["OAuthBadRequest"];
            401: components["responses"]["OAuthUnauthorized"];
            413: components["responses"]["OAuthTooLarge"];
            415: components["responses"]["OAuthUnsupportedMediaType"];
            503: components["responses"]["ShuttingDown"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description The mock only: the scenario for the resource this request creates, `name` or `name;param=value` (e.g. `token-expiry;lifetimeSeconds=30`). An unknown name answers 400. */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["SessionsBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["SessionsTooLarge"];
            415: components["responses"]["SessionsUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    bindLivenessTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session's `id`. Another client's session answers exactly like one that does not exist. */
                sessionId: components["parameters"]["SessionId"];
                /** @description The Regula transaction id, a UUID. Anything else answers 400 with `errors.transactionId`. */
                transactionId: components["parameters"]["TransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bound. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidTransactionId"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            404: components["responses"]["SessionNotFound"];
            409: components["responses"]["TransactionBoundElsewhere"];
            413: components["responses"]["SessionsTooLarge"];
            415: components["responses"]["SessionsUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    bindDocumentTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session's `id`. Another client's session answers exactly like one that does not exist. */
                sessionId: components["parameters"]["SessionId"];
                /** @description The Regula transaction id, a UUID. Anything else answers 400 with `errors.transactionId`. */
                transactionId: components["parameters"]["TransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bound. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidTransactionId"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            404: components["responses"]["SessionNotFound"];
            409: components["responses"]["TransactionBoundElsewhere"];
            413: components["responses"]["SessionsTooLarge"];
            415: components["responses"]["SessionsUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    pingDocreader: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DeviceInfo"];
            400: components["responses"]["GatewayBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            415: components["responses"]["GatewayUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    pingFaceapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DeviceInfo"];
            400: components["responses"]["GatewayBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            415: components["responses"]["GatewayUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
}
