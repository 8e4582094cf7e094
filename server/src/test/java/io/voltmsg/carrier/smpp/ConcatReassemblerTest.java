package io.voltmsg.carrier.smpp;

/** The in-memory parts store, for a carrier link used without a database. */
class ConcatReassemblerTest extends InboundPartsContract {

    @Override
    InboundParts parts() {
        return new ConcatReassembler(TIMEOUT);
    }
}
