import { execFile, execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './childServer.ts'

// A PostgreSQL server of the test's own: initdb into a temporary directory, listening on a free
// loopback port with its unix socket in that directory, trust authentication. The test stops and
// starts it at will; the machine's own PostgreSQL (5432) is never touched. As root, every PostgreSQL
// command runs as the `postgres` system user (initdb refuses root), and the directory is theirs.

/** The directory holding initdb and pg_ctl, newest version first, or null when there is none. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : null
}

export interface PrivatePostgres {
  port: number
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string
  dir: string
  /** pg_ctl stop: `fast` disconnects every client and shuts down cleanly; `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  start(): Promise<void>
  /** pg_ctl restart -m fast: down and up again in one command. */
  restart(): Promise<void>
  /** The server's own log, for failure messages. */
  log(): string
  /** Stops the server (if running) and removes its directory; safe to call more than once. */
  destroy(): Promise<void>
}

const PG_CTL_TIMEOUT_S = 30

function owner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinaries()
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql/*/bin')
  const as = owner()
  const dir = mkdtempSync(join(tmpdir(), 'co-assess-pg-'))
  if (as) chownSync(dir, as.uid, as.gid)
  const data = join(dir, 'data')
  const logFile = join(dir, 'postgres.log')
  const port = await freePort()

  const run = (command: string, args: string[], timeoutMs = (PG_CTL_TIMEOUT_S + 10) * 1000) =>
    new Promise<void>((done, fail) => {
      execFile(
        join(bin, command),
        args,
        { cwd: dir, timeout: timeoutMs, ...(as ?? {}), env: { ...process.env, LC_ALL: 'C' } },
        (error, stdout, stderr) => {
          if (error)
            fail(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`))
          else done()
        },
      )
    })
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // The test's data need not survive the machine crashing, only PostgreSQL stopping.
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ')
  const pgCtl = (...args: string[]) =>
    run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', String(PG_CTL_TIMEOUT_S), ...args])

  let running = false
  const start = async () => {
    await pgCtl('-o', options, 'start')
    running = true
  }
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pgCtl('-m', mode, 'stop')
    running = false
  }
  // If the test process dies before afterAll (a runner killed on a timeout runs no exit handler), do
  // not leave a PostgreSQL behind: a watchdog of its own stops it and removes the directory.
  const pgCtlAsOwner = `${as ? 'runuser -u postgres -- ' : ''}${join(bin, 'pg_ctl')}`
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${pgCtlAsOwner} -D '${data}' -m immediate stop; rm -rf '${dir}'`,
    ],
    { detached: true, stdio: 'ignore' },
  )
  watchdog.unref()
  const onExit = () => {
    if (!running) return
    try {
      execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], {
        ...(as ?? {}),
        stdio: 'ignore',
      })
    } catch {}
  }
  process.once('exit', onExit)

  try {
    await run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ])
    await start()
  } catch (error) {
    process.removeListener('exit', onExit)
    watchdog.kill()
    if (existsSync(join(data, 'postmaster.pid'))) await stop('immediate').catch(() => {})
    rmSync(dir, { recursive: true, force: true })
    throw error
  }

  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    start,
    stop,
    restart: async () => {
      await pgCtl('-m', 'fast', '-o', options, 'restart')
      running = true
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async destroy() {
      process.removeListener('exit', onExit)
      watchdog.kill()
      if (existsSync(join(data, 'postmaster.pid'))) await stop('immediate').catch(() => {})
      running = false
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
