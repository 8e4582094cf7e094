#!/usr/bin/env python3
"""Writes sdk/src/test/resources/webhook-signature-vectors.json.

Run by hand, never by the build: the committed file is the reference. Expected values are
computed independently of voltmsg's Java code, with the openssl binary (RSA PKCS#1 v1.5
SHA-256, Ed25519) and Python's hmac module (HMAC-SHA256). Keys are generated once with
openssl the first time (keys.tmp/) and reused, so rerunning changes nothing.
"""
import base64, hashlib, hmac, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "sdk", "src", "test", "resources", "webhook-signature-vectors.json")

def run(*args, data=None):
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout

def b64(b):
    return base64.b64encode(b).decode()

def load_key(path):
    pkcs8 = run("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", path, "-outform", "DER")
    spki = run("openssl", "pkey", "-in", path, "-pubout", "-outform", "DER")
    return pkcs8, spki

EXISTING = {}
if os.path.exists(OUT):
    with open(OUT, encoding="utf-8") as f:
        old = json.load(f)
    for k in old["rsaKeys"] + [old["ed25519Key"]]:
        EXISTING[k["id"]] = k["privateKeyPkcs8"]

def key_file(name, algorithm, key_id):
    path = os.path.join(HERE, "keys.tmp", name + ".pem")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if key_id in EXISTING:
        # Reuse the committed keys, so that rerunning reproduces the committed file.
        with open(path, "wb") as f:
            f.write(run("openssl", "pkey", "-inform", "DER", data=base64.b64decode(EXISTING[key_id])))
    elif not os.path.exists(path):
        opts = ["-pkeyopt", "rsa_keygen_bits:2048"] if algorithm == "RSA" else []
        run("openssl", "genpkey", "-algorithm", algorithm, *opts, "-out", path)
    return path

def rsa_sign(path, body):
    return b64(run("openssl", "dgst", "-sha256", "-sign", path, data=body))

def ed_sign(path, message):
    tmp = os.path.join(HERE, "keys.tmp", "msg.bin")
    with open(tmp, "wb") as f:
        f.write(message)
    return b64(run("openssl", "pkeyutl", "-sign", "-rawin", "-inkey", path, "-in", tmp))

def v1(secret, message):
    key = base64.b64decode(secret[len("whsec_"):])
    return b64(hmac.new(key, message, hashlib.sha256).digest())

rsa = [
    {"id": "key_vec_rsa_1", "generation": 1, "activatesAt": "2026-01-01T00:00:00Z", "file": key_file("rsa1", "RSA", "key_vec_rsa_1")},
    {"id": "key_vec_rsa_2", "generation": 2, "activatesAt": "2026-11-02T00:00:00Z", "file": key_file("rsa2", "RSA", "key_vec_rsa_2")},
]
ed = {"id": "key_vec_ed25519_1", "generation": 1, "activatesAt": "2026-01-01T00:00:00Z", "file": key_file("ed1", "ED25519", "key_vec_ed25519_1")}

secrets = {
    "s32a": "whsec_" + b64(bytes(range(1, 33))),
    "s32b": "whsec_" + b64(hashlib.sha256(b"voltmsg vector secret b").digest()),
    "s24": "whsec_" + b64(bytes(range(100, 124))),
    "s64": "whsec_" + b64(hashlib.sha512(b"voltmsg vector secret 64").digest()),
}

def body(event_id, created, seq, payload):
    return json.dumps({"id": event_id, "type": "message.received", "createdAt": created, "sequence": seq,
                       "organizationId": "org_01JDVECTORS0000000000000000", "payload": payload},
                      separators=(",", ":"), ensure_ascii=False).encode("utf-8")

cases = []
def case(name, now, rsa_ids, event_id, timestamp, body_bytes, secret_names):
    by_id = {k["id"]: k for k in rsa}
    ring = [by_id[i] for i in rsa_ids]
    current = [k for k in ring if k["activatesAt"] <= now][-1]
    pending = [k for k in ring if k["activatesAt"] > now]
    message = f"{event_id}.{timestamp}.".encode() + body_bytes
    sigs = [f"v1,{v1(secrets[s], message)}" for s in secret_names] + [f"v1a,{ed_sign(ed['file'], message)}"]
    headers = {"X-Respond-Flow-Signature": rsa_sign(current["file"], body_bytes)}
    if pending:
        headers["X-Respond-Flow-Signature-Next"] = rsa_sign(pending[0]["file"], body_bytes)
    headers.update({"webhook-id": event_id, "webhook-timestamp": str(timestamp), "webhook-signature": " ".join(sigs)})
    cases.append({"name": name, "now": now, "rsaKeyIds": rsa_ids, "eventId": event_id, "timestamp": timestamp,
                  "body": body_bytes.decode("utf-8"), "secrets": [secrets[s] for s in secret_names],
                  "expectedHeaders": headers})

inbound = {"id": "msg_01JDVECTORS0000000000000001", "type": "SMS", "direction": "inbound", "fromNumber": "+15550100002",
           "toNumber": "+15550100001", "text": "Hello", "body": "Hello", "media": [], "status": "received"}
case("one secret", "2026-11-01T12:00:00Z", ["key_vec_rsa_1"], "evt_01JDVECTORS0000000000000001", 1793534400,
     body("evt_01JDVECTORS0000000000000001", "2026-11-01T12:00:00.000Z", 1, inbound), ["s32a"])
case("secret rotation overlap: new secret first", "2026-11-01T12:00:05Z", ["key_vec_rsa_1"],
     "evt_01JDVECTORS0000000000000001", 1793534405,
     body("evt_01JDVECTORS0000000000000001", "2026-11-01T12:00:00.000Z", 1, inbound), ["s32b", "s32a"])
