'use strict';
// Submits in, receipts and inbound messages out.
const smpp = require('smpp');
const { splitUserData, decode, encodeForDelivery } = require('./text');

const STATES = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5 };

function outcomeFor(destination) {
  if (destination.endsWith('0001')) return 'UNDELIV';
  if (destination.endsWith('0003')) return 'EXPIRED';
  return 'DELIVRD';
}

function refusal(account, now) {
  const s = account.settings;
  if (s.throttleNext > 0) { s.throttleNext--; return smpp.ESME_RTHROTTLED; }
  if (s.queueFullNext > 0) { s.queueFullNext--; return smpp.ESME_RMSGQFUL; }
  if (s.maxPerSecond > 0) {
    if (now - account.secondStart >= 1000) { account.secondStart = now; account.secondCount = 0; }
    if (++account.secondCount > s.maxPerSecond) return smpp.ESME_RTHROTTLED;
  }
  return 0;
}

function handleSubmit(state, account, session, pdu) {
  const now = Date.now();
  account.stats.submitPdus++;
  const refused = refusal(account, now);
  if (refused) {
    account.stats.throttled++;
    session.send(pdu.response({ command_status: refused }));
    return;
  }
  const dest = pdu.destination_addr;
  if (dest.endsWith('0002')) {
    account.stats.rejected++;
    session.send(pdu.response({ command_status: smpp.ESME_RINVDSTADR }));
    return;
  }
  const { udh, concat, payload } = splitUserData(pdu.short_message, pdu.esm_class);
  const text = decode(payload, pdu.data_coding, account.settings.gsmPacked, udh ? udh.length : 0);
  const record = {
    sys: account.systemId, id: state.idPrefix + (++state.nextId).toString(36), dest, src: pdu.source_addr,
    destTon: pdu.dest_addr_ton, destNpi: pdu.dest_addr_npi, srcTon: pdu.source_addr_ton, srcNpi: pdu.source_addr_npi,
    key: [dest, pdu.source_addr, concat ? concat.total + '/' + concat.seq : '1/1', payload.toString('hex')].join('|'),
    stat: outcomeFor(dest), text20: text.slice(0, 20).replace(/[^\x20-\x7e]/g, '?'),
  };
  state.accounts.accept(account, record);
  collect(account, pdu, concat, text);
  const s = account.settings;
  if (s.dropAfterSubmits > 0 && --s.dropAfterSubmits === 0) {
    // Accepted but never answered: the ESME cannot know; its receipt still comes after the re-bind.
    scheduleReceipt(state, account, record);
    account.stats.drops++;
    for (const other of account.sessions.slice()) other.destroy();
    return;
  }
  if (s.receiptBeforeResponse) {
    account.pendingReceipts.push(record);
    flushReceipts(state, account);
    session.send(pdu.response({ message_id: record.id }));
    return;
  }
  session.send(pdu.response({ message_id: record.id }));
  scheduleReceipt(state, account, record);
}

// Reassembles concatenated parts (by destination, source and reference) into the text a handset would show.
function collect(account, pdu, concat, text) {
  const meta = {
    dest: pdu.destination_addr, src: pdu.source_addr, srcTon: pdu.source_addr_ton, srcNpi: pdu.source_addr_npi,
    destTon: pdu.dest_addr_ton, destNpi: pdu.dest_addr_npi, dataCoding: pdu.data_coding, esmClass: pdu.esm_class,
    registeredDelivery: pdu.registered_delivery,
  };
  if (!concat) return complete(account, { ...meta, parts: 1, text });
  const key = [meta.dest, meta.src, concat.ref, concat.total].join('|');
  const parts = account.parts.get(key) || new Map();
  parts.set(concat.seq, text);
  account.parts.set(key, parts);
  if (parts.size < concat.total) return;
  account.parts.delete(key);
  const ordered = [...parts.keys()].sort((a, b) => a - b).map((seq) => parts.get(seq));
  complete(account, { ...meta, parts: concat.total, text: ordered.join('') });
}

function complete(account, message) {
  account.stats.messages++;
  if (account.settings.keepMessages) account.completed.push(message);
}

function scheduleReceipt(state, account, record, delayMs = account.settings.receiptDelayMs) {
  setTimeout(() => {
    account.pendingReceipts.push(record);
    flushReceipts(state, account);
  }, Math.max(0, delayMs));
}

function flushReceipts(state, account) {
  while (account.pendingReceipts.length > 0) {
    const live = account.sessions.filter((s) => s.socket.writable);
    if (live.length === 0) return;
    const session = live[account.nextSession++ % live.length];
    sendReceipt(state, account, session, account.pendingReceipts.shift());
  }
}

function stamp(date) {
  const p = (n) => String(n).padStart(2, '0');
  return p(date.getUTCFullYear() % 100) + p(date.getUTCMonth() + 1) + p(date.getUTCDate()) + p(date.getUTCHours()) + p(date.getUTCMinutes());
}

function sendReceipt(state, account, session, record) {
  const date = stamp(new Date());
  const delivered = record.stat === 'DELIVRD';
  const text = `id:${record.id} sub:001 dlvrd:${delivered ? '001' : '000'} submit date:${date} done date:${date} ` +
    `stat:${record.stat} err:${delivered ? '000' : '001'} text:${record.text20}`;
  session.unanswered = session.unanswered || [];
  session.unanswered.push(record);
  account.stats.receiptsSent++;
  session.deliver_sm({
    source_addr_ton: record.destTon, source_addr_npi: record.destNpi, source_addr: record.dest,
    dest_addr_ton: record.srcTon, dest_addr_npi: record.srcNpi, destination_addr: record.src,
    esm_class: 0x04, data_coding: 0, short_message: Buffer.from(text, 'ascii'),
    receipted_message_id: record.id, message_state: STATES[record.stat],
  }, (resp) => {
    session.unanswered = session.unanswered.filter((r) => r !== record);
    if (resp.command_status === 0) {
      account.stats.receiptsAcked++;
      account.stats[delivered ? 'delivered' : record.stat === 'EXPIRED' ? 'expired' : 'undelivered']++;
      state.accounts.receiptDone(account, record.id, record.stat);
    } else {
      account.stats.receiptsNacked++;
      scheduleReceipt(state, account, record, 500);
    }
  });
}

function scheduleRecovered(state) {
  for (const record of state.accounts.recovered) scheduleReceipt(state, state.accounts.get(record.sys), record, 0);
}

function sendInbound(account, { from, to, text }) {
  const live = account.sessions.filter((s) => s.socket.writable);
  if (live.length === 0) return false;
  const { dataCoding, bytes } = encodeForDelivery(text);
  const international = /^\+?\d+$/.test(to);
  account.stats.inboundSent++;
  live[0].deliver_sm({
    source_addr_ton: 1, source_addr_npi: 1, source_addr: from.replace(/^\+/, ''),
    dest_addr_ton: international ? 1 : 5, dest_addr_npi: international ? 1 : 0, destination_addr: to.replace(/^\+/, ''),
    esm_class: 0, data_coding: dataCoding, short_message: bytes,
  }, (resp) => { if (resp.command_status === 0) account.stats.inboundAcked++; });
  return true;
}

module.exports = { handleSubmit, sendReceipt, flushReceipts, scheduleRecovered, sendInbound };
