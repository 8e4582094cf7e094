package io.voltmsg.graphql;

import io.voltmsg.accounts.Scope;
import io.voltmsg.messaging.Contact;
import io.voltmsg.messaging.ContactService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @MutationMapping
    Contact createOrUpdateContact(@Argument String name, @Argument String phoneNumber, @Argument String accountPhone,
                                  @Argument List<Map<String, Object>> customFields, @Argument boolean blocked) {
        List<Contact.CustomField> fields = null;
        if (customFields != null) {
            fields = new ArrayList<>();
            for (Map<String, Object> field : customFields) {
                fields.add(field == null ? null
                        : new Contact.CustomField((String) field.get("key"), (String) field.get("value")));
            }
        }
        return contacts.createOrUpdate(CallerContext.require(Scope.WRITE_CONTACTS).organizationId(), name, phoneNumber,
                accountPhone, fields, blocked);
    }

    @QueryMapping
    Contact contact(@Argument String primaryPhone, @Argument String phoneNumber) {
        return contacts.find(CallerContext.require(Scope.READ_CONTACTS).organizationId(), primaryPhone, phoneNumber)
                .orElse(null);
    }
}
