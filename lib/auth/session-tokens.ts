/**
 * The Exist tokens of one request's session: refreshes them when they have expired or Exist
 * rejects them, and remembers the change so the route handler can write the cookie back.
 */
import "server-only";
import type { TokenSource } from "@/lib/exist/client";
import { ExistError } from "@/lib/exist/errors";
import { isExpired, type SessionToken, type TokenFields } from "@/lib/auth/token";

export class SessionTokens implements TokenSource {
  constructor(
    public token: SessionToken,
    private readonly refreshTokens: (refreshToken: string) => Promise<TokenFields>,
    /** True once `token` differs from the cookie the request came with. */
    public changed = false,
  ) {}

  async accessToken(): Promise<string> {
    if (isExpired(this.token)) return this.refresh(this.token.accessToken);
    return this.token.accessToken;
  }

  /** The one refresh this request makes for a rejected token, settled or not. */
  private refreshing: { rejected: string; result: Promise<string> } | undefined;

  async refresh(rejected: string): Promise<string> {
    // Another call of this request already refreshed: use its token.
    if (this.token.accessToken !== rejected) return this.token.accessToken;
    // A sibling call (the list and the owned list go out together) rejected with the same token
    // shares that refresh, and its failure: trying again after a 5xx would be a retry.
    if (this.refreshing?.rejected === rejected) return this.refreshing.result;
    const result = this.exchange();
    this.refreshing = { rejected, result };
    return result;
  }

  private async exchange(): Promise<string> {
    try {
      const fresh = await this.refreshTokens(this.token.refreshToken);
      this.update({ ...this.token, ...fresh });
    } catch (error) {
      if (error instanceof ExistError && error.kind === "unauthorized") {
        this.update({ ...this.token, error: "RefreshFailed" });
      }
      throw error;
    }
    return this.token.accessToken;
  }

  private update(token: SessionToken): void {
    this.token = token;
    this.changed = true;
  }
}
