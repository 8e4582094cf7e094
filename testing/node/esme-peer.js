// An independent SMPP client for tests, written with the npm `smpp` package.
// Usage: node esme-peer.js <port> <systemId> <password> <destination>
// Binds as transceiver to 127.0.0.1:<port>, submits one message asking for a receipt, prints one line per
// event, and exits 0 after the receipt arrived (4 after 15 s without one).
'use strict';
const smpp = require('smpp');

const [port, systemId, password, destination] = process.argv.slice(2);
const session = smpp.connect({ host: '127.0.0.1', port: Number(port) });
setTimeout(() => { console.log('TIMEOUT'); process.exit(4); }, 15000);

session.on('error', (e) => { console.log('ERROR ' + e.message); process.exit(3); });
session.on('connect', function () {
  session.bind_transceiver({ system_id: systemId, password: password }, function (pdu) {
    if (pdu.command_status !== 0) {
      console.log('BIND_FAILED ' + pdu.command_status);
      process.exit(2);
    }
    console.log('BOUND');
    session.submit_sm({
      source_addr: '15551230000', source_addr_ton: 1, source_addr_npi: 1,
      destination_addr: destination, dest_addr_ton: 1, dest_addr_npi: 1,
      registered_delivery: 1,
      short_message: 'Hello from node {x} €',
    }, function (resp) {
      console.log('SUBMIT_RESP ' + resp.command_status + ' ' + resp.message_id);
    });
  });
});

session.on('deliver_sm', function (pdu) {
  session.send(pdu.response());
  if (pdu.esm_class & 4) {
    const text = pdu.short_message && pdu.short_message.message !== undefined
      ? pdu.short_message.message : String(pdu.short_message);
    console.log('RECEIPT ' + JSON.stringify({ id: pdu.receipted_message_id, state: pdu.message_state, text: text }));
    session.unbind(function () {
      console.log('UNBOUND');
      session.close();
      process.exit(0);
    });
  }
});
