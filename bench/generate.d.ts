// Types for the test suite, which reads generated repositories (the generator itself is plain ESM).
export declare const ENVIRONMENTS: ReadonlyArray<{ name: string; overlay: string; live: boolean }>;
export declare function serviceName(index: number): string;
export declare function generateRepo(root: string, options: { services: number; keys: number }): Array<{ relative: string; bytes: number }>;
