import http from 'node:http';

const TOKEN_FORM = 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret';

/** A request under a Host of our choosing (fetch does not let a test set Host); the answer's status and text. */
export function requestUnderHost(
  baseUrl: string,
  { method = 'GET', path, host, headers = {}, body }: { method?: string; path: string; host: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...headers, host } }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (d: string) => (text += d))
        .on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A token request under a Host of our choosing. */
export function tokenUnderHost(baseUrl: string, host: string, form = TOKEN_FORM): Promise<{ status: number; body: string }> {
  return requestUnderHost(baseUrl, {
    method: 'POST',
    path: '/auth/realms/zignsec/protocol/openid-connect/token',
    host,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
}
