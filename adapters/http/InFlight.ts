/**
 * Requests being answered, counted from when they come in until their response is ready,
 * so that a stop can refuse new ones and then wait for the last of these.
 */
export interface InFlight {
  readonly count: () => number
  /** Runs `answer`, counted until its response is ready (or it throws). */
  readonly run: (answer: () => Response | Promise<Response>) => Response | Promise<Response>
  /** Resolves once none is in flight. */
  readonly drained: () => Promise<void>
}

export const make = (): InFlight => {
  let count = 0
  let idle: (() => void) | undefined
  const settle = () => {
    if (--count === 0) idle?.()
  }
  return {
    count: () => count,
    run: (answer) => {
      count++
      let answered: Response | Promise<Response>
      try {
        answered = answer()
      } catch (error) {
        settle()
        throw error
      }
      // A response ready at once settles at once: no promise, no event-loop turn.
      if (answered instanceof Response) {
        settle()
        return answered
      }
      return answered.finally(settle)
    },
    drained: () => count === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve))
  }
}
