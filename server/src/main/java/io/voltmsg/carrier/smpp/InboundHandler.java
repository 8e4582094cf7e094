package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.CarrierListener;
import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.InboundSms;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Turns deliver_sm PDUs into receipts and inbound messages for the {@link CarrierListener}.
 *
 * <p>Acknowledgement rule: deliver_sm_resp OK only after the listener returned normally; a listener failure
 * answers ESME_RX_T_APPN (temporary application error) so the SMSC delivers again. Content we cannot make
 * sense of (garbage receipt, broken UDH) is logged and acknowledged: a re-delivery would be just as broken.
 */
final class InboundHandler implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final Supplier<CarrierListener> listener;
    private final ConcatReassembler reassembler;
    private final LongSupplier nanoTime;

    InboundHandler(Supplier<CarrierListener> listener, ConcatReassembler reassembler, LongSupplier nanoTime) {
        this.listener = listener;
        this.reassembler = reassembler;
        this.nanoTime = nanoTime;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt() || tlvString(deliverSm, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID) != null) {
                onReceipt(deliverSm);
            } else {
                onMobileOriginated(deliverSm);
            }
        } catch (ProcessRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("malformed deliver_sm acknowledged and dropped: {}", e.toString());
        }
    }

    private void onReceipt(DeliverSm deliverSm) throws ProcessRequestException {
        Instant now = Instant.now();
        byte[] sm = deliverSm.getShortMessage();
        String text = sm == null ? "" : SmsEncoding.decode(sm, deliverSm.getDataCoding());
        Byte state = null;
        OptionalParameter p = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        if (p instanceof OptionalParameter.Byte b) {
            state = b.getValue();
        }
        Optional<DeliveryReceipt> receipt = DeliveryReceiptParser.parse(text,
                tlvString(deliverSm, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID), state, now);
        if (receipt.isEmpty()) {
            log.warn("unreadable delivery receipt acknowledged and dropped: {}", text);
            return;
        }
        deliver(l -> l.onReceipt(receipt.get()), "receipt " + receipt.get().carrierMessageId());
    }

    private void onMobileOriginated(DeliverSm deliverSm) throws ProcessRequestException {
        String from = SmppAddress.toE164(deliverSm.getSourceAddrTon(), deliverSm.getSourceAddr());
        String to = SmppAddress.toE164(deliverSm.getDestAddrTon(), deliverSm.getDestAddress());
        byte[] sm = deliverSm.getShortMessage();
        if (sm == null || sm.length == 0) { // long MO messages may come in message_payload instead
            OptionalParameter payload = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            sm = payload instanceof OptionalParameter.OctetString os ? os.getValue() : new byte[0];
        }
        UserDataHeader.Concat concat = null;
        if (deliverSm.isUdhi()) {
            Optional<UserDataHeader.UserData> userData = UserDataHeader.parse(sm);
            if (userData.isEmpty()) {
                log.warn("deliver_sm from {} with a malformed UDH acknowledged and dropped", from);
                return;
            }
            concat = userData.get().concat();
            sm = userData.get().payload();
        }
        String text = SmsEncoding.decode(sm, deliverSm.getDataCoding());
        if (concat == null || !concat.valid() || concat.total() == 1) {
            InboundSms message = new InboundSms(from, to, text, Instant.now(), 1);
            deliver(l -> l.onInbound(message), "inbound from " + from);
            return;
        }
        long now = nanoTime.getAsLong();
        Optional<ConcatReassembler.Assembled> whole = reassembler.accept(new ConcatReassembler.Part(from, to,
                concat.reference(), concat.sixteenBit(), concat.total(), concat.sequence(), text), now);
        if (whole.isPresent()) {
            try {
                deliver(l -> l.onInbound(toInbound(whole.get(), now)), "inbound from " + from);
            } catch (ProcessRequestException | RuntimeException e) {
                reassembler.release(whole.get().key());
                throw e;
            }
            reassembler.remove(whole.get().key(), now);
        }
        // else: part held in memory and acknowledged; the message is reported when complete or timed out
    }

    /** Reports incomplete concatenated messages whose timeout passed; called periodically. */
    void deliverExpired() {
        long now = nanoTime.getAsLong();
        for (ConcatReassembler.Assembled partial : reassembler.expired(now)) {
            try {
                deliver(l -> l.onInbound(toInbound(partial, now)), "partial inbound from " + partial.from());
                log.info("inbound message from {} reported incomplete ({} parts) after reassembly timeout",
                        partial.from(), partial.segments());
                reassembler.remove(partial.key(), now);
            } catch (ProcessRequestException e) {
                // listener failed; the group stays and is offered again on the next pass
                reassembler.release(partial.key());
            } catch (RuntimeException e) {
                reassembler.release(partial.key());
                log.warn("reporting a partial inbound message failed", e);
            }
        }
    }

    private static InboundSms toInbound(ConcatReassembler.Assembled a, long nowNanos) {
        Instant firstPart = Instant.now().minusNanos(Math.max(0, nowNanos - a.firstPartNanos()));
        return new InboundSms(a.from(), a.to(), a.text(), firstPart, a.segments());
    }

    private void deliver(Consumer<CarrierListener> call, String what) throws ProcessRequestException {
        CarrierListener l = listener.get();
        if (l == null) {
            log.info("no CarrierListener bean; {} acknowledged without processing", what);
            return;
        }
        try {
            call.accept(l);
        } catch (RuntimeException e) {
            log.warn("CarrierListener failed on {}; answering ESME_RX_T_APPN so the SMSC delivers again", what, e);
            throw new ProcessRequestException("listener failed: " + e.getMessage(), SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    private static String tlvString(DeliverSm deliverSm, OptionalParameter.Tag tag) {
        OptionalParameter p = deliverSm.getOptionalParameter(tag);
        if (p instanceof OptionalParameter.OctetString os) {
            String s = new String(os.getValue(), StandardCharsets.ISO_8859_1);
            int nul = s.indexOf('\0');
            s = nul >= 0 ? s.substring(0, nul) : s; // C-octet strings carry a terminating NUL
            return s.isBlank() ? null : s.trim();
        }
        return null;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
