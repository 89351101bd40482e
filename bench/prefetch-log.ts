/**
 * The attributes page's server-side prefetch must log one line, like a route handler: loads the
 * page once with a fresh session and returns the `prefetch` lines the app wrote meanwhile.
 */
import type { ChildProcess } from "node:child_process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function prefetchLogLines(
  app: ChildProcess,
  appUrl: string,
  cookie: string,
): Promise<string[]> {
  const lines: string[] = [];
  let partial = "";
  const listen = (chunk: Buffer) => {
    const parts = (partial + chunk.toString("utf8")).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  };
  app.stdout?.on("data", listen);
  try {
    const page = await fetch(`${appUrl}/attributes`, { headers: { Cookie: cookie } });
    await page.text();
    // Written before the HTML is sent, the line may still be in the pipe; so may a second one.
    const deadline = Date.now() + 2000;
    while (!lines.some((line) => line.startsWith("prefetch ")) && Date.now() < deadline) {
      await sleep(50);
    }
    await sleep(300);
  } finally {
    app.stdout?.off("data", listen);
  }
  return lines.filter((line) => line.startsWith("prefetch "));
}
