/**
 * A person's Exist tokens, encrypted for keeping in the database while work runs without them
 * (an import). AES-256-GCM under TOKEN_ENCRYPTION_KEY, a key separate from AUTH_SECRET, with
 * the key's id in each record so keys can be rotated (the newest encrypts, any listed key
 * decrypts), and the username bound as associated data: a record moved to another user's row
 * does not decrypt. Errors name what is wrong, never a token, a key or the record.
 *
 * A record: `v1.<key id>.<iv>.<tag>.<ciphertext>`, the last three base64url.
 */
import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import type { TokenFields } from "@/lib/auth/token";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[0-9a-f]{8}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export type VaultKey = { id: string; key: KeyObject };
/** The keys, newest first. */
export type Keyring = readonly VaultKey[];

export class TokenVaultError extends Error {
  override name = "TokenVaultError";
  constructor(
    /**
     * `not-configured`: no key to seal with; `malformed`: not a record; `unknown-key`: its key
     * is no longer listed; `rejected`: altered, or sealed for another user.
     */
    readonly kind: "not-configured" | "malformed" | "unknown-key" | "rejected",
    message: string,
  ) {
    super(message);
  }
}

/** A key's id: the first 8 hex digits of its SHA-256, which identifies it without revealing it. */
export function keyId(key: KeyObject): string {
  return createHash("sha256").update(key.export()).digest("hex").slice(0, 8);
}

export function keyring(keys: readonly KeyObject[]): Keyring {
  return keys.map((key) => ({ id: keyId(key), key }));
}

/** The keyring from TOKEN_ENCRYPTION_KEY. */
export function configuredKeyring(): Keyring {
  return keyring(env().tokenEncryptionKeys);
}

function associatedData(id: string, username: string): Buffer {
  return Buffer.from(`exist-ownership token-vault ${VERSION}\n${id}\n${username}`, "utf8");
}

/** Encrypts `plaintext` for `username` with the newest key. */
export function seal(plaintext: string, username: string, keys = configuredKeyring()): string {
  const [newest] = keys;
  if (!newest) {
    throw new TokenVaultError("not-configured", "TOKEN_ENCRYPTION_KEY is not set");
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", newest.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(newest.id, username));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return [VERSION, newest.id, ...parts].join(".");
}

type Parsed = { id: string; iv: Buffer; tag: Buffer; body: Buffer };

function parse(record: string): Parsed {
  const [version, id, iv, tag, body, ...rest] = record.split(".");
  const malformed = (why: string) => new TokenVaultError("malformed", `Not a token record: ${why}`);
  if (version !== VERSION) throw malformed("unknown version");
  if (
    rest.length > 0 ||
    id === undefined ||
    iv === undefined ||
    tag === undefined ||
    body === undefined
  ) {
    throw malformed("wrong number of parts");
  }
  if (!KEY_ID.test(id)) throw malformed("bad key id");
  if (![iv, tag, body].every((part) => BASE64URL.test(part))) throw malformed("not base64url");
  const parsed = {
    id,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    body: Buffer.from(body, "base64url"),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw malformed("bad IV or tag length");
  }
  return parsed;
}

/** Decrypts a record sealed for `username` with any key of the ring. */
export function open(record: string, username: string, keys = configuredKeyring()): string {
  const { id, iv, tag, body } = parse(record);
  const found = keys.find((candidate) => candidate.id === id);
  if (!found) {
    throw new TokenVaultError(
      "unknown-key",
      `The token record's key ${id} is not in TOKEN_ENCRYPTION_KEY`,
    );
  }
  const decipher = createDecipheriv("aes-256-gcm", found.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(id, username));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenVaultError(
      "rejected",
      "The token record does not decrypt for this user (altered, or sealed for another)",
    );
  }
}

/** True when the record is sealed with an older key: open and seal it again to rotate. */
export function needsReseal(record: string, keys = configuredKeyring()): boolean {
  return parse(record).id !== keys[0]?.id;
}

const tokenFieldsSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.number(),
  scopes: z.array(z.string()),
});

export function sealTokens(tokens: TokenFields, username: string, keys?: Keyring): string {
  const { accessToken, refreshToken, expiresAt, scopes } = tokens;
  return seal(JSON.stringify({ accessToken, refreshToken, expiresAt, scopes }), username, keys);
}

export function openTokens(record: string, username: string, keys?: Keyring): TokenFields {
  const parsed = tokenFieldsSchema.safeParse(safeJson(open(record, username, keys)));
  if (!parsed.success) {
    throw new TokenVaultError("malformed", "The token record does not hold a token pair");
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
