/** Thrown to make the error handler reset the connection instead of answering (the connection-reset fault). */
export class ConnectionReset extends Error {
  override readonly name = 'ConnectionReset';
}
