/** Zod speaks Vietnamese everywhere (server validation and web forms). */
import { z } from 'zod';

z.config(z.locales.vi());

// In a browser the page's Content-Security-Policy forbids eval: zod's JIT for objects would probe
// `new Function`, and Chrome reports the probe as a CSP violation even though zod catches it.
// The server keeps the JIT.
if ('document' in globalThis) z.config({ jitless: true });

export { z };
