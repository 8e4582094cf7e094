package io.voltmsg.carrier.smpp;

import io.voltmsg.carrier.CarrierListener;
import io.voltmsg.carrier.DeliveryReceipt;
import io.voltmsg.carrier.InboundSms;
import io.voltmsg.shared.StorableText;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
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

    /** The longest source or destination address kept (SMPP allows 21 characters). */
    private static final int MAX_ADDRESS = 32;

    private final Supplier<CarrierListener> listener;
    private final InboundParts parts;
    private final Clock clock;

    InboundHandler(Supplier<CarrierListener> listener, InboundParts parts, Clock clock) {
        this.listener = listener;
        this.parts = parts;
        this.clock = clock;
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
        Instant now = clock.instant();
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
            InboundSms message = new InboundSms(from, to, text, clock.instant(), 1);
            deliver(l -> l.onInbound(message), "inbound from " + from);
            return;
        }
        CarrierListener l = listener.get();
        if (l == null) {
            log.info("no CarrierListener bean; a part of an inbound message from {} acknowledged without processing", from);
            return;
        }
        InboundParts.Part part = new InboundParts.Part(kept(from), kept(to), concat.reference(), concat.sixteenBit(),
                concat.total(), concat.sequence(), StorableText.of(text));
        try {
            // Kept before it is acknowledged; the part that completes a message is kept together with the message.
            parts.accept(part, clock.instant(), whole -> l.onInbound(toInbound(whole)));
        } catch (RuntimeException e) {
            log.warn("Keeping part {}/{} of an inbound message from {} failed; answering ESME_RX_T_APPN so the SMSC "
                    + "delivers it again: {}", concat.sequence(), concat.total(), from, e.toString());
            throw new ProcessRequestException("part not kept: " + e.getMessage(), SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    /** Reports incomplete concatenated messages whose timeout passed; called periodically. */
    void deliverExpired() {
        CarrierListener l = listener.get();
        if (l == null) {
            return;
        }
        try {
            parts.expire(clock.instant(), partial -> {
                l.onInbound(toInbound(partial));
                log.info("inbound message from {} reported incomplete ({} parts) after the reassembly timeout",
                        partial.from(), partial.segments());
            });
        } catch (RuntimeException e) {
            log.warn("Reporting incomplete inbound messages failed; offered again on the next pass: {}", e.toString());
        }
    }

    private static InboundSms toInbound(InboundParts.Assembled a) {
        return new InboundSms(a.from(), a.to(), a.text(), a.firstPartAt(), a.segments());
    }

    /** An address as kept with a part: storable, and no longer than any real one. */
    private static String kept(String address) {
        String storable = StorableText.of(address);
        return storable.length() <= MAX_ADDRESS ? storable : storable.substring(0, MAX_ADDRESS);
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
