import { createSecretKey, randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  TokenVaultError,
  configuredKeyring,
  keyId,
  keyring,
  needsReseal,
  open,
  openTokens,
  seal,
  sealTokens,
} from "@/lib/auth/token-vault";

const newKey = () => createSecretKey(randomBytes(32));
const oldKey = newKey();
const currentKey = newKey();
const TOKENS = {
  accessToken: "a".repeat(40),
  refreshToken: "r".repeat(40),
  expiresAt: 1_800_000_000,
  scopes: ["mood_read", "mood_write"],
};

function vaultError(run: () => unknown): TokenVaultError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenVaultError) return error;
    throw error;
  }
  throw new Error("expected a TokenVaultError");
}

/** The record with one base64url part (3: iv, 4: tag, 5: ciphertext) changed by one bit. */
function flipBit(record: string, part: number): string {
  const parts = record.split(".");
  const bytes = Buffer.from(parts[part - 1] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[part - 1] = bytes.toString("base64url");
  return parts.join(".");
}

describe("token vault", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gives back the tokens it sealed, for the same user, in a record without them", () => {
    const keys = keyring([currentKey]);
    const record = sealTokens(TOKENS, "alice", keys);
    expect(record).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(record).not.toContain(TOKENS.accessToken);
    expect(record).not.toContain(Buffer.from(TOKENS.accessToken).toString("base64url"));
    expect(openTokens(record, "alice", keys)).toEqual(TOKENS);
    // A fresh IV each time: the same tokens never give the same record.
    expect(sealTokens(TOKENS, "alice", keys)).not.toBe(record);
  });

  it("names the key by the first 8 hex digits of its SHA-256, never the key", () => {
    const bytes = Buffer.alloc(32, 7);
    const id = keyId(createSecretKey(bytes));
    // python3 -c "import hashlib; print(hashlib.sha256(bytes([7] * 32)).hexdigest()[:8])"
    expect(id).toBe("4bb06f8e");
    expect(seal("x", "alice", keyring([createSecretKey(bytes)])).split(".")[1]).toBe(id);
  });

  it("refuses a record sealed for another user", () => {
    const keys = keyring([currentKey]);
    const record = sealTokens(TOKENS, "alice", keys);
    const error = vaultError(() => openTokens(record, "bob", keys));
    expect(error.kind).toBe("rejected");
    expect(error.message).toBe(
      "The token record does not decrypt for this user (altered, or sealed for another)",
    );
  });

  it.each([
    ["IV", 3],
    ["tag", 4],
    ["ciphertext", 5],
  ])("refuses a record whose %s was altered", (_part, index) => {
    const keys = keyring([currentKey]);
    const record = seal("secret", "alice", keys);
    expect(vaultError(() => open(flipBit(record, index), "alice", keys)).kind).toBe("rejected");
  });

  it("refuses a record whose key id was changed to another listed key", () => {
    const keys = keyring([currentKey, oldKey]);
    const [, oldId] = keys.map((key) => key.id);
    const record = seal("secret", "alice", keys).replace(/^v1\.[0-9a-f]{8}\./, `v1.${oldId}.`);
    expect(vaultError(() => open(record, "alice", keys)).kind).toBe("rejected");
  });

  it("rotates: seals with the newest key, opens records of any listed key", () => {
    const before = keyring([oldKey]);
    const after = keyring([currentKey, oldKey]);
    const oldRecord = sealTokens(TOKENS, "alice", before);
    expect(openTokens(oldRecord, "alice", after)).toEqual(TOKENS);
    expect(needsReseal(oldRecord, after)).toBe(true);
    const resealed = sealTokens(openTokens(oldRecord, "alice", after), "alice", after);
    expect(resealed.split(".")[1]).toBe(keyId(currentKey));
    expect(needsReseal(resealed, after)).toBe(false);
    // Once the old key is dropped from the list, its records no longer open.
    const dropped = vaultError(() => open(oldRecord, "alice", keyring([currentKey])));
    expect(dropped.kind).toBe("unknown-key");
    expect(dropped.message).toBe(
      `The token record's key ${keyId(oldKey)} is not in TOKEN_ENCRYPTION_KEY`,
    );
  });

  it.each([
    ["an empty string", ""],
    ["another version", "v2.00000000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA"],
    ["missing parts", "v1.00000000.AAAAAAAAAAAAAAAA"],
    ["an extra part", "v1.00000000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA.AA"],
    ["a bad key id", "v1.XYZ.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA"],
    ["a short IV", "v1.00000000.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AA"],
    ["a short tag", "v1.00000000.AAAAAAAAAAAAAAAA.AAAA.AA"],
    ["characters outside base64url", "v1.00000000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.A+/="],
  ])("calls %s malformed, without quoting it", (_what, record) => {
    const error = vaultError(() => open(record, "alice", keyring([currentKey])));
    expect(error.kind).toBe("malformed");
    expect(error.message).toMatch(/^Not a token record: /);
    if (record) expect(error.message).not.toContain(record);
  });

  it("calls a record that decrypts to something other than a token pair malformed", () => {
    const keys = keyring([currentKey]);
    for (const plaintext of ["not json", JSON.stringify({ accessToken: "a" })]) {
      const error = vaultError(() => openTokens(seal(plaintext, "alice", keys), "alice", keys));
      expect(error).toMatchObject({
        kind: "malformed",
        message: "The token record does not hold a token pair",
      });
    }
  });

  it("says TOKEN_ENCRYPTION_KEY is not set when there is no key to seal with", () => {
    const error = vaultError(() => seal("x", "alice", []));
    expect(error).toMatchObject({
      kind: "not-configured",
      message: "TOKEN_ENCRYPTION_KEY is not set",
    });
  });

  it("seals with TOKEN_ENCRYPTION_KEY's first key and opens with any of them", () => {
    const older = randomBytes(32);
    const newer = randomBytes(32);
    // env() is parsed once per process: this is the one test of this file that reads it.
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", `${newer.toString("base64")}, ${older.toString("base64")}`);
    expect(configuredKeyring().map((key) => key.id)).toEqual([
      keyId(createSecretKey(newer)),
      keyId(createSecretKey(older)),
    ]);
    const record = sealTokens(TOKENS, "alice");
    expect(record.split(".")[1]).toBe(keyId(createSecretKey(newer)));
    const fromOlder = sealTokens(TOKENS, "alice", keyring([createSecretKey(older)]));
    expect(openTokens(fromOlder, "alice")).toEqual(TOKENS);
  });

  it("never shows a key's bytes when the keyring is printed", () => {
    const bytes = randomBytes(32);
    const printed = inspect(keyring([createSecretKey(bytes)]), { depth: 5 });
    expect(printed).not.toContain(bytes.toString("hex"));
    expect(printed).not.toContain(bytes.toString("base64"));
    expect(printed).toContain("SecretKeyObject");
  });
});
