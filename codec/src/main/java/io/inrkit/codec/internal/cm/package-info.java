/**
 * Internal to INRKit, not API: binary arithmetic coding and the context-mixing parts (adaptive
 * tables, mixer, APM) the sample models are built from.
 *
 * <p>No compatibility promise; the codec's module descriptor does not export this package.
 */
package io.inrkit.codec.internal.cm;
