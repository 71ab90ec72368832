// A bare express 5 app with a small JSON body: the yardstick every mock route is compared with.
import express from 'express';

const app = express();
app.get('/json', (_req, res) => {
  res.json({ status: 'ok', service: 'baseline', version: '1.0.0' });
});
// A body of the size the mock's full Regula result has, built once and sent as is.
const prebuiltBytes = Number(process.env.PREBUILT_BYTES ?? 0);
if (prebuiltBytes > 0) {
  const prebuilt = JSON.stringify({ pad: 'x'.repeat(Math.max(0, prebuiltBytes - 10)) });
  app.set('etag', false);
  app.post('/prebuilt', (_req, res) => {
    res.type('application/json').send(prebuilt);
  });
}
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
