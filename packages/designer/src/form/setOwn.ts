/**
 * Sets an own property: keys come from definitions (field keys and node ids may be `__proto__`, which
 * their patterns allow), and a plain assignment of that key would replace the object's prototype.
 */
export function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
