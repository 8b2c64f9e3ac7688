/** The URL of Automerge's .wasm file, emitted as an asset (an alias in vite.config.ts). */
declare module 'automerge-wasm-url' {
  const url: string
  export default url
}
