// Which tracked files are TS/JS source: the import graph reads them, the metrics count them.
export const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
