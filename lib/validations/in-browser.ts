/**
 * Zod as the browser runs it. Our Content-Security-Policy has no `'unsafe-eval'`, and zod's fast
 * path compiles parsers with `new Function`: its probe for that alone is reported as a policy
 * violation. `jitless` parses without it (the forms check a handful of fields, so speed is moot).
 * Imported by the client code that parses (the Log and New tag dialogs) before it does.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
