/**
 * The {@code .inr} codec's public API: {@link io.inrkit.codec.Encoder} and
 * {@link io.inrkit.codec.Decoder}, their options ({@link io.inrkit.codec.EncodeOptions},
 * {@link io.inrkit.codec.DecodeOptions}, {@link io.inrkit.codec.WeightFormat}), what they return
 * ({@link io.inrkit.codec.EncodeResult}, {@link io.inrkit.codec.InrFileInfo}). Signals and the
 * typed errors come from {@code io.inrkit.core}. Knows {@link io.inrkit.core.Signal}, never an
 * image or audio file format (docs/DESIGN.md, "Modules").
 *
 * <p>Everything under {@code io.inrkit.codec.internal} is the implementation: INRKit's own
 * modules (the bench studies, the command line) use it, it makes no compatibility promise, and the
 * module descriptor does not export it. What must decode identically on every machine, and how,
 * is in docs/DESIGN.md, "Determinism"; what may change within a format version, in "The .inr
 * format".
 */
package io.inrkit.codec;
