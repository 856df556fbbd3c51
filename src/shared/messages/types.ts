// The shape of a message table: the English table's keys, each with a sentence.

export type Catalogue<English> = { readonly [Id in keyof English]: string };
