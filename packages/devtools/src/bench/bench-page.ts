import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { type Browser, chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { chromiumArgs, chromiumPath } from '../chromium.mjs'
import { serve } from './static-server'

export interface BenchPage {
  browser: Browser
  page: Page
  /** Closes the page's server and Chromium and removes the build. */
  close(): Promise<void>
}

/**
 * Builds a benchmark page (a Vite root with an index.html) for production, serves it on a
 * free port and opens it in headless Chromium: what every in-browser suite starts with.
 */
export async function openBenchPage(
  pageDir: string,
  name: string,
  viewport?: { width: number; height: number },
): Promise<BenchPage> {
  const outDir = mkdtempSync(join(tmpdir(), `troupe-bench-${name}-`))
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  })
  let server: Server | undefined
  const close = async () => {
    server?.close()
    await browser.close()
    rmSync(outDir, { recursive: true, force: true })
  }
  try {
    await build({
      root: pageDir,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    })
    server = await serve(outDir)
    const page = await browser.newPage(viewport ? { viewport } : {})
    page.on('pageerror', (error) => console.error('bench page error:', error.message))
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    return { browser, page, close }
  } catch (error) {
    await close()
    throw error
  }
}
