/** Builds (once) and returns the SQLite binding for the given Electron version's ABI. */
export function electronNativeBinding(electronVersion: string): Promise<string>
