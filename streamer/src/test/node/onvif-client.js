// Logs in to an ONVIF device the way NVRs built on npm `onvif` do and prints what it learned as one JSON line:
//   node onvif-client.js HOST PORT USER PASSWORD [ws|digest] [setSub WIDTHxHEIGHT]
// ws (default): WS-UsernameToken PasswordDigest; digest: HTTP Digest only. Exit 0 with {"ok":true,...} or 1 with
// {"ok":false,"error":...}.
'use strict';
const { Cam } = require('onvif');

const [host, port, username, password, mode = 'ws', action, size] = process.argv.slice(2);

function fail(err) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(err && err.message || err) }) + '\n');
  process.exit(1);
}

function call(cam, method, ...args) {
  return new Promise((resolve, reject) => cam[method](...args, (err, result) => err ? reject(err) : resolve(result)));
}

const cam = new Cam({
  hostname: host, port: Number(port), username, password, timeout: 5000,
  useWSSecurity: mode !== 'digest', autoconnect: false,
});

(async () => {
  await call(cam, 'connect');
  const profiles = await call(cam, 'getProfiles');
  if (!profiles || profiles.length === 0) {
    throw new Error('no profiles (refused?)');
  }
  const info = await call(cam, 'getDeviceInformation');
  const result = { ok: true, device: info, profiles: [], media: cam.uri.media.href };
  if (action === 'setSub') {
    const [width, height] = size.split('x').map(Number);
    await call(cam, 'setVideoEncoderConfiguration', {
      token: 'sub_encoder', resolution: { width, height }, rateControl: { frameRateLimit: 6, bitrateLimit: 768 },
    });
  }
  for (const p of await call(cam, 'getProfiles')) {
    const token = p.$.token;
    const stream = await call(cam, 'getStreamUri', { protocol: 'RTSP', profileToken: token });
    const snapshot = await call(cam, 'getSnapshotUri', { profileToken: token });
    const encoder = p.videoEncoderConfiguration;
    result.profiles.push({
      token, encoding: encoder.encoding, width: Number(encoder.resolution.width),
      height: Number(encoder.resolution.height), streamUri: stream.uri, snapshotUri: snapshot.uri,
    });
  }
  process.stdout.write(JSON.stringify(result) + '\n');
})().catch(fail);
