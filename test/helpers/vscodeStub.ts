/**
 * Just enough of the `vscode` module for client code that builds tree items and fires events to run
 * under mocha, outside an extension host: `useVscodeStub()` makes `require('vscode')` return it.
 * Behaviour that needs a real editor is tested in the extension-host suite (test/vscode) and the E2E.
 */
import Module = require('module');

export class EventEmitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  command?: unknown;
  contextValue?: string;
  constructor(
    readonly label: string,
    readonly collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

const STUB_ID = require.resolve('./vscodeStub');
let installed = false;

/** Makes `require('vscode')` (and `import … from 'vscode'`) load this stub in the rest of the test run. */
export function useVscodeStub(): void {
  if (installed) return;
  installed = true;
  const resolver = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const original = resolver._resolveFilename;
  resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? STUB_ID : original.call(this, request, ...rest);
  };
}
