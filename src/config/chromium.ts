/**
 * Where Debian's Chromium is, for PDF rendering and the browser tests. Read at import rather than
 * through `parseEnv`: the launcher is shared with test code that has no parsed environment, and a
 * PDF is rendered far from where the server's settings are passed. Documented with the rest of the
 * environment (README.md, .env.example).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
