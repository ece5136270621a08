/**
 * Internal to INRKit, not API: the weight formats (integers, ternary, PTQ1.61, posits,
 * minifloats, binary16, bfloat16), the quantizer and the phase rewrite applied before storing.
 *
 * <p>No compatibility promise; the codec's module descriptor does not export this package.
 */
package io.inrkit.codec.internal.quant;
