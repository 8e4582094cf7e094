package io.voltmsg.bench;

import io.voltmsg.signing.BodySignature;
import io.voltmsg.signing.HeaderSigner;
import io.voltmsg.signing.SigningRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * voltmsg's own header production (the signing package's {@link HeaderSigner}, as the delivery
 * path calls it), one thread, 600-byte body:
 * <ul>
 *   <li>{@code signBody}: the RSA signature made once per event when it is published;</li>
 *   <li>{@code firstDelivery}: headers for a new event (stored RSA reused, one HMAC, one Ed25519);</li>
 *   <li>{@code fanOutDelivery}: headers for another endpoint of the same event in the same second
 *       (v1a from the cache: one HMAC);</li>
 *   <li>{@code eventTo10Endpoints}: the whole signing cost of one event delivered to 10 endpoints.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HeaderBenchmark {

    @Param({"jdk", "accp"})
    public String provider;

    private final byte[] body = "x".repeat(600).getBytes(StandardCharsets.UTF_8);
    private final Instant attemptTime = Instant.parse("2026-11-28T12:00:00Z");
    private HeaderSigner signer;
    private BodySignature stored;
    private List<String> secrets;
    private long sequence;

    @Setup
    public void setUp() {
        signer = HeaderSigner.ephemeral(provider.equals("accp"), Clock.systemUTC());
        stored = signer.signBody(body);
        secrets = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10; i++) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            secrets.add("whsec_" + Base64.getEncoder().encodeToString(raw));
        }
    }

    @Benchmark
    public BodySignature signBody() {
        return signer.signBody(body);
    }

    @Benchmark
    public Map<String, String> firstDelivery() {
        return signer.headersFor(new SigningRequest("evt_" + sequence++, body, stored, secrets.subList(0, 1), attemptTime));
    }

    @Benchmark
    public Map<String, String> fanOutDelivery() {
        return signer.headersFor(new SigningRequest("evt_fanout", body, stored, secrets.subList(0, 1), attemptTime));
    }

    @Benchmark
    public int eventTo10Endpoints() {
        String eventId = "evt_" + sequence++;
        BodySignature signature = signer.signBody(body);
        int headers = 0;
        for (int i = 0; i < 10; i++) {
            headers += signer.headersFor(new SigningRequest(eventId, body, signature, secrets.subList(i, i + 1),
                    attemptTime)).size();
        }
        return headers;
    }
}
