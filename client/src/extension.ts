import * as vscode from 'vscode';
import {
  LanguageClient, TransportKind, RevealOutputChannelOn,
  type LanguageClientOptions, type ServerOptions, type DocumentFilter,
} from 'vscode-languageclient/node';
import { DidChangeConfigurationNotification } from 'vscode-languageclient/node';
import { withResolvedFeatures } from './coexistence';
import { registerGeneratorCommands } from './generate';
import { registerLintWorkspace } from './lint-workspace';
import { SERVER_NODE_FLAGS } from './server-flags';

/** The VS Code side: starts the Dockhand language server and registers commands. It analyses nothing itself. */

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

const WATCHED_FILES = '**/{.dockerignore,*.dockerignore,package.json,package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,requirements*.txt,pyproject.toml,poetry.lock,go.mod,go.sum,Gemfile,Gemfile.lock,composer.json,Cargo.toml,tsconfig.json,.gitignore,.env,.env.*,compose*.y*ml,docker-compose*.y*ml,.dockhand.y*ml,.dockhand.json,.hadolint.y*ml}';

function documentSelector(): DocumentFilter[] {
  const selector: DocumentFilter[] = [];
  for (const scheme of ['file', 'untitled']) {
    selector.push({ scheme, language: 'dockerfile' }, { scheme, language: 'dockercompose' });
  }
  for (const pattern of ['**/compose*.{yml,yaml}', '**/*docker*compose*.{yml,yaml}']) {
    selector.push({ scheme: 'file', language: 'yaml', pattern });
  }
  return selector;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  output ??= vscode.window.createOutputChannel('Dockhand', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED_FILES) },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: withResolvedFeatures(JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('dockhand')))) },
    middleware: {
      workspace: {
        // `languageFeatures: auto` is decided here, where the other installed extensions are visible.
        configuration: async (params, token, next) => {
          const values = await next(params, token);
          if (!Array.isArray(values)) return values;
          return values.map((value, i) => {
            if (params.items[i]?.section !== 'dockhand') return value;
            const scopeUri = params.items[i].scopeUri;
            return withResolvedFeatures(value, scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
          });
        },
      },
    },
  };
  client = new LanguageClient('dockhand', 'Dockhand', serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    ...registerGeneratorCommands(),
    ...registerLintWorkspace(context),
    vscode.commands.registerCommand('dockhand.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Dockhand: open a Dockerfile or Compose file to fix.');
        return;
      }
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.dockhand', apply: 'first' });
    }),
    vscode.commands.registerCommand('dockhand.openRuleSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'dockhand.rules')),
    vscode.commands.registerCommand('dockhand.restartServer', async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand('dockhand.showOutput', () => output?.show()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('dockhand.enable')) return;
      if (vscode.workspace.getConfiguration('dockhand').get<boolean>('enable', true)) await start(context);
      else await stop();
    }),
    vscode.extensions.onDidChange(() => {
      // An overlapping extension was installed or removed: let the server re-read `languageFeatures`.
      void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
    }),
    { dispose: () => void stop() },
  );
  if (vscode.workspace.getConfiguration('dockhand').get<boolean>('enable', true)) await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
