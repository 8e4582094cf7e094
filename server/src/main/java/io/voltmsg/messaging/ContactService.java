package io.voltmsg.messaging;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.audit.AuditLog;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.ExpiringCache;
import io.voltmsg.shared.Times;
import io.voltmsg.shared.VoltmsgProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Contacts: who a number talks to, with a name, custom fields and whether they opted out (blocked). */
@Service
public class ContactService {

    static final int MAX_CUSTOM_FIELDS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, organization_id, phone_number, name, mapped_number, created_at, updated_at, blocked, custom_fields";

    /** One page of contacts, newest first. */
    public record Page(List<Contact> contacts, boolean hasNext) {
    }

    private static final int MAX_CACHED_BLOCKED = 10_000;

    private final JdbcClient jdbc;
    /** "mapped phone" pairs of each organization's blocked contacts; empty when there are too many to keep. */
    private final ExpiringCache<String, Optional<Set<String>>> blockedPairs;
    private final AccountService accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContactService(JdbcClient jdbc, AccountService accounts, AuditLog audit, TransactionTemplate transactions,
                   Clock clock, VoltmsgProperties properties) {
        this.jdbc = jdbc;
        this.blockedPairs = new ExpiringCache<>(properties.lookupCacheTtl(), 10_000);
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The organization's contacts, newest first. {@code search} starting with {@code +} or a digit matches
     * the start of the phone number, anything else a part of the name (either case); {@code blocked}
     * narrows to blocked or unblocked ones.
     */
    public Page list(String organizationId, String search, Boolean blocked, String after, int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiException.badInput("first", "first must be between 1 and 100");
        }
        String term = search == null || search.isBlank() ? null : Inputs.printable("search", search.strip(), 100);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from contacts where organization_id = :org");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("org", organizationId);
        params.put("limit", limit + 1);
        if (term != null) {
            boolean number = term.startsWith("+") || Character.isDigit(term.charAt(0));
            sql.append(number ? " and phone_number like :term escape '!'" : " and lower(name) like :term escape '!'");
            String escaped = term.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            params.put("term", number ? escaped + "%" : "%" + escaped + "%");
        }
        if (blocked != null) {
            sql.append(" and blocked = :blocked");
            params.put("blocked", blocked);
        }
        if (after != null) {
            if (!after.matches("con_[0-9A-Z]{26}")) {
                throw ApiException.badInput("after", "after must be a cursor from a previous page");
            }
            sql.append(" and id < :after");
            params.put("after", after);
        }
        sql.append(" order by id desc limit :limit");
        List<Contact> rows = jdbc.sql(sql.toString()).params(params).query(ContactService::map).list();
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    /** Blocks or unblocks one of the organization's contacts by hand, as STOP and START do; NOT_FOUND for another's. */
    public Contact setBlocked(String organizationId, String contactId, boolean blocked) {
        if (contactId == null || !contactId.matches("con_[0-9A-Z]{26}")) {
            throw ApiException.notFound("contact");
        }
        return transactions.execute(tx -> {
            Contact contact = jdbc.sql("select " + COLUMNS + " from contacts where id = ? and organization_id = ? for update")
                    .params(contactId, organizationId).query(ContactService::map).optional()
                    .orElseThrow(() -> ApiException.notFound("contact"));
            if (contact.blocked() == blocked) {
                return contact;
            }
            blockedPairs.clearAfterCommit();
            jdbc.sql("update contacts set blocked = ?, updated_at = ? where id = ?")
                    .params(blocked, Times.sql(Times.now(clock)), contactId).update();
            audit.record(organizationId, blocked ? "contact.blocked" : "contact.unblocked", contactId,
                    contact.phoneNumber() + " from " + contact.mappedNumber());
            return jdbc.sql("select " + COLUMNS + " from contacts where id = ?").param(contactId)
                    .query(ContactService::map).single();
        });
    }

    /** Creates the contact of (accountPhone, phoneNumber) or replaces its name, fields and blocked flag. */
    public Contact createOrUpdate(String organizationId, String name, String phoneNumber, String accountPhone,
                                  List<Contact.CustomField> customFields, boolean blocked) {
        Inputs.e164("phoneNumber", phoneNumber);
        Inputs.e164("accountPhone", accountPhone);
        if (!accounts.ownsNumber(organizationId, accountPhone)) {
            throw ApiException.badInput("accountPhone", "accountPhone must be a phone number of your organization");
        }
        String cleanName = Inputs.printable("name", name == null ? null : name.strip(), 200);
        List<Contact.CustomField> fields = validFields(customFields);
        String fieldsJson = JSON.writeValueAsString(fields);
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(tx -> upsert(organizationId, accountPhone, phoneNumber, cleanName, fieldsJson,
                        blocked, true));
            } catch (DuplicateKeyException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public Optional<Contact> find(String organizationId, String primaryPhone, String phoneNumber) {
        Inputs.e164("primaryPhone", primaryPhone);
        Inputs.e164("phoneNumber", phoneNumber);
        return jdbc.sql("select " + COLUMNS + " from contacts where organization_id = ? and mapped_number = ? and phone_number = ?")
                .params(organizationId, primaryPhone, phoneNumber).query(ContactService::map).optional();
    }

    /**
     * Whether the handset opted out of messages from the number. Read from the organization's blocked pairs, kept for
     * {@code voltmsg.lookup-cache-ttl} (a STOP recorded by this instance applies at once); an organization with more
     * than {@value #MAX_CACHED_BLOCKED} blocked contacts is asked of the database each time.
     */
    boolean isBlocked(String organizationId, String mappedNumber, String phoneNumber) {
        Optional<Set<String>> pairs = blockedPairs.get(organizationId, this::loadBlockedPairs);
        if (pairs.isPresent()) {
            return pairs.get().contains(mappedNumber + " " + phoneNumber);
        }
        return jdbc.sql("""
                        select count(*) from contacts
                        where organization_id = ? and mapped_number = ? and phone_number = ? and blocked = true""")
                .params(organizationId, mappedNumber, phoneNumber).query(Integer.class).single() > 0;
    }

    private Optional<Set<String>> loadBlockedPairs(String organizationId) {
        List<String> pairs = jdbc.sql("""
                        select mapped_number, phone_number from contacts
                        where organization_id = ? and blocked = true fetch first ? rows only""")
                .params(organizationId, MAX_CACHED_BLOCKED + 1)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        return pairs.size() > MAX_CACHED_BLOCKED ? Optional.empty() : Optional.of(Set.copyOf(pairs));
    }

    /** STOP / START from a handset: sets only the blocked flag, creating the contact when needed. Joins the caller's transaction. */
    void setBlocked(String organizationId, String mappedNumber, String phoneNumber, boolean blocked) {
        upsert(organizationId, mappedNumber, phoneNumber, null, "[]", blocked, false);
    }

    private Contact upsert(String organizationId, String mappedNumber, String phoneNumber, String name, String fieldsJson,
                           boolean blocked, boolean replaceDetails) {
        blockedPairs.clearAfterCommit();
        Instant now = Times.now(clock);
        Optional<Contact> existing = jdbc.sql("select " + COLUMNS
                        + " from contacts where organization_id = ? and mapped_number = ? and phone_number = ? for update")
                .params(organizationId, mappedNumber, phoneNumber).query(ContactService::map).optional();
        if (existing.isEmpty()) {
            String id = Ids.newId("con", now);
            jdbc.sql("""
                            insert into contacts (id, organization_id, mapped_number, phone_number, name, blocked, custom_fields,
                                                  created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, organizationId, mappedNumber, phoneNumber, name, blocked, fieldsJson, Times.sql(now),
                            Times.sql(now))
                    .update();
        } else if (replaceDetails) {
            jdbc.sql("update contacts set name = ?, blocked = ?, custom_fields = ?, updated_at = ? where id = ?")
                    .params(name, blocked, fieldsJson, Times.sql(now), existing.get().id()).update();
        } else {
            jdbc.sql("update contacts set blocked = ?, updated_at = ? where id = ?")
                    .params(blocked, Times.sql(now), existing.get().id()).update();
        }
        return jdbc.sql("select " + COLUMNS + " from contacts where organization_id = ? and mapped_number = ? and phone_number = ?")
                .params(organizationId, mappedNumber, phoneNumber).query(ContactService::map).single();
    }

    private static List<Contact.CustomField> validFields(List<Contact.CustomField> customFields) {
        if (customFields == null) {
            throw ApiException.badInput("customFields", "customFields must be a list (it may be empty)");
        }
        if (customFields.size() > MAX_CUSTOM_FIELDS) {
            throw ApiException.badInput("customFields", "at most " + MAX_CUSTOM_FIELDS + " custom fields");
        }
        List<Contact.CustomField> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Contact.CustomField field : customFields) {
            if (field == null) {
                throw ApiException.badInput("customFields", "customFields must not contain null");
            }
            String key = field.key() == null ? "" : field.key().strip();
            if (key.isEmpty()) {
                throw ApiException.badInput("customFields", "a custom field key must not be empty");
            }
            Inputs.printable("customFields", key, 100);
            Inputs.printable("customFields", field.value(), 1000);
            if (!keys.add(key)) {
                throw ApiException.badInput("customFields", "custom field key " + Inputs.shown(key) + " is given twice");
            }
            fields.add(new Contact.CustomField(key, field.value()));
        }
        return fields;
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        List<Contact.CustomField> fields = JSON.readValue(rs.getString("custom_fields"),
                new TypeReference<List<Contact.CustomField>>() {
                });
        return new Contact(rs.getString("id"), rs.getString("organization_id"), rs.getString("phone_number"),
                rs.getString("name"), rs.getString("mapped_number"), Times.fromSql(rs.getObject("created_at")),
                Times.fromSql(rs.getObject("updated_at")), rs.getBoolean("blocked"), fields);
    }
}
