import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

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

export default defineConfig({
  plugins: [react(), nhsukAssets(), precompress()],
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
