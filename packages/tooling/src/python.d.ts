export declare const DEBIAN_PYTHON: string;
