/**
 * A minimal browser for the sign-in flow over plain HTTP: follows redirects by hand, keeps cookies per
 * host and port, and submits the provider's login and consent forms as a person would.
 */
export class StaffBrowser {
  private readonly jar = new Map<string, Map<string, string>>()

  cookieHeader(url: string): string {
    const cookies = this.jar.get(new URL(url).host)
    return cookies ? [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') : ''
  }

  private keep(url: string, response: Response): void {
    const host = new URL(url).host
    const cookies = this.jar.get(host) ?? new Map<string, string>()
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at).trim()
      const value = pair!.slice(at + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line))
        cookies.delete(name)
      else cookies.set(name, value)
    }
    this.jar.set(host, cookies)
  }

  /** One request with this browser's cookies, no redirects followed. */
  async request(url: string, init: { method?: string; body?: string; contentType?: string } = {}) {
    const headers: Record<string, string> = {}
    const cookie = this.cookieHeader(url)
    if (cookie) headers.cookie = cookie
    if (init.contentType) headers['content-type'] = init.contentType
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body,
      headers,
      redirect: 'manual',
    })
    this.keep(url, response)
    return response
  }

  /** JSON API call on the board, with the staff cookie. */
  async api(
    url: string,
    body?: unknown,
    method?: string,
  ): // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API sent
  Promise<{ status: number; body: any }> {
    const response = await this.request(url, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }

  /**
   * Starts at `url` and follows redirects and forms until a page stops redirecting on `until`'s origin
   * (or anywhere with no form). Returns the last URL reached.
   */
  async signIn(url: string, login: string, until: string): Promise<string> {
    let current = url
    let init: { method?: string; body?: string; contentType?: string } = {}
    for (let step = 0; step < 30; step += 1) {
      const response = await this.request(current, init)
      init = {}
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href
        if (current.startsWith(until) && !current.includes('/api/')) return current
        continue
      }
      const html = await response.text()
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html)
      if (!form) return current
      const fields = new URLSearchParams()
      for (const input of form[2]!.matchAll(/<input([^>]*)>/gi)) {
        const name = /name="([^"]+)"/.exec(input[1]!)?.[1]
        if (!name) continue
        if (name === 'login') fields.set(name, login)
        else if (name === 'password') fields.set(name, 'any-password')
        else fields.set(name, /value="([^"]*)"/.exec(input[1]!)?.[1] ?? '')
      }
      current = new URL(form[1]!.replaceAll('&amp;', '&'), current).href
      init = { method: 'POST', body: fields.toString(), contentType: 'application/x-www-form-urlencoded' }
    }
    throw new Error(`sign-in did not finish; last at ${current}`)
  }
}
