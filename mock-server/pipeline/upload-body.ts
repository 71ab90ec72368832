import express, { type RequestHandler } from 'express';

/** Raw bodies for the SDK uploads (encrypted packages; any content type). */
export const uploadBody = (limit: number): RequestHandler => express.raw({ type: () => true, limit });
