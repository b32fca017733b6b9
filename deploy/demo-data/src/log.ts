/** Where the loader reports progress (stdout in the container, an array in tests). */
export type Log = (line: string) => void;
