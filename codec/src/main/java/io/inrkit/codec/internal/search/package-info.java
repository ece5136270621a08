/**
 * Internal to INRKit, not API: the encoder's search: networks trained for a signal, stored in
 * weight formats, and what each candidate costs as a file.
 *
 * <p>No compatibility promise; the codec's module descriptor does not export this package.
 */
package io.inrkit.codec.internal.search;
