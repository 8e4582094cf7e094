// An independent SMSC for tests, written with the npm `smpp` package.
// Usage: node smsc-peer.js [systemId] [password]
// Listens on 127.0.0.1 at a free port and prints "LISTENING <port>"; prints one line per event.
'use strict';
const smpp = require('smpp');

const systemId = process.argv[2] || 'voltmsg';
const password = process.argv[3] || 'voltmsg';
let nextId = 0x1000;

function pad(n) { return String(n).padStart(2, '0'); }
function receiptDate(d) {
  return pad(d.getUTCFullYear() % 100) + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate())
    + pad(d.getUTCHours()) + pad(d.getUTCMinutes());
}

const server = smpp.createServer(function (session) {
  session.on('error', (e) => console.log('SESSION_ERROR ' + e.message));
  session.on('bind_transceiver', function (pdu) {
    if (pdu.system_id !== systemId || pdu.password !== password) {
      console.log('BIND_REFUSED ' + pdu.system_id);
      session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
      return;
    }
    console.log('BOUND ' + pdu.system_id);
    session.send(pdu.response());
  });
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', function (pdu) {
    console.log('UNBIND');
    session.send(pdu.response());
    session.close();
  });
  session.on('deliver_sm_resp', (pdu) => console.log('DELIVER_RESP ' + pdu.command_status));
  session.on('submit_sm', function (pdu) {
    const id = (nextId++).toString(16).toUpperCase();
    const text = pdu.short_message && pdu.short_message.message !== undefined
      ? pdu.short_message.message : String(pdu.short_message);
    console.log('SUBMIT ' + JSON.stringify({ id: id, to: pdu.destination_addr, ton: pdu.dest_addr_ton,
      dc: pdu.data_coding, esm: pdu.esm_class, rd: pdu.registered_delivery, text: text }));
    session.send(pdu.response({ message_id: id }));
    const now = receiptDate(new Date());
    setTimeout(function () {
      session.deliver_sm({
        source_addr: pdu.destination_addr, source_addr_ton: pdu.dest_addr_ton, source_addr_npi: pdu.dest_addr_npi,
        destination_addr: pdu.source_addr, dest_addr_ton: pdu.source_addr_ton, dest_addr_npi: pdu.source_addr_npi,
        esm_class: 4,
        short_message: 'id:' + id + ' sub:001 dlvrd:001 submit date:' + now + ' done date:' + now
          + ' stat:DELIVRD err:000 text:' + String(text).substring(0, 20).replace(/[^ -~]/g, ''),
        receipted_message_id: id,
        message_state: 2,
      });
    }, 100);
  });
});

server.listen(0, '127.0.0.1', function () {
  console.log('LISTENING ' + server.address().port);
});
