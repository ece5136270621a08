/**
 * The {@code .inr} codec: {@link io.inrkit.codec.Encoder} and {@link io.inrkit.codec.Decoder},
 * their options and results, the coding of the bits section in its three modes (context model,
 * context model mixed with the network, network alone) and the costs by which the encoder
 * chooses. Subpackages: {@code format}, the container (docs/FORMAT.md); {@code cm}, the arithmetic
 * coder and the context-mixing primitives; {@code model}, the image and audio context models;
 * {@code quant}, the weight formats and quantization. Until they move to the bench module, the
 * studies behind {@code inrkit bench quant} and the file mutations of {@code inrkit bench fuzz}
 * live here too.
 *
 * <p>Knows {@link io.inrkit.core.Signal}, never an image or audio file format (docs/DESIGN.md,
 * "Modules"). What must decode identically on every machine, and how, is in docs/DESIGN.md,
 * "Determinism"; what may change within format version 1, in "The .inr format".
 */
package io.inrkit.codec;
