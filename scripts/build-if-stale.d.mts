export declare function buildIfStale(root: string, env: NodeJS.ProcessEnv): void;
