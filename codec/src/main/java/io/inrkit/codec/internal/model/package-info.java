/**
 * Internal to INRKit, not API: the image and audio context models, the stored networks'
 * predictions as side information, and the coding of every sample's bits in the three modes.
 *
 * <p>No compatibility promise; the codec's module descriptor does not export this package.
 */
package io.inrkit.codec.internal.model;
