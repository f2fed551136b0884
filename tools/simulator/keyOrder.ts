import type { Json } from './types';

/**
 * Bigin writes every JSON object in the iteration order of a Java `HashMap` filled in the order
 * the keys were put: keys go by hash bucket, keys sharing a bucket stay in insertion order. Each of
 * the 423 objects of two keys or more in the recorded exchanges follows that order (a table that
 * starts at 16 buckets and doubles past three quarters full). The simulator builds its objects in
 * Bigin's insertion order and writes them in this order, so clients see Bigin's key order.
 */
export function inBiginKeyOrder(value: Json): Json {
	if (Array.isArray(value)) return value.map(inBiginKeyOrder);
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value);
	const buckets = bucketCount(keys.length);
	const ordered = keys
		.map((key, insertion) => ({ key, insertion, bucket: spreadHash(key) & (buckets - 1) }))
		.sort((a, b) => a.bucket - b.bucket || a.insertion - b.insertion);
	return Object.fromEntries(ordered.map(({ key }) => [key, inBiginKeyOrder(value[key])]));
}

/** Java's `String.hashCode` (over UTF-16 code units, as JavaScript strings hold them). */
export function javaStringHash(text: string): number {
	let hash = 0;
	for (let index = 0; index < text.length; index += 1) {
		hash = (Math.imul(31, hash) + text.charCodeAt(index)) | 0;
	}
	return hash;
}

/** `HashMap.hash`: the high half folded into the low one. */
function spreadHash(key: string): number {
	const hash = javaStringHash(key);
	return (hash ^ (hash >>> 16)) >>> 0;
}

/** A `HashMap`'s table size after `size` puts: 16, doubled while more than 0.75 full. */
function bucketCount(size: number): number {
	let buckets = 16;
	while (size > buckets * 0.75) buckets *= 2;
	return buckets;
}
