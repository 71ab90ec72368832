/**
 * Generated from openapi/scanning.yaml by openapi-typescript (npm run openapi:types). Do not edit by hand.
 */

export interface paths {
    "/v3/scanning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a document-scanning session
         * @description Every field is optional; `{}` is a document analysis with defaults.
         */
        post: operations["createScanning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/scanning/liveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a liveness session */
        post: operations["createLiveness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/scanning/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document-scanning session's result */
        get: operations["getScanning"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/scanning/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same result (alias) */
        get: operations["getScanningResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/scanning/liveness/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A liveness session's result */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/scanning/liveness/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same result (alias) */
        get: operations["getLivenessResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/eid/scanningsessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The API flow - a scanning session without hosted pages */
        post: operations["createApiSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/eid/scanningsessions/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one image of the session (multipart field `document`), JPEG or PNG by content */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/eid/scanningsessions/{id}/analyses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every analysis of the session and the summary */
        get: operations["getAnalyses"];
        put?: never;
        /** Run the analyses on the uploaded documents (decided at once) */
        post: operations["startAnalyses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/eid/scanningsessions/{id}/ui/analyses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The person finishes in the hosted pages; a one-time link to them */
        post: operations["startAnalysesWithUi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/eid/scanningsessions/{id}/analysisStatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session's status (Pending until the analyses have run) */
        get: operations["getAnalysisStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/eid/scanningsessions/{id}/analyses/{analysisId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One analysis, with the identity read */
        get: operations["getAnalysis"];
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
        /** @description en, se, de, fr, gr, it, ru, es, cz, tr (any case). The hosted pages are translated to en and se; others fall back to English. */
        Locale: string;
        /** @enum {string} */
        AnalysisType: "document" | "selfie" | "liveness";
        /** @enum {string} */
        LivenessAction: "Random" | "HeadLeft" | "HeadRight" | "HeadUp" | "HeadDown" | "MoveTowardsCamera" | "MoveAwayFromCamera" | "FollowText" | "BlinkEyes" | "Smile";
        CreateScanning: {
            locale?: components["schemas"]["Locale"];
            relay_state?: string;
            analysis_types?: components["schemas"]["AnalysisType"][];
            /** Format: uri */
            target?: string;
            /** Format: uri */
            target_error?: string;
            /** Format: uri */
            webhook?: string;
        } & {
            [key: string]: unknown;
        };
        CreateLiveness: {
            /** @enum {string} */
            options: "FrontSide" | "NoDocument" | "FrontAndBack";
            action: components["schemas"]["LivenessAction"];
            available_actions?: components["schemas"]["LivenessAction"][];
            relay_state?: string;
            /** Format: uri */
            target?: string;
            /** Format: uri */
            target_error?: string;
            /** Format: uri */
            cancel_url?: string;
            /** Format: uri */
            webhook?: string;
            css?: string[];
            doc?: {
                ignore_errors_in_fields?: string[];
            };
            locale?: components["schemas"]["Locale"];
        } & {
            [key: string]: unknown;
        };
        ErrorItem: {
            code: string;
            description: string;
        };
        CreatedSession: {
            /** Format: uuid */
            id: string;
            errors: components["schemas"]["ErrorItem"][];
            /** Format: uri */
            redirect_url: string;
        };
        ErrorResponse: {
            id: null;
            errors: components["schemas"]["ErrorItem"][];
            redirect_url: null;
            /** @description Mock only, on unknown routes. */
            hint?: string;
        };
        /**
         * @description The defaults; `scanning.statusFor` in config renames the terminal ones.
         * @enum {string}
         */
        SessionStatus: "Pending" | "Accepted" | "Declined" | "Failed" | "Cancelled" | "Timeout";
        /** @enum {string} */
        AnalysisStatus: "NotRequested" | "Requested" | "Pending" | "Accepted" | "Declined" | "Failed" | "Cancelled";
        Identity: {
            countryCode: string | null;
            firstName: string | null;
            lastName: string | null;
            fullName: string | null;
            personalNumber: string | null;
            dateOfBirth: string | null;
            gender: string | null;
            identificationDate: string | null;
        };
        DocumentAnalysis: {
            status: components["schemas"]["AnalysisStatus"];
            /** @enum {string} */
            documentType?: "Passport" | "IdentityCard";
            documentNumber?: string;
            issuingCountry?: string;
            dateOfIssue?: string;
            dateOfExpiry?: string;
            checks?: components["schemas"]["Check"][];
        };
        Check: {
            name: string;
            status: components["schemas"]["AnalysisStatus"];
        };
        LivenessAnalysis: {
            status: components["schemas"]["AnalysisStatus"];
            action?: components["schemas"]["LivenessAction"];
            score?: number;
        };
        FaceMatchAnalysis: {
            status: components["schemas"]["AnalysisStatus"];
            similarity?: number;
        };
        ScanningResult: {
            /** Format: uuid */
            id: string;
            relay_state: string;
            status: components["schemas"]["SessionStatus"];
            errors: components["schemas"]["ErrorItem"][];
            result: {
                identity: components["schemas"]["Identity"];
                documentAnalysis: components["schemas"]["DocumentAnalysis"];
                livenessAnalysis: components["schemas"]["LivenessAnalysis"];
                faceMatchAnalysis: components["schemas"]["FaceMatchAnalysis"];
            };
        };
        ApiSession: {
            /** Format: uuid */
            session_id: string;
            provider_folder_id: string;
        };
        DocumentUploaded: {
            /** Format: uuid */
            document_id: string;
            /** Format: uuid */
            session_id: string;
            document_type: string;
            reference?: string;
        };
        AnalysesRequest: {
            analysis_types?: components["schemas"]["AnalysisType"][];
        };
        AnalysesSummary: {
            /** Format: uuid */
            session_id: string;
            total_result: components["schemas"]["SessionStatus"];
            analysis_summary: {
                id_document_summary: {
                    status: components["schemas"]["AnalysisStatus"];
                    fields: {
                        [key: string]: string | null;
                    };
                };
            };
            analyses: {
                /** Format: uuid */
                id: string;
                type: components["schemas"]["AnalysisType"];
                status: components["schemas"]["AnalysisStatus"];
            }[];
        };
        ApiAnalysis: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            type: components["schemas"]["AnalysisType"];
            status: components["schemas"]["AnalysisStatus"];
            identity: components["schemas"]["Identity"];
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description The analyses and ZignSec's summary, read as `analysis_summary.id_document_summary.fields`. */
        Analyses: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AnalysesSummary"];
            };
        };
        /** @description The session; send the person to `redirect_url`. */
        Created: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CreatedSession"];
            };
        };
        /** @description The session's status and, once the person has finished, its analyses. */
        Result: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ScanningResult"];
            };
        };
        /** @description ZignSec's error body. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        SessionId: string;
        /** @description Minutes, e.g. `-60`. */
        TimeZoneOffset: string;
        /** @description Mock only. The outcome the session ends in (`accepted`, `declined`/`rejected`, `inconclusive`, `failed`, `cancelled`, `timeout`, with `;variant=...`). */
        MockScenario: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createScanning: {
        parameters: {
            query?: never;
            header?: {
                /** @description Mock only. The outcome the session ends in (`accepted`, `declined`/`rejected`, `inconclusive`, `failed`, `cancelled`, `timeout`, with `;variant=...`). */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateScanning"];
            };
        };
        responses: {
            200: components["responses"]["Created"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            429: components["responses"]["Error"];
        };
    };
    createLiveness: {
        parameters: {
            query?: never;
            header?: {
                /** @description Mock only. The outcome the session ends in (`accepted`, `declined`/`rejected`, `inconclusive`, `failed`, `cancelled`, `timeout`, with `;variant=...`). */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLiveness"];
            };
        };
        responses: {
            200: components["responses"]["Created"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            429: components["responses"]["Error"];
        };
    };
    getScanning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Result"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getScanningResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Result"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Result"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getLivenessResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Result"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    createApiSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Mock only. The outcome the session ends in (`accepted`, `declined`/`rejected`, `inconclusive`, `failed`, `cancelled`, `timeout`, with `;variant=...`). */
                "X-Mock-Scenario"?: components["parameters"]["MockScenario"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateScanning"];
            };
        };
        responses: {
            /** @description The session; its id is also the provider's folder. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiSession"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
        };
    };
    uploadDocument: {
        parameters: {
            query: {
                documentType: "Passport" | "IdCardFront" | "IdCardBack" | "DrivingLicenseFront" | "DrivingLicenseBack" | "Selfie";
                reference?: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    document: string;
                };
            };
        };
        responses: {
            /** @description The document, kept. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentUploaded"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getAnalyses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Analyses"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    startAnalyses: {
        parameters: {
            query?: {
                /** @description Minutes, e.g. `-60`. */
                timeZoneOffset?: components["parameters"]["TimeZoneOffset"];
            };
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AnalysesRequest"];
            };
        };
        responses: {
            200: components["responses"]["Analyses"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    startAnalysesWithUi: {
        parameters: {
            query?: {
                /** @description Minutes, e.g. `-60`. */
                timeZoneOffset?: components["parameters"]["TimeZoneOffset"];
            };
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AnalysesRequest"];
            };
        };
        responses: {
            200: components["responses"]["Created"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getAnalysisStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        session_id: string;
                        status: components["schemas"]["SessionStatus"];
                    };
                };
            };
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getAnalysis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["SessionId"];
                analysisId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiAnalysis"];
                };
            };
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
}
