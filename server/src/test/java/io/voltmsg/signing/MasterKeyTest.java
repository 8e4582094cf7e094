package io.voltmsg.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void sealsAndOpensBoundToTheKeyId() {
        MasterKey key = MasterKey.fromBase64(MasterKey.generateBase64());
        byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = key.encrypt(secret, "key_1");
        assertThat(sealed).isNotEqualTo(secret).hasSize(12 + secret.length + 16);
        assertThat(key.encrypt(secret, "key_1")).isNotEqualTo(sealed);
        assertThat(key.decrypt(sealed, "key_1")).isEqualTo(secret);
        assertThatThrownBy(() -> key.decrypt(sealed, "key_2")).hasMessageContaining("master-key");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> key.decrypt(sealed, "key_1")).hasMessageContaining("master-key");
    }

    @Test
    void aDifferentMasterKeyCannotOpenAndSaysWhatToCheck() {
        byte[] sealed = MasterKey.fromBase64(MasterKey.generateBase64()).encrypt(new byte[] {1, 2, 3}, "k");
        assertThatThrownBy(() -> MasterKey.fromBase64(MasterKey.generateBase64()).decrypt(sealed, "k"))
                .hasMessageContaining("is not the one they were created with")
                .isInstanceOfSatisfying(io.voltmsg.shared.StartupProblem.class,
                        e -> assertThat(e.action()).contains("the key this database was created with"));
    }

    @Test
    void refusesKeysThatAreNotBase64Of32Bytes() {
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64 at all!")).hasMessageContaining("not valid base64")
                .isInstanceOfSatisfying(io.voltmsg.shared.StartupProblem.class,
                        e -> assertThat(e.action()).contains("openssl rand -base64 32"));
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageContaining("exactly 32 bytes (it has 5)");
        assertThat(MasterKey.fromBase64("  " + MasterKey.generateBase64() + "\n")).isNotNull();
    }
}
