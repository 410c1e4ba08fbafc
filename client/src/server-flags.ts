/**
 * Node flags for the language server process. The client starts the server with them and the
 * benchmark (scripts/bench/server.ts) imports them, so that it measures the server as the editor runs it.
 *
 * `--max-semi-space-size=8`: V8 grows each of the young generation's two semi-spaces to 16 MB once a
 * burst of linting (opening many files) fills them, and keeps them, 32 MB resident that the idle
 * server does not use. At 8 MB, RSS after opening the 100 largest corpus files drops by about 19 MB
 * (medians of 4 runs) while the scavenges per keystroke stay as cheap: GC time per edit of a
 * 500-line and a 5,000-line Dockerfile unchanged, a 1,000-service Compose file +9 ms in-process.
 * At 4 MB it cost 20-35 ms more GC per edit on the large files; at 1 MB, twice the GC time.

 *
 * The optimising compiler's tier-up is tuned in server.ts at run time (flag names differ between V8s).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
