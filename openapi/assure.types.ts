/**
 * Generated from openapi/assure.yaml by openapi-typescript (npm run openapi:types). Do not edit by hand.
 */

export interface paths {
    "/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's dossiers, newest first */
        get: operations["listDossiers"];
        put?: never;
        /** Create a dossier, the placeholder of one end-user's data */
        post: operations["createDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        /** A dossier with a summary of each of its processes */
        get: operations["getDossier"];
        put?: never;
        post?: never;
        /** Delete a dossier with its processes, files and images (all the end-user's data) */
        delete: operations["deleteDossier"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/files": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store images on the dossier (at least one), used by a verification started without images of its own */
        post: operations["setDossierFiles"];
        /** Delete every file of the dossier */
        delete: operations["deleteDossierFiles"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/files/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                /** @description front, back or selfie, in any case (the guides write FRONT, SELFIE). */
                kind: components["parameters"]["FileKind"];
            };
            cookie?: never;
        };
        /** One file of the dossier, as the bytes of its image */
        get: operations["getDossierFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an identity verification process in the dossier */
        post: operations["createProcess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        /** A process with, once it has finished, its final result */
        get: operations["getProcess"];
        put?: never;
        post?: never;
        /** Delete a process with its images */
        delete: operations["deleteProcess"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}/images": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload the process's images directly (setImages; PictureID), before its verification starts */
        post: operations["setImages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}/images/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
                /** @description front, back, selfie or portrait (the photo cut from the document), in any case. */
                kind: components["parameters"]["ImageKind"];
            };
            cookie?: never;
        };
        /** One image of the process, as its bytes (PictureID has no portrait; back only for two-sided documents) */
        get: operations["getImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}/startverification": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the verification of the uploaded images (falls back to the dossier's files) */
        post: operations["startVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}/video": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        /** The video recorded while the end-user captured the document */
        get: operations["getVideo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        /** Download the full result of a finished process (a zip of the provider's raw data and the media) */
        get: operations["downloadFullResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/processes/{processId}/fullresult": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        /** The same full result (alias) */
        get: operations["getFullResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dossiers/{dossierId}/capture": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the capture flow - a process in the dossier and the URL to send the end-user to */
        post: operations["startCapture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{provider}/document-types": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["parameters"]["Provider"];
            };
            cookie?: never;
        };
        /** The documents a provider accepts (PictureID's 137 is the Dutch passport) */
        get: operations["getDocumentTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers/{provider}/documenttypes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["parameters"]["Provider"];
            };
            cookie?: never;
        };
        /** The same document types (alias) */
        get: operations["getProviderDocumentTypes"];
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
        /**
         * @description UTC, to the second.
         * @example 2024-11-14T12:27:01Z
         */
        Timestamp: string;
        /** @example 1965-03-10 */
        Date: string;
        /**
         * @description ISO 3166 alpha-3.
         * @example NLD
         */
        Country: string;
        /** @enum {string} */
        Provider: "eid" | "signicatpictureid";
        /**
         * @description eid `substantial` (default), `unattended` or `attended`; signicatpictureid `document` (default) or `documentSelfie`.
         * @enum {string}
         */
        ProcessType: "substantial" | "unattended" | "attended" | "document" | "documentSelfie";
        /**
         * @description `pending` and `processing` are not final; the others are.
         * @enum {string}
         */
        ProcessStatus: "pending" | "processing" | "accepted" | "rejected" | "inconclusive" | "failed" | "canceled";
        /** @description A JPEG or PNG image as a data URL. */
        DataUrl: string;
        CreateDossier: {
            tags?: string[];
        };
        Dossier: {
            /** Format: uuid */
            dossierId: string;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        DossierWithProcesses: components["schemas"]["Dossier"] & {
            processes: components["schemas"]["ProcessSummary"][];
        };
        ProcessSummary: {
            /** Format: uuid */
            processId: string;
            provider: components["schemas"]["Provider"];
            processType: components["schemas"]["ProcessType"];
            status: components["schemas"]["ProcessStatus"];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        CreateProcess: {
            provider: components["schemas"]["Provider"];
            processType?: components["schemas"]["ProcessType"];
            /** @description A document type's id (see the document types), e.g. 137 for a Dutch passport; PictureID's direct upload. */
            documentId?: number;
            /**
             * Format: uri
             * @description Where the legacy callback goes when the process has finished.
             */
            notificationUrl?: string;
            /** @description Sent as `Authorization` with the legacy callback. */
            authorizationHeader?: string;
            /** Format: uri */
            redirectUrl?: string;
        };
        Process: {
            /** Format: uuid */
            processId: string;
            provider: components["schemas"]["Provider"];
            processType: components["schemas"]["ProcessType"];
            status: components["schemas"]["ProcessStatus"];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            /** @description eid only - what the provider's SDK needs. */
            authorizationToken?: string;
            documentId?: number;
            finalResult?: components["schemas"]["FinalResult"];
            providerSpecific?: components["schemas"]["EidProviderSpecific"] | components["schemas"]["PictureIdProviderSpecific"];
            failReason?: components["schemas"]["FailReason"];
            /** Format: uri */
            notificationUrl?: string;
        };
        /** @description The normalised result, the same fields for every provider; only on `accepted`. */
        FinalResult: {
            firstName: string;
            lastName: string;
            dateOfExpiry: components["schemas"]["Date"];
            dateOfBirth: components["schemas"]["Date"];
            /** @enum {string} */
            gender: "M" | "F";
            nationality: components["schemas"]["Country"];
            documentNumber: string;
            issuingCountry: components["schemas"]["Country"];
            personalIdentificationNumber: string;
        };
        BoundingBox: {
            x: number;
            y: number;
            width: number;
            height: number;
        };
        ValidCheck: {
            valid: boolean;
        };
        OcrFeature: {
            /** @example OVI 1 */
            name: string;
            found: boolean;
            bbox?: components["schemas"]["BoundingBox"];
            /** @example data */
            side: string;
        };
        Ocr: {
            /** @description `high` for a match; anything else (e.g. `verylow`) makes the process inconclusive. */
            similarityScore: string;
            /**
             * @description A boolean as a string.
             * @enum {string}
             */
            livenessDetected: "true" | "false";
            features: components["schemas"]["OcrFeature"][];
            securityChecks: {
                nonExpired: components["schemas"]["ValidCheck"];
                notUnderage: components["schemas"]["ValidCheck"];
                dataIntegrity: components["schemas"]["ValidCheck"];
                livenessDetected: components["schemas"]["ValidCheck"];
                notFaceSpoofing: components["schemas"]["ValidCheck"];
                sidesMatch?: components["schemas"]["ValidCheck"];
                notBWCopy: components["schemas"]["ValidCheck"];
            };
            documentNumber: string;
            dateOfExpiry: components["schemas"]["Date"];
            firstName: string;
            lastName: string;
            /** @enum {string} */
            documentType: "passport" | "identityCard";
            dateOfBirth: components["schemas"]["Date"];
            /** @enum {string} */
            gender: "M" | "F";
            nationality: components["schemas"]["Country"];
            personalIdentificationNumber: string;
            issuingCountry: components["schemas"]["Country"];
            socialSecurityNumber?: string;
            healthNumber?: string;
            taxNumber?: string;
        };
        EidProviderSpecific: {
            ocr: components["schemas"]["Ocr"];
            /** @description The Registration Authority's review; attended and unattended processes only. */
            manualApproval?: {
                [key: string]: unknown;
            };
        };
        NamedCheck: {
            /** @example Document not expired */
            name: string;
            passed: boolean;
        };
        /** @description What the document says of its holder; a field PictureID could not read is absent (an inconclusive verification). */
        Subject: {
            firstName: string;
            lastName: string;
            dateOfBirth: components["schemas"]["Date"];
            /** @enum {string} */
            gender: "M" | "F";
            nationality: components["schemas"]["Country"];
            personalIdentificationNumber?: string;
            photo?: components["schemas"]["BoundingBox"];
            signature?: components["schemas"]["BoundingBox"];
        };
        PictureIdDocument: {
            issuingCountry: components["schemas"]["Country"];
            dateOfExpiry: components["schemas"]["Date"];
            documentNumber: string;
            subject: components["schemas"]["Subject"];
            /** @description The process is accepted when every check passed; a check that could not be concluded is absent (inconclusive). */
            securityChecks: {
                notTamperedDocument?: components["schemas"]["NamedCheck"];
                nonExpired?: components["schemas"]["NamedCheck"];
                notUnderage?: components["schemas"]["NamedCheck"];
                notBlackAndWhite?: components["schemas"]["NamedCheck"];
                dataIntegrity?: components["schemas"]["NamedCheck"];
            };
        };
        PictureIdProviderSpecific: {
            document: components["schemas"]["PictureIdDocument"];
        };
        /** @description Why a `failed` process could not complete. */
        FailReason: {
            /** Format: uuid */
            id: string;
            /** @example InactiveUser.Aborted */
            type: string;
            message: string;
        };
        /** @description Any of the images, at least one; a kind sent again replaces the earlier image. A portrait cannot be uploaded. */
        SetImages: {
            front?: components["schemas"]["DataUrl"];
            back?: components["schemas"]["DataUrl"];
            selfie?: components["schemas"]["DataUrl"];
        };
        CaptureProvider: {
            provider: components["schemas"]["Provider"];
            processType?: components["schemas"]["ProcessType"];
        };
        StartCapture: {
            /** @description The provider of the process; the first one is used. */
            providers: components["schemas"]["CaptureProvider"][];
            /**
             * Format: uri
             * @description Where the end-user returns, with `?dossierId=…&processId=…` appended.
             */
            redirectUrl: string;
            /** @example native */
            sdk?: string;
            requestDomain?: string;
            captureParameters?: {
                [key: string]: unknown;
            };
            /** Format: uri */
            notificationUrl?: string;
            authorizationHeader?: string;
        };
        CaptureStarted: {
            /**
             * Format: uri
             * @example https://assure-demo.sandbox.signicat.com/capture/#/artifact=4f24sdq2pcs1m5dymx8zfvdft8g1ns3getdx41ar222e3smkoh
             */
            url: string;
            /** Format: uuid */
            processId: string;
        };
        DocumentType: {
            /** @example 137 */
            id: number;
            country: components["schemas"]["Country"];
            /** @example Netherlands */
            countryName: string;
            /** @enum {string} */
            type: "passport" | "identityCard" | "driversLicense" | "residencePermit";
            subType: string;
        };
        InvalidParam: {
            name: string;
            reason: string;
        };
        AssureError: {
            /**
             * @description The request's path.
             * @example /assure/dossiers/
             */
            instance: string;
            /** @example POST */
            method: string;
            status: number;
            /** @description `base:client-problem` for every 4xx but 401, whose type is `https://developer.signicat.com/docs/error-codes/`. */
            type: string;
            /** @example Malformed Authorization header. */
            title: string;
            detail: string;
            traceId: string;
            /** @description `invalid_token` on 401, `invalid_request_parameter` on a validation 400. */
            code?: string;
            /** @description On a validation 400. */
            invalidParams?: components["schemas"]["InvalidParam"][];
        };
        /** @description The Signicat Events envelope of `process.complete`, sent for every process that finishes, whatever its status. */
        ProcessCompleteEvent: {
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            sender: "assure";
            /** @enum {string} */
            eventName: "process.complete";
            eventData: {
                /** Format: uuid */
                dossierId: string;
                /** Format: uuid */
                processId: string;
                provider: components["schemas"]["Provider"];
                status: components["schemas"]["ProcessStatus"];
                /** @description The dossier's id. */
                externalReference: string;
            };
            accountId: string;
            organizationId: string | null;
            /** Format: date-time */
            expiresAt: string;
            tags: string[];
        };
        LegacyCallback: {
            /** Format: uuid */
            dossierId: string;
            /** Format: uuid */
            processId: string;
            status: components["schemas"]["ProcessStatus"];
        };
    };
    responses: {
        /** @description Assure's error body. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AssureError"];
            };
        };
        /** @description The image's bytes, in the type it was uploaded in. */
        Image: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "image/jpeg": string;
                "image/png": string;
            };
        };
        /** @description A zip of the provider's raw data (eid: `ocr.json`, `manual_approval.json`) and the media (`front.jpeg`, `back.jpeg` for two-sided documents, `selfie.jpeg`, `portrait.jpeg`, `video.mp4`). */
        FullResult: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/zip": string;
            };
        };
        /** @description The document types. */
        DocumentTypes: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DocumentType"][];
            };
        };
    };
    parameters: {
        DossierId: string;
        ProcessId: string;
        /** @description front, back or selfie, in any case (the guides write FRONT, SELFIE). */
        FileKind: string;
        /** @description front, back, selfie or portrait (the photo cut from the document), in any case. */
        ImageKind: string;
        Provider: components["schemas"]["Provider"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listDossiers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dossiers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"][];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
        };
    };
    createDossier: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateDossier"];
            };
        };
        responses: {
            /** @description The dossier. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dossier"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    getDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dossier and its processes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierWithProcesses"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    deleteDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    setDossierFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetImages"];
            };
        };
        responses: {
            /** @description Stored; a kind sent again replaces the earlier image. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    deleteDossierFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getDossierFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                /** @description front, back or selfie, in any case (the guides write FRONT, SELFIE). */
                kind: components["parameters"]["FileKind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Image"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    createProcess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProcess"];
            };
        };
        responses: {
            /** @description The process, `pending`; an `eid` process carries the `authorizationToken` its SDK needs. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Process"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    getProcess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Process"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    deleteProcess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
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
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    setImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetImages"];
            };
        };
        responses: {
            /** @description Stored; a kind sent again replaces the earlier image. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    getImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
                /** @description front, back, selfie or portrait (the photo cut from the document), in any case. */
                kind: components["parameters"]["ImageKind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Image"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    startVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Started; the process is `processing` until its final status. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Process"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    getVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The video. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    downloadFullResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FullResult"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    getFullResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
                processId: components["parameters"]["ProcessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FullResult"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            409: components["responses"]["Error"];
        };
    };
    startCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dossierId: components["parameters"]["DossierId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartCapture"];
            };
        };
        responses: {
            /** @description The capture URL and the process it created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureStarted"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
        };
    };
    getDocumentTypes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["parameters"]["Provider"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DocumentTypes"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
    getProviderDocumentTypes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["parameters"]["Provider"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DocumentTypes"];
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            404: components["responses"]["Error"];
        };
    };
}
