/**
 * Generated from openapi/gateway.yaml by openapi-typescript (npm run openapi:types). Do not edit by hand.
 * Regula's bodies are the types generated from the local copy of Regula's definitions (npm install).
 */
import type { components as RegulaDocreader } from './regula/docreader.js';
import type { components as RegulaFaceapi } from './regula/faceapi.js';

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
    "/mobilesdk/docreader/api/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Document Reader health
         * @description Regula's `Healthcheck` of the Document Reader service behind the gateway.
         */
        get: operations["docreaderHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Document Reader readiness
         * @description 200 with no body when the service is ready.
         */
        get: operations["docreaderReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/transaction/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a transaction (the SDK's own call)
         * @description The Document Reader SDK's call on the phone, undocumented by Regula; a JSON `tag` (the session id) is kept. A backend does not make it.
         */
        post: operations["startDocreaderTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/transaction/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        /**
         * Reprocess transaction data (zero trust)
         * @description `{transactionId, tag, outData, inData}` with file URLs. Only for a transaction bound to a session of the caller.
         */
        get: operations["getDocreaderTransaction"];
        put?: never;
        /**
         * Upload the document package (the SDK's own call)
         * @description The Document Reader SDK's encrypted package upload (any body up to 25 MiB), undocumented by Regula. A backend does not make it.
         */
        post: operations["uploadDocreaderPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/transaction/{transactionId}/process": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocess a transaction (zero trust)
         * @description The backend's reprocessing of the package the phone uploaded, with the liveness transaction id as
         *     `livePortrait`. Only for a transaction bound to a session of the caller, and a `livePortrait` bound
         *     to the same session. Regula's definitions say `TransactionProcessResult`; the answer is the full
         *     `ProcessResponse` plus `transactionId` and `tag` (ZignSec's guide reads the result containers from it).
         */
        post: operations["reprocessTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/transaction/{transactionId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        /**
         * Reprocess result (zero trust)
         * @description The stored `ProcessResponse` of a reprocessed transaction bound to a session of the caller.
         */
        get: operations["getReprocessTransactionResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/transaction/{transactionId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        /**
         * A file of the result (zero trust)
         * @description The PNG named in the result (`withImages=false`).
         */
        get: operations["getReprocessTransactionFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/tag/{tagId}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tag, i.e. the session id the phone's transactions carry. */
                tagId: components["parameters"]["TagId"];
            };
            cookie?: never;
        };
        /**
         * The caller's transactions with a tag
         * @description Only the caller's own transactions are listed.
         */
        get: operations["getTransactionsByTag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/v2/tag/{tagId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tag, i.e. the session id the phone's transactions carry. */
                tagId: components["parameters"]["TagId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the caller's transactions with a tag */
        delete: operations["deleteTransactionsByTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/docreader/api/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Direct processing
         * @description Processes the images sent in the request; creates nothing. The outcome is picked like a new transaction's.
         */
        post: operations["processDocument"];
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
    "/mobilesdk/faceapi/api/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Face API health
         * @description The Face API's `DeviceInfo`.
         */
        get: operations["faceapiHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Face API readiness
         * @description 200 with no body when the service is ready.
         */
        get: operations["faceapiReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Face API readiness (as Regula's web client asks it)
         * @description The same as `/api/readyz`; Regula's own web client calls this path.
         */
        get: operations["faceapiReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/v2/liveness/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a liveness transaction (the SDK's own call)
         * @description The Face SDK's call on the phone, undocumented by Regula; `tag` is the session id. A backend does not make it.
         */
        post: operations["startLivenessTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/v2/liveness": {
        parameters: {
            query?: {
                /** @description The liveness transaction id (`LivenessResponse.transactionId`); required except on DELETE with `tag`. */
                transactionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The liveness verdict
         * @description `status` 0: the liveness is confirmed; 1: it is not.
         */
        get: operations["getLivenessTransactionInfo"];
        put?: never;
        /**
         * Upload the liveness session (the SDK's own call)
         * @description The Face SDK's upload (any body), undocumented by Regula. A backend does not make it.
         */
        post: operations["uploadLiveness"];
        /** Delete liveness transactions by id or tag */
        delete: operations["deleteLivenessTransaction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/storage/faceapi-session/year={year}/month={month}/day={day}/hour={hour}/minute={minute}/{tag}/{transactionId}/portrait.png": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
                month: string;
                day: string;
                hour: string;
                minute: string;
                /** @description The transaction's tag (the session id). */
                tag: string;
                transactionId: string;
            };
            cookie?: never;
        };
        /**
         * The selfie of a liveness transaction (its `portrait` link)
         * @description Regula's storage folder of the session, served behind the gateway: only to a client that may read the transaction. A PNG drawn by the mock. `TransactionInfo.video` is not given: a link must answer, and the mock has no video to serve.
         */
        get: operations["getLivenessPortrait"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare faces
         * @description `similarity` is 0-1, as real answers and Regula's clients have it (the definitions say percent).
         */
        post: operations["matchFaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobilesdk/faceapi/api/detect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Detect faces */
        post: operations["detectFaces"];
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
            /** @description Only when the request asked for the `openid` scope; an RS256 JWT addressed to the client (`aud` = client id, `typ` ID, `at_hash` of the access token). */
            id_token?: string;
            "not-before-policy": number;
            /**
             * @description The client's scopes, `openid` first when it was asked for.
             * @example api
             * @example openid api
             */
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
        /** @description The SDK's `transaction/start` and upload answers (undocumented; seen in Regula's own load-test harness). */
        TransactionStarted: {
            /** Format: uuid */
            transactionId: string;
        };
        TransactionStartRequest: {
            /** @description The session id. */
            tag?: string;
        };
        LivenessStartRequest: {
            /** @description The session id. */
            tag?: string;
            type?: RegulaFaceapi["schemas"]["LivenessType"];
            metadata?: {
                [key: string]: unknown;
            };
        };
        LivenessStarted: {
            /** Format: uuid */
            transactionId: string;
            tag: string;
        };
        /** @description Regula's `ProcessResponse` plus the transaction's id and tag (ZignSec's answer to reprocessing). */
        ReprocessResponse: RegulaDocreader["schemas"]["ProcessResponse"] & {
            /** Format: uuid */
            transactionId: string;
            /** @description The session id the transaction is tagged with. */
            tag?: string;
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
        /** @description The product key belongs to another client (when so configured) or was rotated away under a scenario that answers 403 (retry once with your other product key), or the token lacks the `api` scope (`WWW-Authenticate` with `error="insufficient_scope"`). */
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
        /** @description A request body that is not valid JSON, nests deeper than `limits.jsonDepth` (64), or has a `__proto__` or `constructor` key; or a bearer token sent in the query or a form body besides the `Authorization` header (`WWW-Authenticate: Bearer error="invalid_request"`, RFC 6750 section 2). */
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
        /** @description A request body that is not JSON (`application/json` or `application/*+json`), or whose encoding or charset is not supported. */
        GatewayUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description A request body that is not valid JSON, nests deeper than 64 levels or has a `__proto__` or `constructor` key, or (the mock only) an unknown `X-Mock-Scenario`, which names the known scenarios in `knownScenarios`. */
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
        /** @description A request body that is not JSON (`application/json` or `application/*+json`), or whose encoding or charset is not supported. */
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
        /** @description The transaction (undocumented SDK call). */
        TransactionStarted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TransactionStarted"];
            };
        };
        /** @description Regula's liveness `TransactionInfo`: `status` 0 confirmed, 1 not. */
        LivenessTransactionInfo: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": RegulaFaceapi["schemas"]["TransactionInfo"];
            };
        };
        /** @description Regula's `OperationLog`: a transaction id that is not a UUID, an unknown or unprocessed transaction, a missing parameter, an invalid request (fewer than two images to match). */
        RegulaBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": RegulaFaceapi["schemas"]["OperationLog"];
            };
        };
        /** @description Regula's `OperationLog`: as for any Regula 400, plus a request that is not a valid `(Transaction)ProcessRequest` (missing `processParam.scenario`, a threshold outside 0-100), or a processing error (the `failed` scenario), which carries `metadata`. */
        RegulaProcessingError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": RegulaFaceapi["schemas"]["OperationLog"];
            };
        };
        /** @description No file of that name in the result (Regula's `OperationLog`, type `NotFound`). */
        RegulaFileNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": RegulaFaceapi["schemas"]["OperationLog"];
            };
        };
        /** @description Zero trust: the transaction (or the `livePortrait` liveness transaction) is not bound to a session of the caller, or is another client's: the same answer for both. Also the product-key refusals of `GatewayForbidden`. */
        ZeroTrustForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description Zero trust with `gateway.unboundTransactionStatus: 404`: the refusal answers 404 instead of 403. */
        ZeroTrustNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
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
        /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
        RegulaTransactionId: string;
        /** @description The tag, i.e. the session id the phone's transactions carry. */
        TagId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Token answers are never cached. */
        NoStore: "no-store";
        NoCache: "no-cache";
        /** @description Seconds to wait before trying again. */
        RetryAfter: string;
        /** @description `Bearer` when no token was sent; `Bearer error="invalid_token", error_description="…"` when the token was refused; `Bearer error="insufficient_scope", scope="api"` when it lacks the scope. Absent on product-key failures. */
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
    docreaderHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is healthy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaDocreader["schemas"]["Healthcheck"];
                };
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    docreaderReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    startDocreaderTransaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The mock only: the scenario for the resource this request creates, `name` or `name;param=value` (e.g. `token-expiry;lifetimeSeconds=30`). An unknown name answers 400. */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransactionStartRequest"];
            };
        };
        responses: {
            200: components["responses"]["TransactionStarted"];
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            415: components["responses"]["GatewayUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDocreaderTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transaction's data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaDocreader["schemas"]["TransactionProcessGetResponse"];
                };
            };
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["ZeroTrustForbidden"];
            404: components["responses"]["ZeroTrustNotFound"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    uploadDocreaderPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            200: components["responses"]["TransactionStarted"];
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    reprocessTransaction: {
        parameters: {
            query?: {
                /** @description `true`: answer the stored decision of an earlier reprocessing. */
                useCache?: boolean;
            };
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": RegulaDocreader["schemas"]["TransactionProcessRequest"];
            };
        };
        responses: {
            /** @description The processing result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReprocessResponse"];
                };
            };
            400: components["responses"]["RegulaProcessingError"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["ZeroTrustForbidden"];
            404: components["responses"]["ZeroTrustNotFound"];
            413: components["responses"]["GatewayTooLarge"];
            415: components["responses"]["GatewayUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReprocessTransactionResult: {
        parameters: {
            query?: {
                /** @description `true` (or absent): images as base64; `false`: URLs to `/file`. */
                withImages?: boolean;
            };
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The processing result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaDocreader["schemas"]["ProcessResponse"];
                };
            };
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["ZeroTrustForbidden"];
            404: components["responses"]["ZeroTrustNotFound"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReprocessTransactionFile: {
        parameters: {
            query: {
                /** @description The file name from the result's URL. */
                name: string;
            };
            header?: never;
            path: {
                /** @description The Document Reader transaction id (a UUID); anything else answers 400 with Regula's body. */
                transactionId: components["parameters"]["RegulaTransactionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["ZeroTrustForbidden"];
            404: components["responses"]["RegulaFileNotFound"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTransactionsByTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tag, i.e. the session id the phone's transactions carry. */
                tagId: components["parameters"]["TagId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaDocreader["schemas"]["ListTransactionsByTagResponse"];
                };
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteTransactionsByTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tag, i.e. the session id the phone's transactions carry. */
                tagId: components["parameters"]["TagId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    processDocument: {
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
                "application/json": RegulaDocreader["schemas"]["ProcessRequest"];
            };
        };
        responses: {
            /** @description The processing result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaDocreader["schemas"]["ProcessResponse"];
                };
            };
            400: components["responses"]["RegulaProcessingError"];
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
    faceapiHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is healthy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaFaceapi["schemas"]["DeviceInfo"];
                };
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    faceapiReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    faceapiReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    startLivenessTransaction: {
        parameters: {
            query?: never;
            header?: {
                /** @description The mock only: the scenario for the resource this request creates, `name` or `name;param=value` (e.g. `token-expiry;lifetimeSeconds=30`). An unknown name answers 400. */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LivenessStartRequest"];
            };
        };
        responses: {
            /** @description The new transaction. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessStarted"];
                };
            };
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            415: components["responses"]["GatewayUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    getLivenessTransactionInfo: {
        parameters: {
            query?: {
                /** @description The liveness transaction id (`LivenessResponse.transactionId`); required except on DELETE with `tag`. */
                transactionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["LivenessTransactionInfo"];
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    uploadLiveness: {
        parameters: {
            query?: {
                /** @description The liveness transaction id (`LivenessResponse.transactionId`); required except on DELETE with `tag`. */
                transactionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            200: components["responses"]["LivenessTransactionInfo"];
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteLivenessTransaction: {
        parameters: {
            query?: {
                /** @description The liveness transaction id (`LivenessResponse.transactionId`); required except on DELETE with `tag`. */
                transactionId?: string;
                /** @description The session id the transactions are tagged with. */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    getLivenessPortrait: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
                month: string;
                day: string;
                hour: string;
                minute: string;
                /** @description The transaction's tag (the session id). */
                tag: string;
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portrait. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            /** @description Unknown, another client's, or not uploaded yet (the same answer for each; Regula's `OperationLog`, type `NotFound`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaFaceapi["schemas"]["OperationLog"];
                };
            };
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    matchFaces: {
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
                "application/json": RegulaFaceapi["schemas"]["MatchRequest"];
            };
        };
        responses: {
            /** @description The comparison. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaFaceapi["schemas"]["MatchResponse"];
                };
            };
            400: components["responses"]["RegulaBadRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayForbidden"];
            413: components["responses"]["GatewayTooLarge"];
            415: components["responses"]["GatewayUnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["Unavailable"];
        };
    };
    detectFaces: {
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
                "application/json": RegulaFaceapi["schemas"]["DetectRequest"];
            };
        };
        responses: {
            /** @description The detections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": RegulaFaceapi["schemas"]["DetectResponse"];
                };
            };
            400: components["responses"]["RegulaBadRequest"];
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
