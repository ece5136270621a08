package io.inrkit.codec.internal.format;

import io.inrkit.codec.internal.quant.QuantizedTensor;

/**
 * One layer as stored: its shape, omega (0 for the linear output layer) and its weights
 * ({@code inputs x outputs}) and bias ({@code 1 x outputs}) in their stored formats.
 */
public record StoredLayer(int inputs, int outputs, float omega, QuantizedTensor weights, QuantizedTensor bias) {
}
