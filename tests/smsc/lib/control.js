'use strict';
// The HTTP control channel the tests use: GET /stats, GET /messages, POST /config, /drop, /inbound (JSON bodies,
// each naming the account by systemId). Bound to 127.0.0.1 on a free port.
const http = require('http');
const { sendInbound } = require('./messages');
const { DEFAULTS } = require('./accounts');

function startControl(state, onListening) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const input = body ? JSON.parse(body) : {};
      const account = state.accounts.get(input.systemId || url.searchParams.get('systemId') || '');
      const reply = (status, value) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /stats') return reply(200, state.accounts.snapshot(account));
      if (route === 'GET /messages') {
        const dest = url.searchParams.get('dest');
        return reply(200, account.completed.filter((m) => !dest || m.dest === dest));
      }
      if (route === 'POST /config') {
        for (const name of Object.keys(DEFAULTS)) if (name in input) account.settings[name] = input[name];
        return reply(200, account.settings);
      }
      if (route === 'POST /drop') {
        account.stats.drops++;
        for (const session of account.sessions.slice()) session.destroy();
        return reply(200, { dropped: true });
      }
      if (route === 'POST /inbound') return reply(200, { sent: sendInbound(account, input) });
      return reply(404, { error: 'no such control endpoint' });
    });
  });
  server.listen(0, '127.0.0.1', () => onListening(server.address().port));
}

module.exports = { startControl };
