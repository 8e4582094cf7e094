package io.voltmsg.messaging;

import io.voltmsg.shared.Ids;
import io.voltmsg.shared.StorableText;
import io.voltmsg.shared.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of every carrier answer about messages: written in the applying transaction, read for timelines. */
@Repository
class CarrierAnswers {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    CarrierAnswers(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** Each segment's accepting submit_sm_resp, in one batched statement. */
    void accepted(String messageId, List<String> carrierMessageIds, Instant at) {
        List<Object[]> rows = new ArrayList<>(carrierMessageIds.size());
        for (int i = 0; i < carrierMessageIds.size(); i++) {
            rows.add(row(messageId, i, CarrierAnswer.SUBMIT_RESP, carrierMessageIds.get(i), 0, null, null, null, at));
        }
        template.batchUpdate(INSERT, rows);
    }

    void refused(String messageId, int commandStatus, String reason, Instant at) {
        template.update(INSERT, row(messageId, null, CarrierAnswer.SUBMIT_RESP, null, commandStatus, null, null,
                Texts.cut(reason == null ? null : StorableText.of(reason)), at));
    }

    void noAnswer(String messageId, Instant at) {
        template.update(INSERT, row(messageId, null, CarrierAnswer.NO_ANSWER, null, null, null, null,
                "the carrier link dropped before the submit was answered; submitted again after the next bind", at));
    }

    void receipt(String messageId, int segmentIndex, String carrierMessageId, String stat, String err, Instant at) {
        template.update(INSERT, row(messageId, segmentIndex, CarrierAnswer.RECEIPT, carrierMessageId, null, stat,
                Texts.cutErr(err), null, at));
    }

    List<CarrierAnswer> of(String messageId) {
        return jdbc.sql("""
                        select id, message_id, segment_index, kind, carrier_message_id, command_status, stat, err, detail,
                               answered_at
                        from message_carrier_answers where message_id = ? order by answered_at, id""")
                .param(messageId)
                .query((rs, n) -> new CarrierAnswer(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), Times.fromSql(rs.getObject(10))))
                .list();
    }

    private static final String INSERT = """
            insert into message_carrier_answers (id, message_id, segment_index, kind, carrier_message_id, command_status,
                                                 stat, err, detail, answered_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Object[] row(String messageId, Integer segment, String kind, String carrierId, Integer status,
                                String stat, String err, String detail, Instant at) {
        return new Object[] {Ids.newId("ans", at), messageId, segment, kind, carrierId, status, stat, err, detail,
                Times.sql(at)};
    }
}
