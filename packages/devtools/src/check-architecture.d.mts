export declare function importsOf(text: string): string[]
export declare function checkArchitecture(
  root: string,
  rules?: Record<string, { workspace: string[]; outside: string[] }>,
): string[]
