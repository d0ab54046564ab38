import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const require = createRequire(import.meta.url)
const nhsukImages = join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist/nhsuk/assets/images')

// nhsuk-frontend's compiled CSS points at /assets/images/*.svg; serve those files at that path in dev
// and copy the few it uses into the build, rather than committing copies of them.
const NHSUK_IMAGES = [
  'favicon.svg',
  'nhsuk-icon-arrow-down.svg',
  'nhsuk-icon-arrow-up-down.svg',
  'nhsuk-icon-arrow-up.svg',
  'nhsuk-icon-cross.svg',
]
function nhsukAssets(): Plugin {
  return {
    name: 'co-assess-nhsuk-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith('/assets/images/') ? req.url.slice('/assets/images/'.length) : ''
        if (!NHSUK_IMAGES.includes(name)) return next()
        res.setHeader('Content-Type', 'image/svg+xml')
        res.end(readFileSync(join(nhsukImages, name)))
      })
    },
    generateBundle() {
      for (const name of NHSUK_IMAGES) {
        this.emitFile({
          type: 'asset',
          fileName: `assets/images/${name}`,
          source: readFileSync(join(nhsukImages, name)),
        })
      }
    },
  }
}

// The server (@fastify/static with preCompressed) sends these to browsers that accept them: the
// scripts are a third of the size gzipped and less with Brotli, which matters on a venue's wifi.
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/
function precompress(): Plugin {
  return {
    name: 'co-assess-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue
        const path = join(dir, fileName)
        const source = readFileSync(path)
        if (source.byteLength < 1024) continue
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }))
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
            },
          }),
        )
      }
    },
  }
}

const api = process.env.CO_ASSESS_API ?? 'http://127.0.0.1:4000'

// A service worker (Workbox, generated at build time) keeps the app's own files on the device, so a
// reload with the venue's wifi down still opens the board from y-indexeddb. It holds only the built
// files: no API answer is cached by it (the board keeps its last assessment and framework itself, per
// person: session/boardCopy.ts). A new build waits until the person chooses to reload (UpdateNotice).
function offlineShell() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      // The .br and .gz beside each file are the same file for the wire: precache each file once.
      globPatterns: ['**/*.{js,css,html,svg}'],
      globIgnores: ['**/*.br', '**/*.gz'],
      // Only Vite's hashed files carry their version in the name; the NHS icons and the page do not.
      dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.(?:js|css)$/,
      // The page for the app's own routes (/a/…, /join/…, /); never for the API, the live connection or
      // the server-rendered public pages and reports.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/api(?:\/|$)/, /^\/sync(?:[/?]|$)/, /^\/p(?:\/|$)/],
      cleanupOutdatedCaches: true,
    },
  })
}

export default defineConfig({
  plugins: [react(), nhsukAssets(), precompress(), offlineShell()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // nhsuk-frontend ships its CSS minified already, with an IE hack (`@media screen\0`) and container
    // queries that Lightning CSS's minifier cannot parse: leave CSS as it is rather than drop rules.
    cssMinify: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/sync': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
})
