/** Polls until the check stops throwing (or returns true): no fixed sleeps in tests. */
export async function waitFor(check: () => unknown, { timeout = 10_000, interval = 20 } = {}): Promise<void> {
  const deadline = Date.now() + timeout
  let lastError: unknown
  for (;;) {
    try {
      const result = await check()
      if (result !== false) return
      lastError = new Error('condition was false')
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) throw lastError
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
