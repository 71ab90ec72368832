import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMp4, mp4Frame, MP4_CODECS } from '../../fixtures/media/mp4.js';
import { useBrowser } from './helpers/browser.js';

const INPUT = { width: 160, height: 120, frames: 20, fps: 10, seed: 'playback' };
const VIDEO = makeMp4(INPUT);

interface Measured {
  meta: { width: number; height: number; duration: number };
  /** RGBA of the whole picture at 0 s and at 0.95 s. */
  first: number[];
  middle: number[];
  playing: { paused: boolean };
  ended: boolean;
  played: number;
}

/** The page's script (plain JS: the project's types have no DOM): loads `src`, reads two frames back, plays to the end. */
const PLAYER = `
async function measure(src) {
  const video = document.getElementById('v');
  const event = (name) =>
    new Promise((resolve, reject) => {
      video.addEventListener(name, () => resolve(), { once: true });
      video.addEventListener('error', () => reject(new Error('media error ' + video.error?.code + ': ' + video.error?.message)), { once: true });
    });
  const metadata = event('loadedmetadata');
  video.src = src;
  await metadata;
  const meta = { width: video.videoWidth, height: video.videoHeight, duration: video.duration };
  const frameAt = async (t) => {
    const seeked = event('seeked');
    video.currentTime = t;
    await seeked;
    const canvas = document.getElementById('c');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(video, 0, 0);
    return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data);
  };
  const first = await frameAt(0);
  const middle = await frameAt(0.95); // frame 9: the box near the right edge
  video.currentTime = 0;
  await video.play();
  const playing = { paused: video.paused };
  await event('ended');
  return { meta, first, middle, playing, ended: video.ended, played: video.currentTime };
}`;

/** The file as a media server sends it: byte ranges honoured, since Chromium asks for them. */
function serveVideo(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url !== '/video.mp4') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>player</title><video id="v" muted playsinline></video><canvas id="c"></canvas><script>${PLAYER}</script>`);
      return;
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (!range) {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': VIDEO.length, 'accept-ranges': 'bytes' });
      res.end(VIDEO);
      return;
    }
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), VIDEO.length - 1) : VIDEO.length - 1;
    res.writeHead(206, {
      'content-type': 'video/mp4',
      'content-length': end - start + 1,
      'content-range': `bytes ${start}-${end}/${VIDEO.length}`,
      'accept-ranges': 'bytes',
    });
    res.end(VIDEO.subarray(start, end + 1));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server });
    });
  });
}

/** The RGB makeMp4 drew at (x, y) of frame `i`. */
function drawn(i: number, x: number, y: number): number[] {
  const raster = mp4Frame(INPUT, i);
  const at = (y * raster.width + x) * 3;
  return [...raster.pixels.subarray(at, at + 3)];
}

describe('makeMp4 in Chromium', () => {
  const browser = useBrowser();
  let served: { url: string; server: Server };
  beforeAll(async () => {
    served = await serveVideo();
  });
  afterAll(async () => {
    served.server.closeAllConnections();
    await new Promise((resolve) => {
      served.server.close(resolve);
    });
  });

  it('when asked about the codec, then Chromium says it plays it', async () => {
    const { page } = browser;
    await page.goto(served.url);
    const type = JSON.stringify(`video/mp4; codecs="${MP4_CODECS}"`);
    const support = await page.evaluate(`({ canPlay: document.createElement('video').canPlayType(${type}), mse: MediaSource.isTypeSupported(${type}) })`);
    expect(support).toEqual({ canPlay: 'probably', mse: true });
  });

  it('when the video is loaded, then its size and duration are the input, it plays, and the frames are the drawing', async () => {
    const { page } = browser;
    await page.goto(served.url);
    const result = await page.evaluate<Measured>(`measure(${JSON.stringify(`${served.url}/video.mp4`)})`);

    expect(result.meta.width).toBe(INPUT.width);
    expect(result.meta.height).toBe(INPUT.height);
    expect(result.meta.duration).toBeCloseTo(INPUT.frames / INPUT.fps, 2);
    expect(result.playing.paused).toBe(false);
    expect(result.ended).toBe(true);
    expect(result.played).toBeCloseTo(INPUT.frames / INPUT.fps, 1);

    // I_PCM is lossless but for the RGB → 4:2:0 limited-range trip: a few levels off, away from the box's edges.
    const pixel = (rgba: number[], x: number, y: number) => rgba.slice((y * INPUT.width + x) * 4, (y * INPUT.width + x) * 4 + 3);
    const near = (got: number[], want: number[]) => {
      got.forEach((c, i) => {
        expect(Math.abs(c - want[i]!), `${got.join(',')} vs ${want.join(',')}`).toBeLessThan(12);
      });
    };
    for (const [x, y] of [
      [5, 5],
      [20, 60], // inside the box in frame 0
      [150, 110],
    ] as const)
      near(pixel(result.first, x, y), drawn(0, x, y));
    for (const [x, y] of [
      [20, 60], // background again in frame 9
      [140, 60], // inside the box
    ] as const)
      near(pixel(result.middle, x, y), drawn(9, x, y));
    expect(drawn(0, 20, 60)).not.toEqual(drawn(9, 20, 60));
  });
});
