'use strict';
// A Twilio-compatible carrier for the HTTP connector's tests, on Node's own http module (no packages). It binds
// 127.0.0.1 only and prints one JSON line {"port": N} once listening.
//   node carrier.js [--account AC…] [--token T] [--callback-delay-ms 300] [--throttle-every 0] [--slow-every 0]
//                   [--slow-ms 0] [--drop-to +1555…,+1555…] [--idle-seconds 300]
// --throttle-every N answers every Nth submit 429; --slow-every N delays every Nth by --slow-ms; a submit to a number of
// --drop-to is read and its connection closed without an answer (and no callback follows). It exits when its standard
// input closes (the parent died) or after --idle-seconds without a request.
const http = require('http');
const crypto = require('crypto');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf('--' + name);
  return at >= 0 ? args[at + 1] : fallback;
};
const config = {
  account: option('account', 'AC00000000000000000000000000000000'),
  token: option('token', 'test-auth-token'),
  callbackDelayMs: Number(option('callback-delay-ms', '300')),
  throttleEvery: Number(option('throttle-every', '0')),
  slowEvery: Number(option('slow-every', '0')),
  slowMs: Number(option('slow-ms', '0')),
  dropTo: new Set(option('drop-to', '').split(',').filter((s) => s)),
  idleSeconds: Number(option('idle-seconds', '300')),
};
const counts = { requests: 0, accepted: 0, throttled: 0, dropped: 0, unauthorized: 0, callbacksSent: 0, callbacksFailed: 0 };
const takenPerTo = new Map(); // To → the MediaUrl lists of the submits the carrier took (accepted or dropped after reading)
const delivered = [];         // [{url, params}] of every final callback sent, for replays
let nextSid = 0;
let lastActivity = Date.now();

const sign = (url, params) => {
  let data = url;
  for (const [name, value] of [...params].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) data += name + value;
  return crypto.createHmac('sha1', config.token).update(Buffer.from(data, 'utf8')).digest('base64');
};

// Callbacks are signed over the public URL the cluster gave and sent where /control/forward says it is reachable, as a proxy would.
let forward = null;
const reachable = (url) => (forward && url.startsWith(forward.from) ? forward.to + url.slice(forward.from.length) : url);

const post = (url, params, signature) => new Promise((resolve) => {
  const body = new URLSearchParams(params).toString();
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) };
  const signed = signature === undefined ? sign(url, params) : signature;
  if (signed !== '') headers['X-Twilio-Signature'] = signed;
  const req = http.request(reachable(url), { method: 'POST', headers }, (res) => {
    let text = '';
    res.on('data', (c) => (text += c));
    res.on('end', () => resolve({ status: res.statusCode, body: text }));
  });
  req.on('error', (e) => resolve({ status: 0, body: String(e) }));
  req.end(body);
});

const callback = async (url, params) => {
  const answer = await post(url, params);
  if (answer.status === 200) counts.callbacksSent++; else counts.callbacksFailed++;
};

const readBody = (req) => new Promise((resolve) => {
  let text = '';
  req.on('data', (c) => (text += c));
  req.on('end', () => resolve(text));
});

const json = (res, status, value) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
};

const submit = async (req, res, form) => {
  counts.requests++;
  const expected = 'Basic ' + Buffer.from(config.account + ':' + config.token).toString('base64');
  if (req.headers.authorization !== expected) {
    counts.unauthorized++;
    return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
  }
  if (config.throttleEvery > 0 && counts.requests % config.throttleEvery === 0) {
    counts.throttled++;
    return json(res, 429, { code: 20429, message: 'Too Many Requests', status: 429 });
  }
  const to = form.get('To');
  const media = form.getAll('MediaUrl');
  takenPerTo.set(to, [...(takenPerTo.get(to) || []), media]);
  if (config.dropTo.has(to)) {
    counts.dropped++;
    return req.socket.destroy();
  }
  if (config.slowEvery > 0 && counts.requests % config.slowEvery === 0) {
    await new Promise((r) => setTimeout(r, config.slowMs));
  }
  counts.accepted++;
  const sid = 'SM' + (++nextSid).toString(16).padStart(32, '0');
  json(res, 201, { sid, status: 'queued', to, from: form.get('From'), num_media: String(media.length) });
  const statusUrl = form.get('StatusCallback');
  if (!statusUrl) return;
  setTimeout(async () => {
    await callback(statusUrl, [['MessageSid', sid], ['MessageStatus', 'sent'], ['ErrorCode', '']]);
    const final = [['MessageSid', sid], ['MessageStatus', 'delivered'], ['ErrorCode', '']];
    delivered.push({ url: statusUrl, params: final });
    await callback(statusUrl, final);
  }, config.callbackDelayMs);
};

const control = async (req, res, path, body) => {
  if (path === '/control/counts') return json(res, 200, { ...counts, distinctTo: takenPerTo.size, finalCallbacks: delivered.length });
  const request = body ? JSON.parse(body) : {};
  if (path === '/control/numbers') {
    // What was taken for the numbers given (["+1…"]): submits in all, numbers reached, most submits to one number, and
    // how many submits carried each distinct MediaUrl list.
    const lists = request.flatMap((to) => takenPerTo.get(to) || []);
    const media = {};
    for (const list of lists) media[list.join(' ')] = (media[list.join(' ')] || 0) + 1;
    return json(res, 200, { taken: lists.length, reached: request.filter((to) => takenPerTo.has(to)).length,
      maxPerTo: Math.max(0, ...request.map((to) => (takenPerTo.get(to) || []).length)), media });
  }
  if (path === '/control/forward') {
    forward = request;
    return json(res, 200, forward);
  }
  if (path === '/control/replay') {
    // The final callbacks of the sids given ({sids: [...]}) again, correctly signed: the cluster must change nothing.
    const sids = new Set(request.sids || []);
    const again = delivered.filter((d) => sids.has(d.params[0][1]));
    const statuses = await Promise.all(again.map((d) => post(d.url, d.params).then((a) => a.status)));
    return json(res, 200, { replayed: statuses.length, ok: statuses.filter((s) => s === 200).length });
  }
  if (path === '/control/callback') {
    // One callback with the signature given (or none, or computed when absent): {url, params: [[k, v]], signature?}.
    const signature = 'signature' in request ? request.signature ?? '' : undefined;
    return json(res, 200, await post(request.url, request.params, signature));
  }
  if (path === '/control/inbound') {
    // A handset's message: {url, from, to, body, media: [urls]}, signed as Twilio signs it.
    const media = request.media || [];
    const params = [['MessageSid', 'MM' + crypto.randomBytes(16).toString('hex')], ['AccountSid', config.account],
      ['From', request.from], ['To', request.to], ['Body', request.body], ['NumMedia', String(media.length)],
      ...media.map((m, i) => ['MediaUrl' + i, m])];
    return json(res, 200, await post(request.url, params));
  }
  json(res, 404, { message: 'no such control' });
};

const server = http.createServer(async (req, res) => {
  lastActivity = Date.now();
  const body = await readBody(req);
  const path = req.url.split('?')[0];
  if (path.startsWith('/control/')) return control(req, res, path, body);
  if (req.method === 'POST' && path === `/2010-04-01/Accounts/${config.account}/Messages.json`) {
    return submit(req, res, new URLSearchParams(body));
  }
  json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
setInterval(() => {
  if (Date.now() - lastActivity > config.idleSeconds * 1000) process.exit(0);
}, 1000).unref();
