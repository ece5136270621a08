/**
 * Internal to INRKit, not API: the .inr container (docs/FORMAT.md): sections, stored networks,
 * tensor coding, the parser that validates every byte, and the SHA-256 of the samples.
 *
 * <p>No compatibility promise; the codec's module descriptor does not export this package.
 */
package io.inrkit.codec.internal.format;
