package io.voltmsg.carrier;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Hand-made SMPP PDUs for hostile-input tests, independent of jsmpp's encoder. */
final class RawPdu {

    static final int BIND_TRANSCEIVER = 0x09;
    static final int SUBMIT_SM = 0x04;
    static final int DELIVER_SM = 0x05;
    static final int UNBIND = 0x06;
    static final int ENQUIRE_LINK = 0x15;
    static final int GENERIC_NACK = 0x80000000;
    static final int RESP = 0x80000000;

    record Pdu(int commandId, int status, int sequence, byte[] body) {
    }

    private RawPdu() {
    }

    static byte[] pdu(int commandId, int status, int sequence, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).putInt(16 + body.length).putInt(commandId).putInt(status)
                .putInt(sequence).put(body).array();
    }

    static Pdu read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        int id = data.readInt();
        int status = data.readInt();
        int seq = data.readInt();
        byte[] body = new byte[Math.max(0, length - 16)];
        data.readFully(body);
        return new Pdu(id, status, seq, body);
    }

    static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body cstr(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
            return this;
        }

        Body b(int... bytes) {
            for (int v : bytes) {
                out.write(v);
            }
            return this;
        }

        Body bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Body tlv(int tag, byte[] value) {
            out.write(tag >> 8);
            out.write(tag);
            out.write(value.length >> 8);
            out.write(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    static Body body() {
        return new Body();
    }

    /** A deliver_sm body: international addresses, the given esm_class, data_coding 0. */
    static Body deliverSm(String from, String to, int esmClass, byte[] shortMessage) {
        return body().cstr("").b(1, 1).cstr(from).b(1, 1).cstr(to).b(esmClass, 0, 0).cstr("").cstr("")
                .b(0, 0, 0, 0, shortMessage.length).bytes(shortMessage);
    }

    static Body bindTransceiver(String systemId, String password) {
        return body().cstr(systemId).cstr(password).cstr("").b(0x34, 0, 0).cstr("");
    }

    static Body submitSm(String from, String to, String text) {
        byte[] sm = text.getBytes(StandardCharsets.ISO_8859_1);
        return body().cstr("").b(1, 1).cstr(from).b(1, 1).cstr(to).b(0, 0, 0).cstr("").cstr("")
                .b(1, 0, 0, 0, sm.length).bytes(sm);
    }
}
