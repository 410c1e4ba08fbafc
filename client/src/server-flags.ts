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
 * `--interrupt-budget=540672` (4x V8's default): a function is optimised after four times as much
 * interpreted work. Right after a file opens, the optimising compiler otherwise recompiles dozens of
 * rules for that file's shapes while the user types, and its jobs (on a 2-core machine, on the core
 * the editor needs) and their stalls set the p95. Through the server (`npm run bench -- --only lsp`,
 * two runs each): 500-line keystroke p95 8.4-10.5 -> 4.5-5.6 ms, 5,000-line 12-21 -> 12-17 ms,
 * 1,000-service Compose 61-75 -> 67-70 ms, RSS with the 100 largest files open 143-144 -> 134-141 MB;
 * hover and completion no slower. 8x gave the same keystrokes with Compose p95 up to 83 ms.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--interrupt-budget=540672'];
