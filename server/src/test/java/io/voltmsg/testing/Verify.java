package io.voltmsg.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Independent checks of webhook signatures: openssl, the JDK, and node (reference npm verifier, node crypto). */
public final class Verify {

    private Verify() {
    }

    /** {@code openssl dgst -sha256 -verify key.pem -signature sig.bin body}: "Verified OK" or "Verification failure". */
    public static String rsaWithOpenssl(Path dir, String pem, byte[] body, String base64Signature) throws Exception {
        Path work = Files.createTempDirectory(dir, "rsa");
        Path key = Files.writeString(work.resolve("id_rsa.pub"), pem);
        Path bodyFile = Files.write(work.resolve("body.json"), body);
        Path sig = Files.write(work.resolve("sig.bin"), Base64.getDecoder().decode(base64Signature));
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", key.toString(), "-signature",
                sig.toString(), bodyFile.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip();
    }

    /** {@code SHA256withRSA} over the body with the PEM public key, as a Java receiver verifies it. */
    public static boolean rsaWithJava(String pem, byte[] body, String base64Signature) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(base64Signature));
    }

    /** The signatures of one version ("v1", "v1a") in a webhook-signature header, in order. */
    public static List<String> signatures(String header, String version) {
        List<String> out = new ArrayList<>();
        for (String part : header.split(" ")) {
            String[] pair = part.split(",", 2);
            if (pair[0].equals(version)) {
                out.add(pair[1]);
            }
        }
        return out;
    }

    public static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    /** HMAC-SHA256 with the decoded whsec_ secret, base64. */
    public static String v1(String secret, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content));
    }

    /** java.security.Signature Ed25519 with a PEM public key. */
    public static boolean ed25519WithJava(String pem, byte[] content, String base64Signature) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(content);
        return verifier.verify(Base64.getDecoder().decode(base64Signature));
    }

    /**
     * The reference verifier, npm standardwebhooks 1.1.1: {@code new Webhook(secret).verify(body, headers)}.
     * {@code nowSeconds} stands in for the receiver's clock (its 5-minute tolerance). Returns "ok" or the error.
     */
    public static String v1WithNode(String secret, byte[] body, String id, String timestamp, String signatureHeader,
                                    long nowSeconds) throws Exception {
        Path bodyFile = Files.createTempFile("voltmsg-body", ".json");
        try {
            Files.write(bodyFile, body);
            return Node.run("""
                    const { Webhook } = require("standardwebhooks");
                    const fs = require("fs");
                    const [secret, bodyFile, id, ts, sig, now] = process.argv.slice(2);
                    Date.now = () => Number(now) * 1000;
                    try {
                      new Webhook(secret).verify(fs.readFileSync(bodyFile), {
                        "webhook-id": id, "webhook-timestamp": ts, "webhook-signature": sig });
                      console.log("ok");
                    } catch (e) { console.log(e.name + ": " + e.message); }
                    """, secret, bodyFile.toString(), id, timestamp, signatureHeader, Long.toString(nowSeconds));
        } finally {
            Files.deleteIfExists(bodyFile);
        }
    }

    /** node's {@code crypto.verify(null, content, pem, signature)} for Ed25519: "true" or "false". */
    public static String ed25519WithNode(String pem, byte[] content, String base64Signature) throws Exception {
        Path contentFile = Files.createTempFile("voltmsg-content", ".bin");
        try {
            Files.write(contentFile, content);
            return Node.run("""
                    const crypto = require("crypto");
                    const fs = require("fs");
                    const [pem, file, sig] = process.argv.slice(2);
                    console.log(String(crypto.verify(null, fs.readFileSync(file), pem, Buffer.from(sig, "base64"))));
                    """, pem, contentFile.toString(), base64Signature);
        } finally {
            Files.deleteIfExists(contentFile);
        }
    }

    /** node's crypto.verify with the whpk_ raw key wrapped as a JWK (OKP, Ed25519): "true" or "false". */
    public static String ed25519WithNodeWhpk(String whpk, byte[] content, String base64Signature) throws Exception {
        Path contentFile = Files.createTempFile("voltmsg-content", ".bin");
        try {
            Files.write(contentFile, content);
            return Node.run("""
                    const crypto = require("crypto");
                    const fs = require("fs");
                    const [whpk, file, sig] = process.argv.slice(2);
                    const x = Buffer.from(whpk.substring("whpk_".length), "base64").toString("base64url");
                    const key = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
                    console.log(String(crypto.verify(null, fs.readFileSync(file), key, Buffer.from(sig, "base64"))));
                    """, whpk, contentFile.toString(), base64Signature);
        } finally {
            Files.deleteIfExists(contentFile);
        }
    }
}
