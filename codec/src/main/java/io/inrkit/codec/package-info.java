/**
 * The {@code .inr} codec: container, weight quantization, arithmetic coding of bit planes,
 * encoder and decoder. Knows {@link io.inrkit.core.Signal}, never an image or audio file format
 * (see DESIGN.md, "Modules"). Nothing is implemented here yet: the codec issue builds it.
 */
package io.inrkit.codec;
