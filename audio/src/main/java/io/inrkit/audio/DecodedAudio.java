package io.inrkit.audio;

import io.inrkit.core.Signal;

/**
 * An audio file's samples and where they came from.
 *
 * @param signal signed PCM samples (8-bit WAV's unsigned bytes are re-centred on 0, so the same
 *     sound gives the same signal from WAV, AIFF or AU)
 * @param container {@code WAVE}, {@code AIFF} or {@code AU}
 * @param encoding the file's encoding, {@code PCM_SIGNED} or {@code PCM_UNSIGNED}
 * @param bigEndian the file's byte order
 */
public record DecodedAudio(Signal signal, String container, String encoding, boolean bigEndian) {
}
