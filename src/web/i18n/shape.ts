/** A catalogue with the same keys as another, any texts: how each language is checked against Chinese. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
