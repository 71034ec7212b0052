export declare const projectRoot: string;
export declare function compileSource(outdir: string): void;
