/// <reference path="./automerge-wasm-url.d.ts" />
export function automergeWasmAliases(): { find: RegExp; replacement: string }[]
export function automergeWasmPreload(): import('vite').Plugin
