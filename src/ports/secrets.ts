/** Long-lived random secrets made on first use (the key that signs download links). */
export interface Secrets {
  get(name: string): Promise<string>;
}
