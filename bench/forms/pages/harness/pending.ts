/** One outstanding submit: the page's callbacks (onSubmit, onError…) settle the promise `start` returned. */
export class PendingResult<T> {
  private resolveFn: ((value: T) => void) | undefined;

  start(): Promise<T> {
    return new Promise((resolve) => {
      this.resolveFn = resolve;
    });
  }

  resolve(value: T): void {
    const resolve = this.resolveFn;
    this.resolveFn = undefined;
    resolve?.(value);
  }
}
