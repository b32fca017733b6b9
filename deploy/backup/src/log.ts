/** Where the service reports what it does (stdout in the container, an array in tests). */
export type Log = (line: string) => void;
