import http from 'node:http';

const TOKEN_FORM = 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret';

/** A token request under a Host of our choosing (fetch does not let a test set Host). */
export function tokenUnderHost(baseUrl: string, host: string, form = TOKEN_FORM): Promise<{ status: number; body: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/auth/realms/zignsec/protocol/openid-connect/token',
        headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
      },
      (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (d: string) => (body += d))
          .on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
          });
      },
    );
    req.on('error', reject);
    req.end(form);
  });
}
