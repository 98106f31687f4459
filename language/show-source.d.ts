/** Source text for a message: in backticks, shortened, with invisible characters as `U+XXXX`. */
export declare function showSource(text: string): string;
