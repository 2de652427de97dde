'use strict';
// Decoding what an ESME submits: GSM 03.38 (one septet per octet, or packed), UCS-2, and the concatenation header.
// Written for the test SMSC from the specifications, independently of the C# encoder it checks.

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = { 0x0a: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[', 0x3d: '~', 0x3e: ']', 0x40: '|', 0x65: '€' };

function septetsToText(septets) {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const s = septets[i] & 0x7f;
    if (s === 0x1b && i + 1 < septets.length) {
      const next = septets[++i] & 0x7f;
      text += EXTENSION[next] !== undefined ? EXTENSION[next] : BASIC[next];
    } else {
      text += BASIC[s];
    }
  }
  return text;
}

// Septets packed LSB first after `fillBits` zero bits; a CR padding seven spare bits is dropped.
function unpack(octets, fillBits) {
  const count = Math.floor((octets.length * 8 - fillBits) / 7);
  const septets = [];
  for (let i = 0; i < count; i++) {
    const bit = fillBits + i * 7;
    const byte = bit >> 3;
    const shift = bit & 7;
    let value = octets[byte] >> shift;
    if (shift > 1 && byte + 1 < octets.length) value |= octets[byte + 1] << (8 - shift);
    septets.push(value & 0x7f);
  }
  if ((octets.length * 8 - fillBits) % 7 === 0 && septets[septets.length - 1] === 0x0d) septets.pop();
  return septets;
}

// Splits short_message into {udh, concat: {ref, total, seq} | null, payload}.
function splitUserData(shortMessage, esmClass) {
  if (!(esmClass & 0x40) || shortMessage.length === 0) return { udh: null, concat: null, payload: shortMessage };
  const udhLength = shortMessage[0] + 1;
  const udh = shortMessage.slice(0, udhLength);
  let concat = null;
  for (let at = 1; at + 1 < udhLength;) {
    const iei = udh[at];
    const len = udh[at + 1];
    if (iei === 0x00 && len === 3) concat = { ref: udh[at + 2], total: udh[at + 3], seq: udh[at + 4] };
    if (iei === 0x08 && len === 4) concat = { ref: udh.readUInt16BE(at + 2), total: udh[at + 4], seq: udh[at + 5] };
    at += 2 + len;
  }
  return { udh, concat, payload: shortMessage.slice(udhLength) };
}

function decode(payload, dataCoding, gsmPacked, udhLength) {
  if ((dataCoding & 0x0f) === 0x08) return Buffer.from(payload).swap16().toString('utf16le');
  if ((dataCoding & 0x0f) === 0x03) return payload.toString('latin1');
  if (gsmPacked) {
    const fill = udhLength ? (7 - ((udhLength * 8) % 7)) % 7 : 0;
    return septetsToText(unpack(payload, fill));
  }
  return septetsToText(payload);
}

// Encodes text for an inbound deliver_sm: GSM-7 unpacked when every character has a GSM form, else UCS-2.
function encodeForDelivery(text) {
  const septets = [];
  for (const c of text) {
    const basic = BASIC.indexOf(c);
    if (basic >= 0 && c !== '\u001b') { septets.push(basic); continue; }
    const ext = Object.keys(EXTENSION).find((k) => EXTENSION[k] === c);
    if (ext === undefined) return { dataCoding: 8, bytes: Buffer.from(text, 'utf16le').swap16() };
    septets.push(0x1b, Number(ext));
  }
  return { dataCoding: 0, bytes: Buffer.from(septets) };
}

module.exports = { splitUserData, decode, encodeForDelivery, unpack, septetsToText };
