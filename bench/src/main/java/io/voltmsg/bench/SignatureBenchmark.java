package io.voltmsg.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * The primitives under a signed webhook, one thread, over a 600-byte body (a typical message event):
 * RSA-2048 PKCS#1 v1.5 SHA-256 ({@code X-Respond-Flow-Signature}), Ed25519 ({@code v1a}) and
 * HMAC-SHA256 ({@code v1}), with the JDK's providers and with the Amazon Corretto Crypto Provider.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SignatureBenchmark {

    @Param({"jdk", "accp"})
    public String provider;

    private final byte[] body = "x".repeat(600).getBytes(StandardCharsets.UTF_8);
    private Signature rsa;
    private Signature ed25519;
    private Mac hmac;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator rsaKeys = KeyPairGenerator.getInstance("RSA");
        rsaKeys.initialize(2048);
        KeyPair rsaPair = rsaKeys.generateKeyPair();
        rsa = Signature.getInstance("SHA256withRSA", Providers.named(provider, "Signature", "SHA256withRSA"));
        rsa.initSign(rsaPair.getPrivate());
        KeyPair edPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ed25519 = Signature.getInstance("Ed25519", Providers.named(provider, "Signature", "Ed25519"));
        ed25519.initSign(edPair.getPrivate());
        hmac = Mac.getInstance("HmacSHA256", Providers.named(provider, "Mac", "HmacSHA256"));
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    }

    @Benchmark
    public byte[] rsa2048Sign() throws Exception {
        rsa.update(body);
        return rsa.sign();
    }

    @Benchmark
    public byte[] ed25519Sign() throws Exception {
        ed25519.update(body);
        return ed25519.sign();
    }

    @Benchmark
    public byte[] hmacSha256() {
        return hmac.doFinal(body);
    }
}