case("RSA rotation overlap: current key and -Next", "2026-11-01T13:00:00Z", ["key_vec_rsa_1", "key_vec_rsa_2"],
     "evt_01JDVECTORS0000000000000002", 1793538000,
     body("evt_01JDVECTORS0000000000000002", "2026-11-01T13:00:00.000Z", 2, dict(inbound, text="Hi", body="Hi")), ["s32a"])
case("after the RSA overlap: the next key is current", "2026-11-02T00:00:00Z", ["key_vec_rsa_1", "key_vec_rsa_2"],
     "evt_01JDVECTORS0000000000000002", 1793577600,
     body("evt_01JDVECTORS0000000000000002", "2026-11-01T13:00:00.000Z", 2, dict(inbound, text="Hi", body="Hi")), ["s32a"])
case("non-ASCII body, 64- and 24-byte secrets", "2026-11-01T12:00:00Z", ["key_vec_rsa_1"],
     "evt_01JDVECTORS0000000000000003", 1793534400,
     body("evt_01JDVECTORS0000000000000003", "2026-11-01T12:00:00.000Z", 3,
          dict(inbound, text="Grüße 👋 «ok»", body="Grüße 👋 «ok»")), ["s64", "s24"])
case("no endpoint secret: v1a only", "2026-11-01T12:00:00Z", ["key_vec_rsa_1"], "evt_01JDVECTORS0000000000000004",
     1793534400, b'{"id":"evt_01JDVECTORS0000000000000004","type":"webhook.test","payload":{"url":"https://example.com/hook"}}', [])

# Added for the receiver SDK: bodies as the server writes them for the other event types, byte-exact
# oddities a receiver must not normalise (CRLF line ends, a trailing newline), every payload field set.
outbound_failed = {"id": "msg_01JDVECTORS0000000000000002", "type": "SMS", "direction": "outbound",
                   "fromNumber": "+15550100001", "toNumber": "+15005550001", "text": "to the void", "body": "to the void",
                   "media": [], "status": "undelivered", "segments": 1, "errorCode": "UNDELIV",
                   "errorMessage": "000", "createdAt": "2026-11-01T12:00:00.000Z", "sentAt": "2026-11-01T12:00:00.250Z",
                   "deliveredAt": None, "finalizedAt": "2026-11-01T12:00:00.500Z"}
def typed_body(event_id, event_type, created, seq, payload):
    return json.dumps({"id": event_id, "type": event_type, "createdAt": created, "sequence": seq,
                       "organizationId": "org_01JDVECTORS0000000000000000", "payload": payload},
                      separators=(",", ":"), ensure_ascii=False).encode("utf-8")
case("message.failed with every payload field", "2026-11-01T12:00:01Z", ["key_vec_rsa_1"],
     "evt_01JDVECTORS0000000000000005", 1793534401,
     typed_body("evt_01JDVECTORS0000000000000005", "message.failed", "2026-11-01T12:00:00.500Z", 5, outbound_failed),
     ["s32a"])
crlf = dict(outbound_failed, id="msg_01JDVECTORS0000000000000003", status="delivered", errorCode=None,
            errorMessage=None, deliveredAt="2026-11-01T12:00:00.400Z", text="line one\r\nline two\r\n",
            body="line one\r\nline two\r\n", toNumber="+15550100003")
crlf_body = json.dumps({"id": "evt_01JDVECTORS0000000000000006", "type": "message.delivered",
                        "createdAt": "2026-11-01T12:00:00.400Z", "sequence": 6,
                        "organizationId": "org_01JDVECTORS0000000000000000", "payload": crlf},
                       indent=2, ensure_ascii=False).replace("\n", "\r\n").encode("utf-8") + b"\r\n"
case("CRLF line ends and a trailing newline in the body", "2026-11-01T12:00:02Z", ["key_vec_rsa_1"],
     "evt_01JDVECTORS0000000000000006", 1793534402, crlf_body, ["s32a"])
case("webhook.test as the server sends it", "2026-11-01T12:00:03Z", ["key_vec_rsa_1"],
     "evt_01JDVECTORS0000000000000007", 1793534403,
     typed_body("evt_01JDVECTORS0000000000000007", "webhook.test", "2026-11-01T12:00:03.000Z", 7,
                {"url": "http://127.0.0.1:9000/webhooks"}), ["s32a"])

def key_json(k, algorithm):
    pkcs8, spki = load_key(k["file"])
    out = {"id": k["id"], "algorithm": algorithm, "generation": k["generation"], "activatesAt": k["activatesAt"],
           "privateKeyPkcs8": b64(pkcs8), "publicKeySpki": b64(spki)}
    if algorithm == "Ed25519":
        out["whpk"] = "whpk_" + b64(spki[-32:])
    return out

doc = {
    "description": "Webhook signature test vectors for voltmsg: X-Respond-Flow-Signature (RSA PKCS#1 v1.5 SHA-256 over the body), "
                   "X-Respond-Flow-Signature-Next during an RSA rotation, and Standard Webhooks webhook-signature "
                   "(v1 = HMAC-SHA256 with each whsec_ secret, newest first, then v1a = Ed25519) over 'id.timestamp.body'. "
                   "A case's RSA keys are rsaKeyIds; the current one is the newest whose activatesAt <= now, a later one is 'next'. "
                   "Test keys only: never use them for anything else. Generated by testing/vectors/generate-webhook-signature-vectors.py "
                   "with openssl and Python's hmac; never regenerated by the build.",
    "rsaKeys": [key_json(k, "RSA") for k in rsa],
    "ed25519Key": key_json(ed, "Ed25519"),
    "cases": cases,
}
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print("wrote", OUT, len(cases), "cases")
