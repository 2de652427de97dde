'use strict';
// A small SMSC for the SMPP carrier's tests, on the MIT-licensed `smpp` package. It binds 127.0.0.1 only and prints
// one JSON line {"smpp": port, "control": port} once listening; the tests drive it over the HTTP control port.
//   node smsc.js [--port N] [--password P] [--journal FILE]
// It exits when its standard input closes, so it never outlives the test host that started it.
const smpp = require('smpp');
const { Accounts } = require('./lib/accounts');
const { startControl } = require('./lib/control');
const { handleSubmit, flushReceipts, scheduleRecovered } = require('./lib/messages');

// Keep short_message as raw octets: this SMSC decodes it itself (packed GSM, UDH), to check the ESME's encoding.
delete smpp.commands.submit_sm.params.short_message.filter;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf('--' + name);
  return at >= 0 ? args[at + 1] : fallback;
};
const state = {
  password: option('password', 'secret'),
  accounts: new Accounts(option('journal', null)),
  idPrefix: Date.now().toString(36),
  nextId: 0,
};

const server = smpp.createServer((session) => {
  let account = null;
  session.on('error', () => {});
  const bind = (pdu) => {
    const candidate = state.accounts.get(pdu.system_id);
    if (pdu.password !== state.password) {
      candidate.stats.bindRejects++;
      session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
      session.close();
      return;
    }
    account = candidate;
    account.stats.binds++;
    account.sessions.push(session);
    session.send(pdu.response({ system_id: 'TESTSMSC' }));
    flushReceipts(state, account);
  };
  session.on('bind_transceiver', bind);
  session.on('bind_receiver', bind);
  session.on('bind_transmitter', (pdu) => session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL })));
  session.on('submit_sm', (pdu) => {
    if (!account) {
      session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
      return;
    }
    handleSubmit(state, account, session, pdu);
  });
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => {
    if (account) account.stats.unbinds++;
    session.send(pdu.response());
    session.close();
  });
  session.on('close', () => {
    if (!account) return;
    account.sessions = account.sessions.filter((s) => s !== session);
    // Receipts sent on this session and never answered go out again on another one.
    for (const receipt of session.unanswered || []) account.pendingReceipts.push(receipt);
    session.unanswered = [];
    flushReceipts(state, account);
  });
});

server.listen(Number(option('port', 0)), '127.0.0.1', () => {
  scheduleRecovered(state);
  startControl(state, (controlPort) => {
    process.stdout.write(JSON.stringify({ smpp: server.address().port, control: controlPort }) + '\n');
  });
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

