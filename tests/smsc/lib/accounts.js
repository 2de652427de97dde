'use strict';
// Per-system_id state of the test SMSC: settings, counters, duplicate detection, reassembly and the journal that lets a
// restarted SMSC remember what it accepted (so duplicates across a crash are still counted and receipts still go out).
const fs = require('fs');

const DEFAULTS = {
  receiptDelayMs: 100,
  receiptBeforeResponse: false,
  throttleNext: 0,
  queueFullNext: 0,
  maxPerSecond: 0,
  dropAfterSubmits: 0,
  gsmPacked: false,
  keepMessages: true,
};

function newStats() {
  return {
    binds: 0, bindRejects: 0, unbinds: 0, drops: 0, submitPdus: 0, accepted: 0, rejected: 0, throttled: 0,
    duplicates: 0, messages: 0, receiptsSent: 0, receiptsAcked: 0, receiptsNacked: 0, delivered: 0, undelivered: 0,
    expired: 0, inboundSent: 0, inboundAcked: 0,
  };
}

class Accounts {
  constructor(journalPath) {
    this.byId = new Map();
    this.journalPath = journalPath;
    this.recovered = [];
    if (journalPath && fs.existsSync(journalPath)) this.replay(fs.readFileSync(journalPath, 'utf8'));
  }

  get(systemId) {
    let account = this.byId.get(systemId);
    if (!account) {
      account = {
        systemId, settings: { ...DEFAULTS }, stats: newStats(), seen: new Set(), parts: new Map(), completed: [],
        sessions: [], pendingReceipts: [], nextSession: 0, secondStart: 0, secondCount: 0,
      };
      this.byId.set(systemId, account);
    }
    return account;
  }

  // A part the SMSC accepted: counted, checked for duplicates by (destination, source, part position, content).
  accept(account, record) {
    account.stats.accepted++;
    if (account.seen.has(record.key)) account.stats.duplicates++;
    else account.seen.add(record.key);
    this.append({ t: 's', ...record });
  }

  receiptDone(account, id, stat) {
    this.append({ t: 'r', sys: account.systemId, id, stat });
  }

  append(entry) {
    if (this.journalPath) fs.appendFileSync(this.journalPath, JSON.stringify(entry) + '\n');
  }

  replay(text) {
    const open = new Map();
    for (const line of text.split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line);
      const account = this.get(entry.sys);
      if (entry.t === 's') {
        account.stats.accepted++;
        if (account.seen.has(entry.key)) account.stats.duplicates++;
        else account.seen.add(entry.key);
        open.set(entry.id, entry);
      } else if (entry.t === 'r' && open.delete(entry.id)) {
        account.stats.receiptsAcked++;
        account.stats[entry.stat === 'DELIVRD' ? 'delivered' : entry.stat === 'EXPIRED' ? 'expired' : 'undelivered']++;
      }
    }
    // Receipts the previous process never got answered: this one sends them.
    this.recovered = [...open.values()];
  }

  snapshot(account) {
    return { systemId: account.systemId, settings: account.settings, ...account.stats, sessions: account.sessions.length };
  }
}

module.exports = { Accounts, DEFAULTS };
