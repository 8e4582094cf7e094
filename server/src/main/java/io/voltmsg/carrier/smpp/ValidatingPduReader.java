package io.voltmsg.carrier.smpp;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.Command;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUDecomposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * jsmpp 3.0.2 decodes a truncated submit_sm/deliver_sm/data_sm/bind body with an unchecked
 * ArrayIndexOutOfBoundsException in its PDU worker: the PDU is never answered and the peer waits until its
 * timeout. This reader tries the decode first; a PDU that cannot be decoded is relabelled with a command id
 * nobody uses, so jsmpp answers it with generic_nack (ESME_RINVCMDID) and the session carries on.
 * (Bodies jsmpp rejects cleanly, e.g. over-long strings, are left to jsmpp, which answers them itself.)
 */
public final class ValidatingPduReader implements PDUReader {

    private static final Logger log = LoggerFactory.getLogger(ValidatingPduReader.class);
    /** Reserved range of SMPP 3.4 command ids; jsmpp treats it as unknown. */
    static final int UNDECODABLE = 0x0000_01FF;

    private final PDUReader delegate = new DefaultPDUReader();
    private final PDUDecomposer decomposer = DefaultDecomposer.getInstance();

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        return delegate.readPDUHeader(in);
    }

    @Override
    public byte[] readPDU(DataInputStream in, Command header) throws IOException {
        byte[] pdu = delegate.readPDU(in, header);
        if (!decodable(header.getCommandId(), pdu)) {
            log.warn("undecodable PDU 0x{} (seq {}, {} bytes) answered with generic_nack",
                    Integer.toHexString(header.getCommandId()), header.getSequenceNumber(), pdu.length);
            header.setCommandId(UNDECODABLE);
        }
        return pdu;
    }

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus, int sequenceNumber)
            throws IOException {
        return delegate.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber);
    }

    private boolean decodable(int commandId, byte[] pdu) {
        try {
            switch (commandId) {
                case 0x00000001, 0x00000002, 0x00000009 -> decomposer.bind(pdu);
                case 0x00000004 -> decomposer.submitSm(pdu);
                case 0x00000005 -> decomposer.deliverSm(pdu);
                case 0x00000103 -> decomposer.dataSm(pdu);
                default -> {
                }
            }
            return true;
        } catch (PDUStringException e) {
            return true; // jsmpp answers these itself with a proper error status
        } catch (RuntimeException e) {
            return false;
        }
    }
}
